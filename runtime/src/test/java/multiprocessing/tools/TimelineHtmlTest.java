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
}
