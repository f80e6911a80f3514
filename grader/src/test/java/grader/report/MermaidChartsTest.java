package grader.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import grader.browser.ChromiumAvailability;
import grader.browser.HeadlessChromium;
import grader.json.GraderJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import multiprocessing.tools.Timeline;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Mermaid charts of the job summary, checked by Mermaid itself: its own browser bundle parses and
 * renders each chart in headless Chromium. GitHub draws the charts with Mermaid, and a chart Mermaid
 * rejects shows up there as an error box instead of a picture, which no test of our own chart writer
 * would notice.
 *
 * <p>The charts come from trace files (small hand-written runs, plus one generated run of 5,000 tasks)
 * through {@link Timeline#mermaid}, and from {@code summary.md} as {@link SummaryMarkdown} writes it, so
 * that the fences checked are the ones the summary really has.
 *
 * <p>The bundle is the file {@code MERMAID_JS} names; {@code .ci/fetch-mermaid} installs it and prints
 * its path. Without the variable the test looks in the cache directory that script installs into, and
 * without a bundle there either it is skipped with a warning: npm could not be reached to install it.
 * Without Chromium, {@link ChromiumAvailability} decides (fail on CI, skip elsewhere).
 */
@DisplayName("the job summary's Mermaid charts, checked by Mermaid in a browser")
class MermaidChartsTest {
    private static final String BUNDLE_VARIABLE = "MERMAID_JS";
    private static final String FETCH_SCRIPT = ".ci/fetch-mermaid";
    private static final String TRACES = "/grader/report/mermaid/";
    private static final Pattern MERMAID_FENCE = Pattern.compile("(?ms)^```mermaid\\n(.*?)\\n```$");
    private static final AtomicBoolean WARNED = new AtomicBoolean();
    private static final AtomicInteger RENDERS = new AtomicInteger();

    @TempDir
    static Path work;
    private static HeadlessChromium page;
    private static List<Chart> charts;

    /** A chart to check and where it came from, which is what a failing test is named after. */
    record Chart(String source, String text) {
        @Override
        public String toString() {
            return source;
        }
    }

    /** What Mermaid made of a chart: the SVG, or its error message. */
    record Rendering(String svg, String error) {
    }

    @AfterAll
    static void closeBrowser() {
        if (page != null) {
            page.close();
            page = null;
        }
    }

    // --- The charts ------------------------------------------------------------------------------

    /** Every chart to check: straight from {@link Timeline#mermaid}, and fenced in {@code summary.md}. */
    static synchronized List<Chart> charts() {
        if (charts == null) {
            List<Chart> all = new ArrayList<>();
            all.addAll(timelineCharts());
            for (Map.Entry<String, String> summary : summaries().entrySet()) {
                List<String> fenced = mermaidBlocks(summary.getValue());
                for (int i = 0; i < fenced.size(); i++) {
                    all.add(new Chart(summary.getKey() + ", chart " + (i + 1) + " of " + fenced.size(), fenced.get(i)));
                }
            }
            charts = List.copyOf(all);
        }
        return charts;
    }

    /**
     * The charts drawn from the trace with hostile names, directly and in a summary: only its names
     * hold {@code alert(1)}, which survives the label cleaning as harmless text.
     */
    static List<Chart> hostileCharts() {
        return charts().stream().filter(chart -> chart.text().contains("alert(1)")).toList();
    }

    private static List<Chart> timelineCharts() {
        int bars = TimelineReport.MAX_MERMAID_BARS;
        return List.of(
                new Chart("4 workers in parallel", trace("parallel-4-workers.jsonl").mermaid("Step 4, main run", bars)),
                new Chart("a serial run", trace("serial.jsonl").mermaid("Step 4, main run", bars)),
                new Chart("producer and consumer Processes", trace("producer-consumer.jsonl").mermaid("Step 3, main run", bars)),
                new Chart("5,000 tiny tasks in " + bars + " bars", tinyTasks().mermaid("Step 2, main run", bars)),
                // The most bars a trace can have: the chart writer must shrink it below Mermaid's size limit.
                new Chart("5,000 tiny tasks in up to " + Timeline.MAX_BARS + " bars",
                        tinyTasks().mermaid("Step 2, main run", Timeline.MAX_BARS)),
                new Chart("hostile labels", trace("hostile-labels.jsonl").mermaid("Step 1, main run", bars)),
                new Chart("a trace without events", read("").mermaid("Step 1, main run", bars)),
                // What the grader draws for a main that never used the runtime: a main lane alone.
                new Chart("a main that never used the runtime", read("").within(8800, T0, T0 + 800_000, null)
                        .mermaid("Step 1, main run", bars)),
                new Chart("a run stopped at its time limit with tasks unfinished",
                        stoppedRun().mermaid("Step 4, main run", bars)));
    }

    private static final long T0 = 1_764_081_600_000_000L;

    /**
     * Four slowSquare tasks that began and never ended and a consumer Process still alive, stopped by the
     * grader at its time limit: unfinished bars, an open Process and main's life, all up to the stop.
     */
    private static Timeline stoppedRun() {
        StringBuilder trace = new StringBuilder("{\"event\":\"pool_start\",\"time_us\":" + (T0 + 300_000)
                + ",\"pid\":8800,\"pool\":1,\"size\":4,\"workers\":[8801,8802,8803,8804]}\n");
        for (int w = 1; w <= 4; w++) {
            trace.append("{\"event\":\"task_start\",\"time_us\":").append(T0 + 400_000 + w).append(",\"pid\":")
                    .append(8800 + w).append(",\"pool\":1,\"batch\":").append(w)
                    .append(",\"function\":\"lab.SlowSquare.slowSquare\",\"items\":1}\n");
        }
        trace.append("{\"event\":\"process_start\",\"time_us\":").append(T0 + 350_000)
                .append(",\"pid\":8800,\"child_pid\":8810,\"name\":\"Process-1\",\"target\":\"lab.Q.consumer\"}\n");
        return read(trace.toString()).within(8800, T0, T0 + 25_000_000,
                "the grader stopped the run at its 25 s time limit");
    }

    /** The job summaries, by description: a mixed grade with a chart per step, and a perfect one. */
    private static Map<String, String> summaries() {
        Map<String, String> mixed = new LinkedHashMap<>();
        mixed.put("square", markdown("parallel-4-workers.jsonl", "Step 1: square"));
        mixed.put("complex_square", markdown("serial.jsonl", "Step 2: complex_square"));
        mixed.put("queue", markdown("producer-consumer.jsonl", "Step 3: queue"));
        mixed.put("slow_square", markdown("hostile-labels.jsonl", "Step 4: slow_square"));
        Map<String, String> perfect = Map.of("slow_square",
                TimelineReport.markdown(tinyTasks(), "Step 4: slow_square, main run", "timeline-slow_square.html"));
        Map<String, String> summaries = new LinkedHashMap<>();
        summaries.put("summary.md of a mixed grade", SummaryMarkdown.render(SampleReports.mixed(), mixed));
        summaries.put("summary.md of a perfect grade", SummaryMarkdown.render(SampleReports.perfect(), perfect));
        return summaries;
    }

    /** A step's Markdown as the grader makes it: titled after the step's main run. */
    private static String markdown(String traceFile, String stepTitle) {
        String id = stepTitle.substring(stepTitle.indexOf(": ") + 2);
        return TimelineReport.markdown(trace(traceFile), stepTitle + ", main run", "timeline-" + id + ".html");
    }

    /** The text of every {@code mermaid} fenced block in {@code markdown}, without its fences. */
    static List<String> mermaidBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        Matcher fence = MERMAID_FENCE.matcher(markdown);
        while (fence.find()) {
            blocks.add(fence.group(1));
        }
        return blocks;
    }

    private static Timeline trace(String file) {
        try (InputStream in = MermaidChartsTest.class.getResourceAsStream(TRACES + file)) {
            if (in == null) {
                throw new IllegalStateException("test resource missing: " + TRACES + file);
            }
            return read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Timeline read(String trace) {
        try {
            return Timeline.read(new StringReader(trace));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * 5,000 tasks of 1 to 3 ms on 4 workers: far more than a chart can show, so the bars are merged.
     * Written here rather than as a file, since a file would be 5,000 lines of the same.
     */
    private static Timeline tinyTasks() {
        long t0 = 1_764_081_600_000_000L;
        long[] workers = {8801, 8802, 8803, 8804};
        StringBuilder trace = new StringBuilder("{\"event\":\"pool_start\",\"time_us\":" + t0
                + ",\"pid\":8800,\"pool\":1,\"size\":4,\"workers\":[8801,8802,8803,8804]}\n");
        long[] free = {t0 + 500, t0 + 500, t0 + 500, t0 + 500};
        for (int i = 0; i < 5_000; i++) {
            int w = i % 4;
            long start = free[w];
            long end = start + 1_000 + (i % 3) * 1_000L;
            free[w] = end + 20;
            trace.append("{\"event\":\"task\",\"time_us\":").append(end + 5).append(",\"pid\":").append(workers[w])
                    .append(",\"pool\":1,\"function\":").append(GraderJson.write("lab.Square.square")).append(",\"items\":1")
                    .append(",\"start_us\":").append(start).append(",\"end_us\":").append(end)
                    .append(",\"ok\":").append(i != 4_321).append("}\n");
        }
        return read(trace.toString());
    }

    // --- Mermaid in the browser ----------------------------------------------------------------------

    /**
     * The tab with Mermaid loaded, opened on first use and shared by the tests: loading the bundle is
     * the slow part, and parsing or rendering a chart leaves nothing behind that another could see.
     */
    private static synchronized HeadlessChromium mermaid() {
        if (page == null) {
            Path bundle = bundleOrSkip();
            ChromiumAvailability.Binaries binaries = ChromiumAvailability.binariesForTest();
            try {
                Path dir = Files.createDirectories(work.resolve("mermaid-page"));
                // Next to the page and loaded by a relative URL: a file page may load files beside it.
                Files.copy(bundle, dir.resolve("mermaid.min.js"));
                Files.writeString(dir.resolve("index.html"), """
                        <!DOCTYPE html>
                        <html lang="en">
                        <head><meta charset="utf-8"><title>Mermaid check</title>
                        <script src="mermaid.min.js"></script></head>
                        <body></body>
                        </html>
                        """, StandardCharsets.UTF_8);
                page = HeadlessChromium.start(binaries);
                // A large chart takes Mermaid a few seconds on a busy machine.
                page.setTimeout(Duration.ofSeconds(60));
                page.open(dir.resolve("index.html"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            assertEquals("object", page.evaluate("typeof window.mermaid"), bundle + " did not define window.mermaid");
        }
        return page;
    }

    /** The Mermaid bundle to test with, or the test is skipped with a warning saying why. */
    private static Path bundleOrSkip() {
        Optional<Path> bundle = bundle();
        if (bundle.isPresent()) {
            return bundle.get();
        }
        String why = "Mermaid could not be installed (npm unreachable): $" + BUNDLE_VARIABLE
                + " is not set and no bundle is in the cache; run " + FETCH_SCRIPT + " to install it";
        if (!WARNED.getAndSet(true)) {
            System.err.println("WARNING: Mermaid chart tests skipped: " + why + ". The job summary's charts were NOT checked.");
        }
        Assumptions.assumeTrue(false, "Mermaid chart test skipped: " + why);
        throw new IllegalStateException("unreachable: the assumption above always aborts the test");
    }

    /** {@code $MERMAID_JS}, else the bundle {@code .ci/fetch-mermaid} leaves in its cache directory. */
    private static Optional<Path> bundle() {
        String variable = System.getenv(BUNDLE_VARIABLE);
        if (variable != null && !variable.isBlank()) {
            Path path = Path.of(variable.strip());
            if (!Files.isRegularFile(path)) {
                fail("$" + BUNDLE_VARIABLE + " names " + path + ", which is not a file");
            }
            return Optional.of(path);
        }
        return pinnedVersion().map(version -> cacheRoot().resolve("multiprocessing-lab").resolve("mermaid-" + version)
                .resolve("node_modules/mermaid/dist/mermaid.min.js")).filter(Files::isRegularFile);
    }

    /** The version the script pins, read from the script so that there is one place to change it. */
    private static Optional<String> pinnedVersion() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path script = dir.resolve(FETCH_SCRIPT);
            if (Files.isRegularFile(script)) {
                try {
                    return Files.readAllLines(script).stream().filter(line -> line.startsWith("PACKAGE_VERSION="))
                            .map(line -> line.substring("PACKAGE_VERSION=".length()).strip()).findFirst();
                } catch (IOException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** The script's cache root: {@code $XDG_CACHE_HOME}, else {@code $HOME/.cache}, as bash's {@code :-} reads them. */
    private static Path cacheRoot() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isEmpty()) {
            return Path.of(xdg);
        }
        String home = System.getenv("HOME");
        return Path.of(home != null && !home.isEmpty() ? home : System.getProperty("java.io.tmpdir"), ".cache");
    }

    /** Mermaid's parse error for {@code text}, or null when it parses. */
    static String parseError(String text) {
        return (String) mermaid().evaluate("(async () => {\n"
                + "  try { await mermaid.parse(" + GraderJson.write(text) + "); return null; }\n"
                + "  catch (e) { return String(e && e.message ? e.message : e); }\n"
                + "})()");
    }

    /**
     * {@code text} rendered with {@code securityLevel}. {@code strict} is Mermaid's default;
     * {@code loose} lets a chart bind click handlers and links, so it shows whether the text asked for any.
     */
    @SuppressWarnings("unchecked")
    static Rendering render(String text, String securityLevel) {
        String id = "chart" + RENDERS.incrementAndGet();
        Map<String, Object> result = (Map<String, Object>) mermaid().evaluate("(async () => {\n"
                + "  mermaid.initialize({ startOnLoad: false, securityLevel: " + GraderJson.write(securityLevel) + " });\n"
                + "  try { const { svg } = await mermaid.render(" + GraderJson.write(id) + ", " + GraderJson.write(text) + ");"
                + " return { svg }; }\n"
                + "  catch (e) { return { error: String(e && e.message ? e.message : e) }; }\n"
                + "  finally { mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' }); }\n"
                + "})()");
        return new Rendering((String) result.get("svg"), (String) result.get("error"));
    }

    private static String describe(Chart chart, String problem) {
        return chart.source() + ": " + problem + "\n--- chart ---\n" + chart.text() + "\n-------------";
    }

    // --- The tests -----------------------------------------------------------------------------------

    @Nested
    @DisplayName("the charts checked")
    class Gathered {
        @Test
        @DisplayName("include one chart per step that has a timeline, from the summary's mermaid fences")
        void oneFencePerStep() {
            Map<String, String> summaries = summaries();
            assertEquals(List.of(4, 1), summaries.values().stream().map(s -> mermaidBlocks(s).size()).toList());
        }

        @Test
        @DisplayName("are gantt charts, as the summary promises")
        void gantt() {
            List<String> notGantt = charts().stream()
                    .filter(c -> !c.text().startsWith("gantt\n") && !c.text().contains("\ngantt\n"))
                    .map(Chart::source)
                    .toList();
            assertEquals(List.of(), notGantt);
        }

        @Test
        @DisplayName("include the 5,000-task run with its bars merged")
        void merged() {
            assertTrue(charts().stream().anyMatch(c -> c.text().contains("The 5,000 tasks are drawn as")),
                    "no chart says its tasks were merged into fewer bars");
        }

        @Test
        @DisplayName("include the run with hostile names, directly and in the summary")
        void hostile() {
            assertEquals(List.of("hostile labels", "summary.md of a mixed grade, chart 4 of 4"),
                    hostileCharts().stream().map(Chart::source).toList());
        }
    }

    @Nested
    @DisplayName("Mermaid accepts every chart")
    class Accepted {
        @ParameterizedTest(name = "{0}")
        @MethodSource("grader.report.MermaidChartsTest#charts")
        @DisplayName("mermaid.parse accepts it")
        void parses(Chart chart) {
            String error = parseError(chart.text());
            assertNull(error, () -> describe(chart, "Mermaid cannot parse it: " + error));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("grader.report.MermaidChartsTest#charts")
        @DisplayName("mermaid.render draws it as an SVG")
        void renders(Chart chart) {
            Rendering rendering = render(chart.text(), "strict");
            assertTrue(rendering.svg() != null && rendering.svg().startsWith("<svg"),
                    () -> describe(chart, "Mermaid did not render it: "
                            + (rendering.error() != null ? rendering.error() : "no <svg> in " + rendering.svg())));
        }
    }

    @Nested
    @DisplayName("a hostile name in the trace cannot inject into the chart")
    class Hostile {
        @ParameterizedTest(name = "{0}")
        @MethodSource("grader.report.MermaidChartsTest#hostileCharts")
        @DisplayName("no script element")
        void noScript(Chart chart) {
            String svg = renderedLoosely(chart);
            assertFalse(svg.toLowerCase().contains("<script"), () -> describe(chart, "the SVG holds a script:\n" + svg));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("grader.report.MermaidChartsTest#hostileCharts")
        @DisplayName("no link")
        void noLink(Chart chart) {
            String svg = renderedLoosely(chart).toLowerCase();
            assertFalse(svg.contains("href=") || svg.contains("javascript:") || svg.contains("<a "),
                    () -> describe(chart, "the SVG holds a link:\n" + svg));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("grader.report.MermaidChartsTest#hostileCharts")
        @DisplayName("no click handler")
        void noClickHandler(Chart chart) {
            String svg = renderedLoosely(chart);
            assertFalse(hasClickHandler(svg), () -> describe(chart, "the SVG has a click handler:\n" + svg));
        }

        @Test
        @DisplayName("would be seen: a chart that does ask for a click is caught")
        void detectorWorks() {
            String svg = render("gantt\n    dateFormat x\n    section a\n    t :t1, 0, 5\n"
                    + "    click t1 href \"https://example.com/\"\n", "loose").svg();
            assertTrue(svg != null && hasClickHandler(svg),
                    "Mermaid no longer marks a clicked task the way the check above looks for, so it proves nothing:\n" + svg);
        }

        /**
         * Whether Mermaid bound a click to an element: it gives such a task the class {@code clickable}
         * (and adds the handler from script, so it is not in the markup); an inline handler is an
         * {@code on...} attribute. The style sheet is left out: it names {@code .clickable} in every chart.
         */
        private static boolean hasClickHandler(String svg) {
            String markup = svg.replaceAll("(?s)<style>.*?</style>", "");
            return Pattern.compile("\\sclass=\"[^\"]*\\bclickable\\b").matcher(markup).find()
                    || Pattern.compile("(?i)\\son[a-z]+\\s*=").matcher(markup).find();
        }

        private String renderedLoosely(Chart chart) {
            Rendering rendering = render(chart.text(), "loose");
            assertNull(rendering.error(), () -> describe(chart, "Mermaid did not render it: " + rendering.error()));
            return rendering.svg();
        }
    }
}
