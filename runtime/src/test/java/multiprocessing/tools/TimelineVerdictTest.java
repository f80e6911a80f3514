package multiprocessing.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Covers {@link Timeline#verdict()}: the sentence that reads the picture for a student. */
@DisplayName("Timeline verdict")
class TimelineVerdictTest {
    private static final long MAIN = 100;
    private static final String SLOW = "lab.SlowSquare.slowSquare";

    private static TraceBuilder oneAfterAnother(long... workers) {
        TraceBuilder trace = new TraceBuilder().poolStart(MAIN, 0, workers);
        for (int i = 0; i < 10; i++) {
            trace.task(workers[i % workers.length], SLOW, i * 110L, i * 110L + 100);
        }
        return trace;
    }

    @Nested
    @DisplayName("on pool tasks")
    class Tasks {

        @Test
        @DisplayName("overlapping tasks: workers, rounds, parallel")
        void parallel() {
            assertEquals("10 tasks ran on 4 workers in 3 rounds: parallel.",
                    TimelineModelTest.slowSquareInWaves().timeline().verdict());
        }

        @Test
        @DisplayName("tasks on several workers that never overlapped: the get() hint")
        void neverOverlapped() {
            assertEquals("10 tasks ran on 4 workers but never overlapped: each waited for the previous one (did you"
                    + " call get() right after each applyAsync?).", oneAfterAnother(201, 202, 203, 204).timeline().verdict());
        }

        @Test
        @DisplayName("a pool of one worker: serial")
        void poolOfOne() {
            assertEquals("10 tasks ran one after another on a pool of 1 worker: serial.",
                    oneAfterAnother(201).timeline().verdict());
        }

        @Test
        @DisplayName("tasks that ran in the main process: serial")
        void inMain() {
            TraceBuilder trace = new TraceBuilder();
            for (int i = 0; i < 10; i++) {
                trace.task(MAIN, SLOW, i * 100L, i * 100L + 90);
            }
            assertEquals("All 10 tasks ran in the main process, one after another: serial.", trace.timeline().verdict());
        }

        @Test
        @DisplayName("a pool with no tasks: the work ran in the main process")
        void idlePool() {
            assertEquals("A pool of 4 workers started, but no task ran on it: the work ran in the main process (did"
                    + " you call the function directly instead of through the pool?).",
                    new TraceBuilder().poolStart(MAIN, 0, 201, 202, 203, 204).timeline().verdict());
        }

        @Test
        @DisplayName("a single task: nothing to overlap with")
        void single() {
            assertEquals("1 task ran, on 1 worker: there was nothing for it to overlap with.",
                    new TraceBuilder().poolStart(MAIN, 0, 201).task(201, SLOW, 0, 10).timeline().verdict());
        }

        @Test
        @DisplayName("failed tasks are counted after the first sentence")
        void failures() {
            Timeline timeline = new TraceBuilder().poolStart(MAIN, 0, 201, 202).task(201, SLOW, 0, 100, 1, false)
                    .task(202, SLOW, 0, 100).timeline();
            assertEquals("2 tasks ran on 2 workers in 1 round: parallel. 1 task of 2 failed.", timeline.verdict());
        }
    }

    @Nested
    @DisplayName("on Processes")
    class Processes {

        @Test
        @DisplayName("two Processes alive together ran at the same time")
        void together() {
            Timeline timeline = new TraceBuilder().processStart(MAIN, 0, 401, "Process-1", "lab.Q.producer")
                    .processStart(MAIN, 1, 402, "Process-2", "lab.Q.consumer")
                    .processExit(MAIN, 300, 401, "Process-1", "lab.Q.producer", 0)
                    .processExit(MAIN, 400, 402, "Process-2", "lab.Q.consumer", 0).timeline();
            assertEquals("2 processes (producer, consumer) ran at the same time.", timeline.verdict());
        }

        @Test
        @DisplayName("two Processes, the second started after the first exited, ran one after the other")
        void oneAfterTheOther() {
            Timeline timeline = new TraceBuilder().processStart(MAIN, 0, 401, "Process-1", "lab.Q.producer")
                    .processExit(MAIN, 300, 401, "Process-1", "lab.Q.producer", 0)
                    .processStart(MAIN, 301, 402, "Process-2", "lab.Q.consumer")
                    .processExit(MAIN, 400, 402, "Process-2", "lab.Q.consumer", 0).timeline();
            assertEquals("2 processes (producer, consumer) ran one after the other.", timeline.verdict());
        }

        @Test
        @DisplayName("three Processes, two at a time, say how many ran together")
        void partly() {
            Timeline timeline = new TraceBuilder().processStart(MAIN, 0, 401, "Process-1", "lab.Q.a")
                    .processStart(MAIN, 1, 402, "Process-2", "lab.Q.b")
                    .processExit(MAIN, 300, 401, "Process-1", "lab.Q.a", 0)
                    .processStart(MAIN, 301, 403, "Process-3", "lab.Q.c")
                    .processExit(MAIN, 400, 402, "Process-2", "lab.Q.b", 0)
                    .processExit(MAIN, 500, 403, "Process-3", "lab.Q.c", 0).timeline();
            assertEquals("3 processes (a, b, c) ran, at most 2 at the same time.", timeline.verdict());
        }
    }

    @Nested
    @DisplayName("on nothing")
    class Nothing {

        @Test
        @DisplayName("an empty trace says so")
        void empty() {
            assertEquals("The trace is empty: nothing ran with tracing on.", new TraceBuilder().timeline().verdict());
        }

        @Test
        @DisplayName("a trace of unreadable lines says so")
        void unreadable() {
            assertEquals("No line of the trace could be read, so there is nothing to show.",
                    new TraceBuilder().line("not json").timeline().verdict());
        }

        @Test
        @DisplayName("neither pool nor Process: all in the main process")
        void mainOnly() {
            assertEquals("No pool and no Process ran: all the work happened in the main process.",
                    new TraceBuilder().queue(MAIN, 10, 1, 1).timeline().verdict());
        }
    }

    @Nested
    @DisplayName("on tasks that never finished")
    class Unfinished {

        @Test
        @DisplayName("none finished: how many began, on how many workers")
        void noneFinished() {
            Timeline timeline = new TraceBuilder().poolStart(MAIN, 0, 201, 202).taskStart(201, 1, SLOW, 10)
                    .taskStart(202, 2, SLOW, 10).timeline();
            assertEquals("2 tasks started on 2 workers and none finished: they were still running when the run ended.",
                    timeline.verdict());
        }

        @Test
        @DisplayName("one that never finished")
        void one() {
            Timeline timeline = new TraceBuilder().poolStart(MAIN, 0, 201).taskStart(201, 1, SLOW, 10).timeline();
            assertEquals("1 task started on 1 worker and never finished: it was still running when the run ended.",
                    timeline.verdict());
        }

        @Test
        @DisplayName("some finished: the finished ones first, then how many more were still running")
        void someFinished() {
            Timeline timeline = new TraceBuilder().poolStart(MAIN, 0, 201, 202).taskStart(201, 1, SLOW, 0)
                    .task(201, 1, SLOW, 0, 100).taskStart(202, 2, SLOW, 0).task(202, 2, SLOW, 0, 100)
                    .taskStart(201, 3, SLOW, 101).taskStart(202, 4, SLOW, 101).timeline();
            assertEquals("2 tasks ran on 2 workers in 1 round: parallel. 2 more tasks were still running when the run"
                    + " ended.", timeline.verdict());
        }
    }

    @Nested
    @DisplayName("on a run seen from outside")
    class Within {
        private static final String STOPPED = "the grader stopped the run at its 20 s time limit";

        @Test
        @DisplayName("a main that never used the runtime: all the work happened in the main process")
        void noTrace() {
            assertEquals("No pool and no Process ran: all the work happened in the main process.",
                    new TraceBuilder().within(MAIN, 0, 800, null).verdict());
        }

        @Test
        @DisplayName("stopped with tasks still running: the processes were stopped with the run")
        void stoppedWithTasks() {
            Timeline timeline = new TraceBuilder().poolStart(MAIN, 0, 201, 202).taskStart(201, 1, SLOW, 10)
                    .taskStart(202, 2, SLOW, 10).within(MAIN, 0, 20_000, STOPPED);
            assertEquals("2 tasks started on 2 workers and none finished: they were still running when the run ended."
                    + " The grader stopped the run at its 20 s time limit; the processes still running then were"
                    + " stopped with it.", timeline.verdict());
        }

        @Test
        @DisplayName("stopped with a Process still alive: the processes were stopped with the run")
        void stoppedWithProcess() {
            Timeline timeline = new TraceBuilder().processStart(MAIN, 5, 401, "Process-1", "lab.Q.consumer")
                    .within(MAIN, 0, 20_000, STOPPED);
            assertEquals("1 process (consumer) ran. The grader stopped the run at its 20 s time limit; the processes"
                    + " still running then were stopped with it.", timeline.verdict());
        }

        @Test
        @DisplayName("stopped with only main running: says main was still running")
        void stoppedMainOnly() {
            assertEquals("No pool and no Process ran: all the work happened in the main process. The grader stopped the"
                    + " run at its 20 s time limit; the main program was still running then.",
                    new TraceBuilder().within(MAIN, 0, 20_000, STOPPED).verdict());
        }
    }
}
