package multiprocessing.tools;

import static multiprocessing.tools.TraceBuilder.at;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * Covers {@link Timeline#html}: one self-contained page whose SVG elements say what the trace says,
 * and in which no name from the trace can become markup.
 */
@DisplayName("Timeline web page")
class TimelineHtmlTest {
    private static final long MAIN = 100;
    private static final String SLOW = "lab.SlowSquare.slowSquare";

    private static Page page(TraceBuilder trace) {
        return Page.of(trace.timeline().html("Step 4"));
    }

    @Nested
    @DisplayName("shows")
    class Shows {

        @Test
        @DisplayName("a lane per process, with its pid")
        void lanes() {
            Page page = page(new TraceBuilder().poolStart(MAIN, 0, 201, 202));
            assertEquals(List.of("main:100", "worker 1:201", "worker 2:202"), page.lanes().stream()
                    .map(lane -> lane.getAttribute("data-lane") + ":" + lane.getAttribute("data-pid")).toList());
        }

        @Test
        @DisplayName("the pid of each lane in its tooltip")
        void laneTooltip() {
            Page page = page(new TraceBuilder().poolStart(MAIN, 0, 201));
            assertTrue(Page.tooltip(page.lane("worker 1")).endsWith("pid 201"), Page.tooltip(page.lane("worker 1")));
        }

        @Test
        @DisplayName("a task bar with the trace's start, end and items")
        void taskBar() {
            Element bar = page(new TraceBuilder().poolStart(MAIN, 0, 201).task(201, SLOW, 10, 1_010, 3, true))
                    .tasksOn("worker 1").get(0);
            assertEquals(List.of(at(10), at(1_010), 3L), List.of(Page.number(bar, "data-start-us"),
                    Page.number(bar, "data-end-us"), Page.number(bar, "data-items")));
        }

        @Test
        @DisplayName("the bar's tooltip: function, items, seconds since the start, lane and pid")
        void taskTooltip() {
            Element bar = page(new TraceBuilder().poolStart(MAIN, 0, 201).task(201, SLOW, 10, 1_010, 3, true))
                    .tasksOn("worker 1").get(0);
            assertEquals("slowSquare (lab.SlowSquare.slowSquare): 3 items, 0.01 s to 1.01 s (1 s), worker 1, pid 201",
                    Page.tooltip(bar));
        }

        @Test
        @DisplayName("a failed task as a bar marked failed")
        void failedTask() {
            Element bar = page(new TraceBuilder().poolStart(MAIN, 0, 201).task(201, SLOW, 10, 20, 1, false))
                    .tasks().get(0);
            assertTrue(bar.getAttribute("class").contains("failed"), bar.getAttribute("class"));
        }

        @Test
        @DisplayName("callbacks as marks on the main lane")
        void callbacks() {
            Page page = page(TimelineModelTest.slowSquareInWaves());
            assertEquals(10, page.callbacks().stream().filter(c -> c.getAttribute("data-lane").equals("main")).count());
        }

        @Test
        @DisplayName("a Process's life as a band on its lane")
        void lifetime() {
            Element band = page(new TraceBuilder().processStart(MAIN, 5, 401, "Process-1", "lab.Q.producer")
                    .processExit(MAIN, 900, 401, "Process-1", "lab.Q.producer", 0)).lifetimes().get(0);
            assertEquals(List.of("producer", at(5), at(900)), List.of(band.getAttribute("data-lane"),
                    Page.number(band, "data-start-us"), Page.number(band, "data-end-us")));
        }

        @Test
        @DisplayName("a Process whose exit is not recorded as an open band")
        void openLifetime() {
            Element band = page(new TraceBuilder().processStart(MAIN, 5, 401, "Process-1", "lab.Q.producer")
                    .queue(MAIN, 50, 1, 0)).lifetimes().get(0);
            assertEquals("lifetime open", band.getAttribute("class"));
        }

        @Test
        @DisplayName("a dead worker as a cross on its lane")
        void workerExit() {
            List<Element> crosses = page(new TraceBuilder().poolStart(MAIN, 0, 201, 202).workerExit(MAIN, 40, 202, 137))
                    .all("path", "worker-exit");
            assertEquals(List.of("worker 2"), crosses.stream().map(c -> c.getAttribute("data-lane")).toList());
        }

        @Test
        @DisplayName("more functions than colours: the last colour is named other functions")
        void otherFunctions() {
            TraceBuilder trace = new TraceBuilder().poolStart(MAIN, 0, 201);
            for (int i = 0; i < 12; i++) {
                trace.task(201, "lab.F.f" + i, i * 10L, i * 10L + 5);
            }
            List<String> legend = page(trace).all("ul", "legend").get(0).getTextContent().strip().lines().toList();
            assertEquals(List.of("f0", "f1", "f2", "f3", "f4", "f5", "f6", "other functions"), legend);
        }

        @Test
        @DisplayName("the verdict")
        void verdict() {
            assertEquals("10 tasks ran on 4 workers in 3 rounds: parallel.",
                    page(TimelineModelTest.slowSquareInWaves()).verdict());
        }

        @Test
        @DisplayName("a time axis in seconds with round ticks")
        void axis() {
            Page page = page(TimelineModelTest.slowSquareInWaves());
            List<String> ticks = page.all("g", "tick").stream().map(Element::getTextContent).toList();
            assertEquals(List.of("0", "0.5", "1", "1.5", "2", "2.5", "3"), ticks);
        }

        @Test
        @DisplayName("a legend naming the function")
        void legend() {
            Page page = page(TimelineModelTest.slowSquareInWaves());
            assertTrue(page.all("ul", "legend").get(0).getTextContent().contains("slowSquare"),
                    page.all("ul", "legend").get(0).getTextContent());
        }

        @Test
        @DisplayName("no notes for a clean trace")
        void noNotes() {
            assertEquals(List.of(), page(TimelineModelTest.slowSquareInWaves()).notes());
        }
    }

    @Nested
    @DisplayName("is self-contained")
    class SelfContained {

        @Test
        @DisplayName("with a Content Security Policy that forbids everything but inline style")
        void policy() {
            Element meta = page(TimelineModelTest.slowSquareInWaves()).all("meta").stream()
                    .filter(m -> m.getAttribute("http-equiv").equals("Content-Security-Policy")).findFirst()
                    .orElseThrow(() -> new AssertionError("no Content-Security-Policy meta"));
            assertEquals("default-src 'none'; style-src 'unsafe-inline'", meta.getAttribute("content"));
        }

        @Test
        @DisplayName("with no script, link, image or frame")
        void nothingActive() {
            String html = page(TimelineModelTest.slowSquareInWaves()).html();
            assertAll(List.of("<script", "<link", "<img", "<iframe", "<object", "<embed", "src=", "href=", "url(").stream()
                    .map(tag -> () -> assertFalse(html.contains(tag), "the page contains " + tag)));
        }

        @Test
        @DisplayName("with no address but the SVG namespace")
        void noAddresses() {
            Matcher addresses = Pattern.compile("(?i)(https?:|//)[^\"\\s]*").matcher(
                    page(TimelineModelTest.slowSquareInWaves()).html());
            List<String> found = addresses.results().map(m -> m.group()).filter(a -> !a.equals("http://www.w3.org/2000/svg"))
                    .toList();
            assertEquals(List.of(), found);
        }
    }

    @Nested
    @DisplayName("escapes")
    class Escapes {
        private static final String SCRIPT = "lab.X.<script>alert('x&y')</script>";

        @Test
        @DisplayName("a function name with markup: no element is made of it")
        void noScriptElement() {
            String html = page(new TraceBuilder().poolStart(MAIN, 0, 201).task(201, SCRIPT, 0, 10)).html();
            assertFalse(html.contains("<script"), "a <script> made it into the page");
        }

        @Test
        @DisplayName("a function name with markup: shown as the very text in the tooltip")
        void textKept() {
            Element bar = page(new TraceBuilder().poolStart(MAIN, 0, 201).task(201, SCRIPT, 0, 10)).tasks().get(0);
            assertTrue(Page.tooltip(bar).contains("(" + SCRIPT + ")"), Page.tooltip(bar));
        }

        @Test
        @DisplayName("quotes and apostrophes in a lane name: the attribute keeps them")
        void quotesInAttributes() {
            Page page = page(new TraceBuilder().processStart(MAIN, 0, 401, "P", "lab.Q.\"quoted\"'apostrophe'&amp"));
            assertEquals("\"quoted\"'apostrophe'&amp", page.lanes().get(1).getAttribute("data-lane"));
        }

        @Test
        @DisplayName("the title given by the caller")
        void title() {
            Page page = Page.of(TimelineModelTest.slowSquareInWaves().timeline().html("<b>Step 4</b> & \"more\""));
            assertEquals("<b>Step 4</b> & \"more\"", page.all("h1").get(0).getTextContent());
        }

        @Test
        @DisplayName("control and direction-changing characters are replaced")
        void controlCharacters() {
            Page page = page(new TraceBuilder().processStart(MAIN, 0, 401, "P", "lab.Q.a\u0007b\u202ec"));
            assertEquals("a\uFFFDb\uFFFDc", page.lanes().get(1).getAttribute("data-lane"));
        }
    }

    @Nested
    @DisplayName("a run stopped with work unfinished")
    class Stopped {
        private static final String STOPPED = "the grader stopped the run at its 20 s time limit";

        /** Two slowSquare tasks that began and never ended, and a consumer Process never seen to exit. */
        private Page stopped() {
            return Page.of(new TraceBuilder().poolStart(MAIN, 0, 201, 202).taskStart(201, 1, SLOW, 10)
                    .taskStart(202, 2, SLOW, 12).processStart(MAIN, 5, 401, "Process-1", "lab.Q.consumer")
                    .within(MAIN, 0, 20_000, STOPPED).html("Step 4"));
        }

        @Test
        @DisplayName("an unfinished task is a bar marked unfinished")
        void unfinishedClass() {
            Element bar = stopped().tasksOn("worker 1").get(0);
            assertTrue(bar.getAttribute("class").contains("unfinished"), bar.getAttribute("class"));
        }

        @Test
        @DisplayName("an unfinished task's bar reaches the moment the run was stopped")
        void unfinishedEnd() {
            Element bar = stopped().tasksOn("worker 2").get(0);
            assertEquals(List.of(at(12), at(20_000)), List.of(Page.number(bar, "data-start-us"),
                    Page.number(bar, "data-end-us")));
        }

        @Test
        @DisplayName("an unfinished task's tooltip says it was still running when the run was stopped")
        void unfinishedTooltip() {
            assertEquals("slowSquare (lab.SlowSquare.slowSquare): 1 item, 0.01 s to 20 s (19.99 s), never finished: still"
                    + " running when " + STOPPED + ", worker 1, pid 201", Page.tooltip(stopped().tasksOn("worker 1").get(0)));
        }

        @Test
        @DisplayName("a Process still alive lives until the stop")
        void processUntilStop() {
            assertEquals(at(20_000), Page.number(stopped().lifetimes().get(0), "data-end-us"));
        }

        @Test
        @DisplayName("a Process still alive says it was still running when the run was stopped")
        void processTooltip() {
            assertTrue(Page.tooltip(stopped().lifetimes().get(0)).endsWith("20 s, still running when " + STOPPED
                    + ", pid 401"), Page.tooltip(stopped().lifetimes().get(0)));
        }

        @Test
        @DisplayName("a red line marks the moment the run was stopped")
        void stopLine() {
            List<Element> lines = stopped().all("line", "stop");
            assertEquals(List.of(at(20_000)), lines.stream().map(line -> Page.number(line, "data-time-us")).toList());
        }

        @Test
        @DisplayName("main's life spans the run, marked stopped")
        void mainLife() {
            Element band = stopped().all("rect", "main-life").get(0);
            assertEquals(List.of("main-life stopped", at(0), at(20_000)), List.of(band.getAttribute("class"),
                    Page.number(band, "data-start-us"), Page.number(band, "data-end-us")));
        }

        @Test
        @DisplayName("the verdict says who stopped the run")
        void verdict() {
            assertTrue(stopped().verdict().endsWith("The grader stopped the run at its 20 s time limit; the processes"
                    + " still running then were stopped with it."), stopped().verdict());
        }

        @Test
        @DisplayName("the notes say how the picture shows it")
        void notes() {
            assertEquals(List.of("The grader stopped the run at its 20 s time limit: what was still running then is drawn"
                    + " up to that moment and was stopped with it; a dashed bar is a task that never finished."),
                    stopped().notes());
        }

        @Test
        @DisplayName("the legend names the unfinished task and the stop")
        void legend() {
            String legend = stopped().all("ul", "legend").get(0).getTextContent();
            assertAll(() -> assertTrue(legend.contains("task still running when the run ended"), legend),
                    () -> assertTrue(legend.contains("the moment the run was stopped"), legend));
        }

        @Test
        @DisplayName("the stop reason is escaped like any other text")
        void reasonEscaped() {
            String html = new TraceBuilder().within(MAIN, 0, 100, "<script>alert(1)</script> & more").html("t");
            assertAll(() -> assertFalse(html.contains("<script"), "a <script> made it into the page"),
                    () -> assertTrue(Page.of(html).verdict().contains("<script>alert(1)</script> & more"),
                            Page.of(html).verdict()));
        }
    }

    @Nested
    @DisplayName("a run seen from outside that ended by itself")
    class EndedByItself {

        /** A main that never used the runtime: no trace at all. */
        private Page noTrace() {
            return Page.of(new TraceBuilder().within(MAIN, 0, 800, null).html("Step 1"));
        }

        @Test
        @DisplayName("a trace-less run has one lane, main, with its pid")
        void mainLane() {
            assertEquals(List.of("main:100"), noTrace().lanes().stream()
                    .map(lane -> lane.getAttribute("data-lane") + ":" + lane.getAttribute("data-pid")).toList());
        }

        @Test
        @DisplayName("main's life spans the run")
        void mainLife() {
            Element band = noTrace().all("rect", "main-life").get(0);
            assertEquals(List.of("main-life", at(0), at(800)), List.of(band.getAttribute("class"),
                    Page.number(band, "data-start-us"), Page.number(band, "data-end-us")));
        }

        @Test
        @DisplayName("the verdict: all the work happened in the main process")
        void verdict() {
            assertEquals("No pool and no Process ran: all the work happened in the main process.", noTrace().verdict());
        }

        @Test
        @DisplayName("no stop line")
        void noStopLine() {
            assertEquals(List.of(), noTrace().all("line", "stop"));
        }

        @Test
        @DisplayName("an unfinished task of a run that ended by itself was still running when the run ended")
        void unfinishedTooltip() {
            Element bar = Page.of(new TraceBuilder().poolStart(MAIN, 0, 201).taskStart(201, 1, SLOW, 10)
                    .within(MAIN, 0, 1_000, null).html("t")).tasks().get(0);
            assertTrue(Page.tooltip(bar).contains("never finished: still running when the run ended"), Page.tooltip(bar));
        }

        @Test
        @DisplayName("an unfinished task whose worker died says so")
        void workerDied() {
            Element bar = Page.of(new TraceBuilder().poolStart(MAIN, 0, 201).taskStart(201, 1, SLOW, 10)
                    .workerExit(MAIN, 300, 201, 137).within(MAIN, 0, 1_000, null).html("t")).tasks().get(0);
            assertTrue(Page.tooltip(bar).contains("never finished: its process ended before it finished"),
                    Page.tooltip(bar));
        }
    }
}
