package grader.report;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.json.GraderJson;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import multiprocessing.tools.Timeline;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("a step's timeline in the reports")
class TimelineReportTest {
    private static final long T0 = 1_764_081_600_000_000L;

    /** A pool of 2 workers (pids 11, 12) in main (pid 10), running {@code tasks} tasks of 100 ms each. */
    private static Timeline pool(String function, int tasks, boolean overlapping) throws IOException {
        StringBuilder trace = new StringBuilder("{\"event\":\"pool_start\",\"time_us\":" + T0
                + ",\"pid\":10,\"pool\":1,\"size\":2,\"workers\":[11,12]}\n");
        for (int i = 0; i < tasks; i++) {
            long start = T0 + 1_000 + (overlapping ? (i / 2) : i) * 100_000L;
            trace.append("{\"event\":\"task\",\"time_us\":").append(start + 100_000).append(",\"pid\":").append(11 + i % 2)
                    .append(",\"pool\":1,\"function\":").append(GraderJson.write(function)).append(",\"items\":1,\"start_us\":")
                    .append(start).append(",\"end_us\":").append(start + 99_000).append(",\"ok\":true}\n");
        }
        return Timeline.read(new StringReader(trace.toString()));
    }

    @Nested
    @DisplayName("the summary for grade.json")
    class Summary {
        @Test
        @DisplayName("keeps the trace's lanes, bars and verdict")
        void lanesAndBars() throws IOException {
            RunTimeline summary = TimelineReport.summarize(pool("lab.SlowSquare.slowSquare", 4, true));
            assertAll(
                    () -> assertEquals(List.of("main", "worker 1", "worker 2"), summary.lanes()),
                    () -> assertEquals(new RunTimeline.Bar(1, 1, 100), summary.bars().get(0)),
                    () -> assertEquals(4, summary.bars().size()),
                    () -> assertTrue(summary.parallel()),
                    () -> assertEquals(2, summary.maxConcurrency()));
        }

        @Test
        @DisplayName("says serial when no two tasks overlapped")
        void serial() throws IOException {
            RunTimeline summary = TimelineReport.summarize(pool("lab.SlowSquare.slowSquare", 4, false));
            assertAll(() -> assertTrue(summary.serial()), () -> assertFalse(summary.parallel()));
        }

        @Test
        @DisplayName("keeps at most " + RunTimeline.MAX_BARS + " bars, and says it left some out")
        void capped() throws IOException {
            RunTimeline summary = TimelineReport.summarize(pool("f", 500, true));
            assertAll(() -> assertEquals(RunTimeline.MAX_BARS, summary.bars().size()), () -> assertTrue(summary.truncated()));
        }
    }

    @Nested
    @DisplayName("the job summary's Markdown")
    class Markdown {
        @Test
        @DisplayName("holds the verdict and one mermaid gantt block")
        void oneBlock() throws IOException {
            String markdown = TimelineReport.markdown(pool("lab.SlowSquare.slowSquare", 4, true), "Step 4", "timeline-x.html");
            assertAll(
                    () -> assertEquals(1, markdown.split("```mermaid\n", -1).length - 1, markdown),
                    () -> assertTrue(markdown.contains("\ngantt\n") || markdown.contains("gantt\n"), markdown),
                    () -> assertTrue(markdown.contains("timeline-x.html"), markdown));
        }

        @Test
        @DisplayName("cannot be closed early by a function name holding a fence")
        void hostileName() throws IOException {
            String markdown = TimelineReport.markdown(pool("lab.X.f```\n## forged heading", 2, true), "Step 4", "t.html");
            assertAll(
                    () -> assertEquals(2, markdown.split("```", -1).length - 1, markdown),
                    () -> assertFalse(markdown.contains("\n## forged"), markdown));
        }
    }

    /** Two slowSquare tasks on workers 11 and 12 that began and never ended, stopped at 20 s. */
    private static Timeline stopped() throws IOException {
        StringBuilder trace = new StringBuilder("{\"event\":\"pool_start\",\"time_us\":" + (T0 + 100_000)
                + ",\"pid\":10,\"pool\":1,\"size\":2,\"workers\":[11,12]}\n");
        for (int worker = 11; worker <= 12; worker++) {
            trace.append("{\"event\":\"task_start\",\"time_us\":").append(T0 + 200_000).append(",\"pid\":")
                    .append(worker).append(",\"pool\":1,\"batch\":").append(worker)
                    .append(",\"function\":\"lab.SlowSquare.slowSquare\",\"items\":1}\n");
        }
        return Timeline.read(new StringReader(trace.toString())).within(10, T0, T0 + 20_000_000,
                "the grader stopped the run at its 20 s time limit");
    }

    /** A main (pid 10) that never used the runtime, so wrote no trace, and ran for 0.8 s. */
    private static Timeline noTrace() {
        return Timeline.empty().within(10, T0, T0 + 800_000, null);
    }

    @Nested
    @DisplayName("a main that never used the runtime")
    class NoTrace {
        @Test
        @DisplayName("the summary has the main lane and says all the work was in the main process")
        void summary() {
            RunTimeline summary = TimelineReport.summarize(noTrace());
            assertAll(() -> assertEquals(List.of("main"), summary.lanes()),
                    () -> assertTrue(summary.singleProcess()),
                    () -> assertEquals("No pool and no Process ran: all the work happened in the main process.",
                            summary.verdict()),
                    () -> assertEquals(800, summary.spanMillis()));
        }

        @Test
        @DisplayName("the Markdown has a chart with the main lane")
        void chart() {
            String markdown = TimelineReport.markdown(noTrace(), "Step 1: square, main run", "timeline-square.html");
            assertAll(() -> assertEquals(1, markdown.split("```mermaid\n", -1).length - 1, markdown),
                    () -> assertTrue(markdown.contains("\n    section main\n    main program :done, 0, 800\n"), markdown));
        }
    }

    @Nested
    @DisplayName("a run the grader stopped")
    class Stopped {
        @Test
        @DisplayName("the sentence says the grader stopped the run and what was stopped with it")
        void sentence() throws IOException {
            String markdown = TimelineReport.markdown(stopped(), "Step 4: slow_square, main run", "t.html");
            assertTrue(markdown.startsWith("**Timeline of your program's run:** 2 tasks started on 2 workers and none"
                    + " finished: they were still running when the run ended\\. The grader stopped the run at its 20 s"
                    + " time limit; the processes still running then were stopped with it\\.\n"), markdown);
        }

        @Test
        @DisplayName("the chart draws the unfinished tasks up to the stop")
        void unfinishedBars() throws IOException {
            String markdown = TimelineReport.markdown(stopped(), "Step 4: slow_square, main run", "t.html");
            assertEquals(2, markdown.lines().filter(line -> line.equals("    slowSquare (unfinished) :active, 200, 20000"))
                    .count(), markdown);
        }

        @Test
        @DisplayName("the summary keeps the stop in its verdict and counts no finished task")
        void summary() throws IOException {
            RunTimeline summary = TimelineReport.summarize(stopped());
            assertAll(() -> assertTrue(summary.verdict().endsWith("stopped with it."), summary.verdict()),
                    () -> assertEquals(0, summary.tasks()),
                    () -> assertFalse(summary.singleProcess()));
        }
    }
}
