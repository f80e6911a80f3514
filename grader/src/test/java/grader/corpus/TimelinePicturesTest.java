package grader.corpus;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.batch.ChildJvmGrading;
import grader.report.GradeJson;
import grader.report.RunTimeline;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The pictures of two corpus cases, graded end to end through the command line (both at once, each in
 * a JVM of its own): every step whose main ran has its timeline, also a main that never used the
 * runtime, and a run the grader stopped shows what was still running up to the stop and says why.
 * <ul>
 *   <li>{@code sequential-loop}: Square's main squares in a plain loop, so it writes no trace at all.</li>
 *   <li>{@code task-ignores-interrupts}: slow_square's task never ends, so the grader stops main at its
 *       25 s limit with four tasks still running on the workers.</li>
 * </ul>
 */
@DisplayName("The timelines of graded runs")
@TestInstance(Lifecycle.PER_CLASS)
class TimelinePicturesTest {
    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path SOLUTIONS = MODULE.resolveSibling("solutions");
    private static final Path CORPUS = MODULE.resolve("src/test/resources/corpus");
    private static final long GRADING_LIMIT_SECONDS = 240;
    private static final Pattern MERMAID = Pattern.compile("(?ms)^```mermaid\\n(.*?)\\n```$");

    private Path work;
    private Path sequential;
    private Path hanging;

    @BeforeAll
    void gradeBoth() throws Exception {
        work = Files.createTempDirectory("timeline-pictures-");
        List<Process> graders = new ArrayList<>();
        List<Path> logs = new ArrayList<>();
        try {
            sequential = grade("sequential-loop", graders, logs);
            hanging = grade("task-ignores-interrupts", graders, logs);
            for (int i = 0; i < graders.size(); i++) {
                Process grader = graders.get(i);
                boolean finished = grader.waitFor(GRADING_LIMIT_SECONDS, TimeUnit.SECONDS);
                String log = Files.readString(logs.get(i));
                assertTrue(finished && grader.exitValue() == 0, () -> "the grader did not complete:\n" + log);
            }
        } finally {
            graders.forEach(Process::destroyForcibly);
        }
    }

    /** Starts grading the solutions with the corpus case {@code name} laid over them; returns its report directory. */
    private Path grade(String name, List<Process> graders, List<Path> logs) throws IOException {
        Path submission = new CorpusTest.Case(name, SOLUTIONS, CORPUS.resolve(name), Map.of(), List.of(), Map.of(),
                Map.of(), false, false).assemble(work.resolve(name));
        Path reports = work.resolve(name + "-reports");
        Path log = work.resolve(name + ".log");
        graders.add(new ProcessBuilder(ChildJvmGrading.command("grade", submission.toString(), "--out",
                reports.toString())).redirectErrorStream(true).redirectOutput(log.toFile()).start());
        logs.add(log);
        return reports;
    }

    @AfterAll
    void deleteWork() throws IOException {
        if (work != null) {
            try (var files = Files.walk(work)) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** The step's section of summary.md: from its heading to the next step's. */
    private static String section(Path reports, String stepTitle) throws IOException {
        String summary = Files.readString(reports.resolve("summary.md"));
        int start = summary.indexOf(" " + stepTitle + " (");
        assertTrue(start >= 0, () -> "no section for " + stepTitle + " in summary.md:\n" + summary);
        int end = summary.indexOf("\n### ", start);
        return summary.substring(start, end < 0 ? summary.length() : end);
    }

    private static List<String> charts(String markdown) {
        List<String> charts = new ArrayList<>();
        Matcher chart = MERMAID.matcher(markdown);
        while (chart.find()) {
            charts.add(chart.group(1));
        }
        return charts;
    }

    private static Document page(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(Files.readAllBytes(file)));
    }

    /** The elements {@code tag} of {@code page} whose class list holds {@code cssClass}. */
    private static List<Element> all(Document page, String tag, String cssClass) {
        NodeList nodes = page.getElementsByTagName(tag);
        List<Element> found = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element element = (Element) nodes.item(i);
            if (List.of(element.getAttribute("class").split(" ")).contains(cssClass)) {
                found.add(element);
            }
        }
        return found;
    }

    private static String verdict(Document page) {
        return all(page, "p", "verdict").get(0).getTextContent();
    }

    @Nested
    @DisplayName("of a main that never used the runtime (sequential-loop)")
    class NoRuntime {
        private static final String NO_POOL = "No pool and no Process ran: all the work happened in the main process.";

        @Test
        @DisplayName("the report has timeline-square.html")
        void pageWritten() {
            assertTrue(Files.isRegularFile(sequential.resolve("timeline-square.html")), "no timeline-square.html");
        }

        @Test
        @DisplayName("its page has the main lane alone")
        void mainLane() throws Exception {
            assertEquals(List.of("main"), all(page(sequential.resolve("timeline-square.html")), "g", "lane").stream()
                    .map(lane -> lane.getAttribute("data-lane")).toList());
        }

        @Test
        @DisplayName("its page says all the work happened in the main process")
        void pageVerdict() throws Exception {
            assertEquals(NO_POOL, verdict(page(sequential.resolve("timeline-square.html"))));
        }

        @Test
        @DisplayName("summary.md has a chart for square, with the main lane")
        void chart() throws IOException {
            List<String> charts = charts(section(sequential, "Step 1: square"));
            assertAll(() -> assertEquals(1, charts.size(), "charts in the square section"),
                    () -> assertTrue(charts.get(0).contains("\n    section main\n    main program :done, "), charts.get(0)));
        }

        @Test
        @DisplayName("grade.json has square's timeline, single-process")
        void gradeJson() throws IOException {
            RunTimeline square = GradeJson.read(sequential.resolve("grade.json")).timelines().get("square");
            assertAll(() -> assertEquals(NO_POOL, square.verdict()), () -> assertTrue(square.singleProcess()));
        }
    }

    @Nested
    @DisplayName("of a run the grader stopped at its time limit (task-ignores-interrupts)")
    class Stopped {
        private static final String STOPPED = "The grader stopped the run at its 25 s time limit; the processes still"
                + " running then were stopped with it.";

        private Document slowSquare() throws Exception {
            return page(hanging.resolve("timeline-slow_square.html"));
        }

        @Test
        @DisplayName("the page draws the slowSquare tasks on the workers as unfinished")
        void unfinishedBars() throws Exception {
            List<Element> bars = all(slowSquare(), "rect", "unfinished");
            assertAll(() -> assertFalse(bars.isEmpty(), "no unfinished bar"),
                    () -> assertTrue(bars.stream().allMatch(bar -> bar.getAttribute("data-lane").startsWith("worker ")),
                            "unfinished bars off the worker lanes"));
        }

        @Test
        @DisplayName("every unfinished bar reaches the moment the run was stopped")
        void barsReachTheStop() throws Exception {
            Document page = slowSquare();
            List<Element> stop = all(page, "line", "stop");
            assertEquals(1, stop.size(), "stop lines");
            String stoppedAt = stop.get(0).getAttribute("data-time-us");
            assertEquals(List.of(), all(page, "rect", "unfinished").stream().map(bar -> bar.getAttribute("data-end-us"))
                    .filter(end -> !end.equals(stoppedAt)).toList(), "bar ends other than the stop at " + stoppedAt);
        }

        @Test
        @DisplayName("the page's verdict says the grader stopped the run and what ran was stopped with it")
        void pageVerdict() throws Exception {
            String verdict = verdict(slowSquare());
            assertTrue(verdict.startsWith("4 tasks started on 4 workers and none finished") && verdict.endsWith(STOPPED),
                    verdict);
        }

        @Test
        @DisplayName("summary.md's chart for slow_square draws the unfinished tasks and says it was stopped")
        void chart() throws IOException {
            String section = section(hanging, "Step 4: slow\\_square");
            List<String> charts = charts(section);
            assertAll(() -> assertEquals(1, charts.size(), "charts in the slow_square section"),
                    () -> assertTrue(charts.get(0).contains("slowSquare (unfinished) :active, "), charts.get(0)),
                    () -> assertTrue(charts.get(0).contains("The grader stopped the run at its 25 s time limit"),
                            charts.get(0)));
        }
    }
}
