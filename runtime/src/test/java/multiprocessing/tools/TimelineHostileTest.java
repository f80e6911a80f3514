package multiprocessing.tools;

import static multiprocessing.tools.TraceBuilder.at;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import java.util.stream.LongStream;
import multiprocessing.tools.Timeline.Lane;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.w3c.dom.Element;

/**
 * Covers {@link Timeline} on traces written to break it: too long, forged, cut short, with absurd times,
 * huge names and more processes than a picture can hold. Nothing may break, and nothing may grow
 * without bound: what is left out is counted and said on the picture.
 */
@DisplayName("Timeline on hostile traces")
class TimelineHostileTest {
    private static final long MAIN = 100;
    private static final String SLOW = "lab.SlowSquare.slowSquare";

    /**
     * A trace of {@code lines} lines made on demand by {@code line} (given the line's number), so a
     * million-line trace needs neither a file nor the memory to hold it.
     */
    private static final class GeneratedTrace extends Reader {
        private final long lines;
        private final LongFunction<String> line;
        private long next;
        private String current = "";
        private int position;

        GeneratedTrace(long lines, LongFunction<String> line) {
            this.lines = lines;
            this.line = line;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            if (position == current.length()) {
                if (next == lines) {
                    return -1;
                }
                current = line.apply(next++) + "\n";
                position = 0;
            }
            int count = Math.min(length, current.length() - position);
            current.getChars(position, position + count, buffer, offset);
            position += count;
            return count;
        }

        @Override
        public void close() {
            // nothing to release
        }
    }

    @Nested
    @DisplayName("a million tiny tasks")
    @TestInstance(Lifecycle.PER_CLASS)
    class MillionTasks {
        private static final long TASKS = 1_000_000;

        private Timeline timeline;
        private Page page;

        @BeforeAll
        void read() throws IOException {
            String pool = new TraceBuilder().poolStart(MAIN, 0, 201, 202, 203, 204).text().strip();
            timeline = Timeline.read(new GeneratedTrace(TASKS + 1, n -> n == 0 ? pool
                    : new TraceBuilder().task(201 + n % 4, SLOW, n, n).text().strip()));
            page = Page.of(timeline.html("A million tasks"));
        }

        @Test
        @DisplayName("only the first 200,000 lines are read")
        void linesCapped() {
            assertEquals(Timeline.MAX_LINES - 1, timeline.taskCount());
        }

        @Test
        @DisplayName("the page says the trace was cut")
        void cutNote() {
            assertTrue(page.notes().contains("The trace is too long: only its first 200,000 lines (at most 64 MiB)"
                    + " were read."), page.notes().toString());
        }

        @Test
        @DisplayName("at most 2,000 bars are drawn")
        void barsCapped() {
            int bars = page.tasks().size();
            assertTrue(bars <= Timeline.MAX_BARS && bars > Timeline.MAX_BARS / 2, bars + " bars");
        }

        @Test
        @DisplayName("the merged bars still stand for every task read")
        void noTaskLost() {
            assertEquals(timeline.taskCount(), page.tasks().stream().mapToLong(bar -> Page.number(bar, "data-tasks")).sum());
        }

        @Test
        @DisplayName("the page says the tasks were merged")
        void mergedNote() {
            assertTrue(page.notes().stream().anyMatch(note -> note.startsWith("The 199,999 tasks are drawn as ")),
                    page.notes().toString());
        }

        @Test
        @DisplayName("the page stays below 1 MB")
        void pageSize() {
            assertTrue(page.bytes() < 1_000_000, page.bytes() + " bytes");
        }
    }

    @Nested
    @DisplayName("caps on reading")
    class Caps {

        private List<String> readAll(TraceLines lines) throws IOException {
            List<String> read = new ArrayList<>();
            for (String line = lines.next(); line != null; line = lines.next()) {
                read.add(line);
            }
            return read;
        }

        @Test
        @DisplayName("reading stops at the character cap, even inside a line")
        void characters() throws IOException {
            assertEquals(List.of("first", "sec"), readAll(new TraceLines(new StringReader("first\nsecond\nthird\n"), 100, 9)));
        }

        @Test
        @DisplayName("a trace stopped by the character cap is known to be cut")
        void charactersCut() throws IOException {
            TraceLines lines = new TraceLines(new StringReader("first\nsecond\nthird\n"), 100, 9);
            readAll(lines);
            assertTrue(lines.cut());
        }

        @Test
        @DisplayName("a trace that ends exactly at the line cap is not cut")
        void exactlyAtCap() throws IOException {
            TraceLines lines = new TraceLines(new StringReader("a\nb\n"), 2, 100);
            readAll(lines);
            assertFalse(lines.cut());
        }

        @Test
        @DisplayName("thousands of callbacks: at most 500 marks, and a note")
        void manyCallbacks() {
            TraceBuilder trace = new TraceBuilder().poolStart(MAIN, 0, 201);
            for (int i = 0; i < 2_000; i++) {
                trace.callback(MAIN, i, SLOW, "lab.S.callback");
            }
            Page page = Page.of(trace.timeline().html("callbacks"));
            assertAll(() -> assertTrue(page.callbacks().size() <= HtmlTimeline.MAX_MARKS, page.callbacks().size() + " marks"),
                    () -> assertTrue(page.notes().contains("Only 500 of 2,000 callbacks and worker deaths are marked."),
                            page.notes().toString()));
        }

        @Test
        @DisplayName("thousands of tasks that never finished: at most 200 dashed bars on the page, and a note")
        void manyUnfinished() {
            TraceBuilder trace = new TraceBuilder().poolStart(MAIN, 0, 201, 202);
            for (int i = 0; i < 5_000; i++) {
                trace.taskStart(201 + i % 2, i + 1, SLOW, i);
            }
            Page page = Page.of(trace.within(MAIN, 0, 10_000, "stopped").html("unfinished"));
            int bars = page.all("rect", "unfinished").size();
            assertAll(() -> assertTrue(bars <= HtmlTimeline.MAX_UNFINISHED_BARS, bars + " bars"),
                    () -> assertTrue(page.notes().contains("The 5,000 unfinished tasks are drawn as " + bars + " bars."),
                            page.notes().toString()));
        }

        @Test
        @DisplayName("thousands of tasks that never finished: the chart stays within its line budget")
        void manyUnfinishedChart() {
            TraceBuilder trace = new TraceBuilder().poolStart(MAIN, 0, 201, 202);
            for (int i = 0; i < 5_000; i++) {
                trace.taskStart(201 + i % 2, i + 1, SLOW, i);
            }
            String chart = trace.within(MAIN, 0, 10_000, "stopped").mermaid("unfinished", 60);
            assertTrue(chart.lines().filter(line -> line.contains("(unfinished) :")).count() <= 15, chart);
        }
    }

    @Nested
    @DisplayName("unreadable lines")
    class Unreadable {
        private static final List<String> FORGED = List.of(
                "not json at all",
                "{\"event\":\"task\",\"time_us\":17640816",
                "{\"event\":\"queue\",\"time_us\":1764081600000001,\"pid\":{\"nested\":1},\"puts\":1,\"gets\":0}",
                "{\"event\":\"queue\",\"event\":\"queue\",\"time_us\":1764081600000001,\"pid\":7,\"puts\":1,\"gets\":0}",
                "{\"event\":\"queue\",\"time_us\":1.7e15,\"pid\":7,\"puts\":1,\"gets\":0}",
                "{\"event\":\"queue\",\"time_us\":1764081600000001,\"pid\":99999999999999999999,\"puts\":1,\"gets\":0}",
                "{\"event\":\"queue\",\"time_us\":1764081600000001,\"pid\":-7,\"puts\":1,\"gets\":0}",
                "{\"event\":\"queue\",\"time_us\":1764081600000001,\"pid\":7,\"puts\":-1,\"gets\":0}",
                "{\"event\":\"task\",\"time_us\":1764081600000001,\"pid\":201}",
                "{\"event\":\"queue\",\"time_us\":1764081600000001,\"pid\":7,\"puts\":1,\"gets\":0} and more",
                "{\"event\":\"queue\\u00zz\",\"time_us\":1764081600000001,\"pid\":7,\"puts\":1,\"gets\":0}",
                "[1,2,3]",
                "{\"event\":\"task\",\"time_us\":1764081600000001,\"pid\":201,\"pool\":1,\"function\":\"f\",\"items\":1,"
                        + "\"start_us\":1764081600000000,\"end_us\":1764081600000001,\"ok\":\"yes\"}");

        private Timeline withForgedLines() {
            TraceBuilder trace = new TraceBuilder().poolStart(MAIN, 0, 201).task(201, SLOW, 10, 20);
            FORGED.forEach(trace::line);
            return trace.line("").line("   ").task(201, SLOW, 30, 40).timeline();
        }

        @Test
        @DisplayName("are skipped and counted, blank lines aside")
        void counted() {
            assertEquals(FORGED.size(), withForgedLines().unreadableLines());
        }

        @Test
        @DisplayName("leave the readable lines around them in the picture")
        void restKept() {
            assertEquals(2, withForgedLines().taskCount());
        }

        @Test
        @DisplayName("are reported on the page")
        void note() {
            assertTrue(Page.of(withForgedLines().html("forged")).notes()
                    .contains(FORGED.size() + " lines could not be read."));
        }

        @Test
        @DisplayName("a line too long to be the runtime's is skipped, and the next one read")
        void tooLong() {
            Timeline timeline = new TraceBuilder().poolStart(MAIN, 0, 201).line("x".repeat(20_000))
                    .task(201, SLOW, 10, 20).timeline();
            assertEquals(List.of(1, 1), List.of(timeline.unreadableLines(), timeline.taskCount()));
        }
    }

    @Nested
    @DisplayName("impossible values")
    class Impossible {

        @Test
        @DisplayName("a task that ends before it starts is left out and counted")
        void endBeforeStart() {
            Timeline timeline = new TraceBuilder().poolStart(MAIN, 0, 201).task(201, SLOW, 50, 10).timeline();
            assertEquals(List.of(0, 1), List.of(timeline.taskCount(), timeline.impossibleEvents()));
        }

        @Test
        @DisplayName("events days away from the run are left out and do not stretch it")
        void farAway() {
            long tenDays = 10L * 24 * 3600 * 1000;
            Timeline timeline = new TraceBuilder().poolStart(MAIN, 0, 201).task(201, SLOW, 10, 20)
                    .callback(MAIN, 21, SLOW, "lab.S.callback").queue(MAIN, 22, 1, 0)
                    .task(201, SLOW, 30, tenDays).queue(MAIN, tenDays, 1, 0).timeline();
            assertAll(() -> assertEquals(2, timeline.impossibleEvents()),
                    () -> assertEquals(List.of(at(0), at(22)), List.of(timeline.startUs(), timeline.endUs())));
        }

        @Test
        @DisplayName("queue counts that would overflow stop at the largest number")
        void hugeCounts() {
            Timeline timeline = new TraceBuilder().queue(MAIN, 0, Long.MAX_VALUE, 0).queue(MAIN, 1, Long.MAX_VALUE, 0)
                    .timeline();
            assertEquals(Long.MAX_VALUE, timeline.lanes().get(0).puts());
        }
    }

    @Nested
    @DisplayName("huge names and crowds")
    class Sizes {

        @Test
        @DisplayName("a 10,000-character function name becomes a short label")
        void hugeLabel() {
            Timeline timeline = new TraceBuilder().poolStart(MAIN, 0, 201).task(201, "lab.X." + "a".repeat(10_000), 0, 10)
                    .timeline();
            String label = timeline.tasks().get(0).label();
            assertEquals(Labels.MAX_LABEL, label.length(), label);
        }

        @Test
        @DisplayName("a 10,000-character function name keeps the tooltip short")
        void hugeTooltip() {
            Element bar = Page.of(new TraceBuilder().poolStart(MAIN, 0, 201)
                    .task(201, "lab.X." + "a".repeat(10_000), 0, 10).timeline().html("big")).tasks().get(0);
            assertTrue(Page.tooltip(bar).length() < 300, Page.tooltip(bar).length() + " characters");
        }

        @Test
        @DisplayName("a hundred processes: 64 lanes, the rest counted")
        void tooManyProcesses() {
            TraceBuilder trace = new TraceBuilder();
            LongStream.range(0, 100).forEach(n -> trace.queue(1_000 + n, n, 1, 0));
            Timeline timeline = trace.timeline();
            assertEquals(List.of(Lanes.MAX_LANES, 36), List.of(timeline.lanes().size(), timeline.hiddenProcesses()));
        }

        @Test
        @DisplayName("a hundred processes: the page says some are not shown")
        void tooManyNote() {
            TraceBuilder trace = new TraceBuilder();
            LongStream.range(0, 100).forEach(n -> trace.queue(1_000 + n, n, 1, 0));
            assertTrue(Page.of(trace.timeline().html("crowd")).notes()
                    .contains("36 more processes not shown: a picture has at most 64 lanes."));
        }

        @Test
        @DisplayName("a pool of 2,000 forged workers: 64 lanes")
        void forgedPool() {
            long[] workers = LongStream.range(0, 2_000).map(n -> 10_000 + n).toArray();
            Timeline timeline = new TraceBuilder().poolStart(MAIN, 0, workers).timeline();
            assertEquals(Lanes.MAX_LANES, timeline.lanes().stream().map(Lane::name).distinct().count());
        }
    }
}
