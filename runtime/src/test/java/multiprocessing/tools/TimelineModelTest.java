package multiprocessing.tools;

import static multiprocessing.tools.TraceBuilder.at;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import multiprocessing.tools.Timeline.Bar;
import multiprocessing.tools.Timeline.Lane;
import multiprocessing.tools.Timeline.Lifetime;
import multiprocessing.tools.Timeline.Mark;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Covers how {@link Timeline} reads a trace into lanes, bars, marks and lifetimes, and how it measures
 * overlap and rounds, on made-up traces whose answers are known exactly.
 */
@DisplayName("Timeline model")
class TimelineModelTest {
    private static final long MAIN = 100;
    private static final String SLOW = "lab.SlowSquare.slowSquare";

    private static List<String> names(Timeline timeline) {
        return timeline.lanes().stream().map(Lane::name).toList();
    }

    private static Lane lane(Timeline timeline, String name) {
        return timeline.lanes().stream().filter(l -> l.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no lane " + name + " in " + names(timeline)));
    }

    /** Ten one-second tasks on four workers, handed out as idle workers ask: three waves. */
    static TraceBuilder slowSquareInWaves() {
        TraceBuilder trace = new TraceBuilder().poolStart(MAIN, 0, 201, 202, 203, 204);
        for (int i = 0; i < 10; i++) {
            long worker = 201 + i % 4;
            long start = 10 + (i / 4) * 1_002L;
            trace.task(worker, SLOW, start, start + 1_000).callback(MAIN, start + 1_001, SLOW, "lab.SlowSquare.callback");
        }
        return trace;
    }

    @Nested
    @DisplayName("lanes")
    class LaneNaming {

        @Test
        @DisplayName("main comes first, then the pool's workers in the order of its workers array")
        void mainThenWorkers() {
            Timeline timeline = new TraceBuilder().poolStart(MAIN, 0, 302, 301, 303).timeline();
            assertEquals(List.of(100L, 302L, 301L, 303L), timeline.lanes().stream().map(Lane::pid).toList());
        }

        @Test
        @DisplayName("workers are named worker 1..N")
        void workerNames() {
            Timeline timeline = new TraceBuilder().poolStart(MAIN, 0, 302, 301, 303).timeline();
            assertEquals(List.of("main", "worker 1", "worker 2", "worker 3"), names(timeline));
        }

        @Test
        @DisplayName("the workers of a second pool are pool 2 worker 1..N")
        void secondPool() {
            Timeline timeline = new TraceBuilder().poolStart(MAIN, 0, 201, 202).poolStart(MAIN, 500, 301, 302)
                    .timeline();
            assertEquals(List.of("main", "worker 1", "worker 2", "pool 2 worker 1", "pool 2 worker 2"), names(timeline));
        }

        @Test
        @DisplayName("a worker missing from the array (a replacement) joins its pool as the next worker")
        void replacementWorker() {
            Timeline timeline = new TraceBuilder().poolStart(MAIN, 0, 201, 202).workerExit(MAIN, 50, 202, 137)
                    .task(209, SLOW, 60, 70).timeline();
            assertEquals(209L, lane(timeline, "worker 3").pid());
        }

        @Test
        @DisplayName("a Process child is named after its target's method")
        void processNames() {
            Timeline timeline = new TraceBuilder()
                    .processStart(MAIN, 0, 401, "Process-1", "lab.MultiprocessingQueue.producer")
                    .processStart(MAIN, 1, 402, "Process-2", "lab.MultiprocessingQueue.consumer").timeline();
            assertEquals(List.of("main", "producer", "consumer"), names(timeline));
        }

        @Test
        @DisplayName("two Processes with the same target get distinct names")
        void sameTarget() {
            Timeline timeline = new TraceBuilder()
                    .processStart(MAIN, 0, 401, "Process-1", "lab.Q.producer")
                    .processStart(MAIN, 1, 402, "Process-2", "lab.Q.producer").timeline();
            assertEquals(List.of("main", "producer", "producer (2)"), names(timeline));
        }

        @Test
        @DisplayName("any other pid is process 1..K")
        void otherPids() {
            Timeline timeline = new TraceBuilder().poolStart(MAIN, 0, 201).queue(777, 5, 1, 0).timeline();
            assertEquals(777L, lane(timeline, "process 1").pid());
        }

        @Test
        @DisplayName("a child that starts its own pool is not main: the program that started it is")
        void nestedPool() {
            Timeline timeline = new TraceBuilder().processStart(MAIN, 10, 401, "Process-1", "lab.Lab.child")
                    .poolStart(401, 0, 501).timeline();
            assertEquals(MAIN, lane(timeline, "main").pid());
        }

        @Test
        @DisplayName("without pools or Processes, main is the pid with the earliest event")
        void earliestIsMain() {
            Timeline timeline = new TraceBuilder().queue(300, 20, 0, 1).queue(200, 10, 1, 0).timeline();
            assertEquals(200L, lane(timeline, "main").pid());
        }

        @Test
        @DisplayName("carry each process's queue puts and gets, summed over its queues")
        void queueCounts() {
            Timeline timeline = new TraceBuilder().processStart(MAIN, 0, 401, "Process-1", "lab.Q.producer")
                    .queue(401, 50, 10, 0).queue(401, 50, 2, 1).timeline();
            Lane producer = lane(timeline, "producer");
            assertEquals(List.of(12L, 1L), List.of(producer.puts(), producer.gets()));
        }

        @Test
        @DisplayName("an empty trace has no lanes")
        void empty() {
            assertTrue(new TraceBuilder().timeline().lanes().isEmpty());
        }
    }

    @Nested
    @DisplayName("bars, marks and lifetimes")
    class Shapes {

        @Test
        @DisplayName("each task event is one bar with the trace's own start and end")
        void taskBar() {
            Timeline timeline = new TraceBuilder().poolStart(MAIN, 0, 201).task(201, SLOW, 10, 1_010, 3, false)
                    .timeline();
            assertEquals(List.of(new Bar("worker 1", 201, at(10), at(1_010), SLOW, 1, 3, false)), timeline.tasks());
        }

        @Test
        @DisplayName("a bar is labelled with the function's short name")
        void label() {
            Timeline timeline = new TraceBuilder().poolStart(MAIN, 0, 201).task(201, SLOW, 10, 20).timeline();
            assertEquals("slowSquare", timeline.tasks().get(0).label());
        }

        @Test
        @DisplayName("a callback is a mark on the lane of the process that ran it, at its time")
        void callbackMark() {
            Timeline timeline = new TraceBuilder().poolStart(MAIN, 0, 201).callback(MAIN, 30, SLOW, "lab.S.callback")
                    .timeline();
            Mark mark = timeline.marks().get(0);
            assertEquals(List.of("main", at(30), Mark.Kind.CALLBACK), List.of(mark.lane(), mark.timeUs(), mark.kind()));
        }

        @Test
        @DisplayName("a dead worker is a mark on that worker's lane")
        void workerExitMark() {
            Timeline timeline = new TraceBuilder().poolStart(MAIN, 0, 201, 202).workerExit(MAIN, 40, 202, 137)
                    .timeline();
            Mark mark = timeline.marks().get(0);
            assertEquals(List.of("worker 2", Mark.Kind.WORKER_EXIT), List.of(mark.lane(), mark.kind()));
        }

        @Test
        @DisplayName("a Process lives from its process_start to its process_exit")
        void lifetime() {
            Timeline timeline = new TraceBuilder().processStart(MAIN, 5, 401, "Process-1", "lab.Q.producer")
                    .processExit(MAIN, 900, 401, "Process-1", "lab.Q.producer", 0).timeline();
            assertEquals(List.of(new Lifetime("producer", 401, at(5), at(900), true, 0, "lab.Q.producer", MAIN, "", -1)),
                    timeline.lifetimes());
        }

        @Test
        @DisplayName("a Process whose exit is not recorded lives to the end of the run")
        void openLifetime() {
            Timeline timeline = new TraceBuilder().processStart(MAIN, 5, 401, "Process-1", "lab.Q.consumer")
                    .queue(MAIN, 700, 1, 0).timeline();
            assertEquals(new Lifetime("consumer", 401, at(5), at(700), false, 0, "lab.Q.consumer", MAIN, "", -1),
                    timeline.lifetimes().get(0));
        }

        @Test
        @DisplayName("the run spans from its earliest to its latest time, task starts included")
        void extent() {
            Timeline timeline = new TraceBuilder().poolStart(MAIN, 100, 201).task(201, SLOW, 50, 400).timeline();
            assertEquals(List.of(at(50), at(400)), List.of(timeline.startUs(), timeline.endUs()));
        }
    }

    @Nested
    @DisplayName("overlap and rounds")
    class Overlap {

        @Test
        @DisplayName("ten tasks in waves on four workers: at most four at once")
        void maxConcurrency() {
            assertEquals(4, slowSquareInWaves().timeline().maxConcurrency());
        }

        @Test
        @DisplayName("ten tasks in waves on four workers: three rounds")
        void threeRounds() {
            assertEquals(3, slowSquareInWaves().timeline().rounds());
        }

        @Test
        @DisplayName("tasks that each start when the previous one ended: one at a time, one round each")
        void touching() {
            TraceBuilder trace = new TraceBuilder().poolStart(MAIN, 0, 201, 202);
            for (int i = 0; i < 5; i++) {
                trace.task(201 + i % 2, SLOW, i * 100L, (i + 1) * 100L);
            }
            Timeline timeline = trace.timeline();
            assertEquals(List.of(1, 5), List.of(timeline.maxConcurrency(), timeline.rounds()));
        }

        @Test
        @DisplayName("parallel when two tasks overlap, serial when none does")
        void flags() {
            Timeline waves = slowSquareInWaves().timeline();
            Timeline oneByOne = new TraceBuilder().poolStart(MAIN, 0, 201).task(201, SLOW, 0, 10).task(201, SLOW, 20, 30)
                    .timeline();
            assertAll(() -> assertTrue(waves.parallel(), "waves parallel"),
                    () -> assertFalse(waves.serial(), "waves serial"),
                    () -> assertFalse(oneByOne.parallel(), "one by one parallel"),
                    () -> assertTrue(oneByOne.serial(), "one by one serial"));
        }

        @Test
        @DisplayName("workers used counts the processes other than main that ran tasks")
        void workersUsed() {
            Timeline timeline = new TraceBuilder().poolStart(MAIN, 0, 201, 202, 203).task(201, SLOW, 0, 10)
                    .task(203, SLOW, 0, 10).task(MAIN, SLOW, 0, 10).timeline();
            assertEquals(2, timeline.workersUsed());
        }

        @Test
        @DisplayName("a run with only the main process is single-process")
        void singleProcess() {
            assertTrue(new TraceBuilder().poolStart(MAIN, 0, 201).timeline().singleProcess());
        }
    }

    @Nested
    @DisplayName("tasks that never finished")
    class Unfinished {

        @Test
        @DisplayName("a task_start without its task is an unfinished bar from its start to the end of the run")
        void unfinishedBar() {
            Timeline timeline = new TraceBuilder().poolStart(MAIN, 0, 201).taskStart(201, 1, SLOW, 10)
                    .queue(MAIN, 900, 0, 0).timeline();
            assertEquals(List.of(new Bar("worker 1", 201, at(10), at(900), SLOW, 1, 1, false, false)),
                    timeline.unfinishedTasks());
        }

        @Test
        @DisplayName("a task_start followed by its task (same worker, pool and batch) is a finished task only")
        void paired() {
            Timeline timeline = new TraceBuilder().poolStart(MAIN, 0, 201).taskStart(201, 1, SLOW, 10)
                    .task(201, 1, SLOW, 10, 500).timeline();
            assertEquals(List.of(1, 0), List.of(timeline.taskCount(), timeline.unfinishedTasks().size()));
        }

        @Test
        @DisplayName("the task of another batch does not finish it")
        void otherBatch() {
            Timeline timeline = new TraceBuilder().poolStart(MAIN, 0, 201).taskStart(201, 1, SLOW, 10)
                    .taskStart(201, 2, SLOW, 20).task(201, 2, SLOW, 20, 500).timeline();
            assertEquals(List.of(at(10)), timeline.unfinishedTasks().stream().map(Bar::startUs).toList());
        }

        @Test
        @DisplayName("are not counted among the tasks that ran")
        void notCounted() {
            Timeline timeline = new TraceBuilder().poolStart(MAIN, 0, 201, 202).taskStart(201, 1, SLOW, 10)
                    .taskStart(202, 2, SLOW, 10).timeline();
            assertEquals(List.of(0, 0, 0), List.of(timeline.taskCount(), timeline.maxConcurrency(), timeline.workersUsed()));
        }

        @Test
        @DisplayName("end where their worker died")
        void workerDied() {
            Timeline timeline = new TraceBuilder().poolStart(MAIN, 0, 201).taskStart(201, 1, SLOW, 10)
                    .workerExit(MAIN, 300, 201, 137).queue(MAIN, 900, 0, 0).timeline();
            assertEquals(at(300), timeline.unfinishedTasks().get(0).endUs());
        }

        @Test
        @DisplayName("end where their pool was terminated")
        void poolTerminated() {
            Timeline timeline = new TraceBuilder().poolStart(MAIN, 0, 201).taskStart(201, 1, SLOW, 10)
                    .poolShutdown(MAIN, 400, "terminate").queue(MAIN, 900, 0, 0).timeline();
            assertEquals(at(400), timeline.unfinishedTasks().get(0).endUs());
        }

        @Test
        @DisplayName("a worker seen only starting a task (a replacement) gets its pool's next worker lane")
        void replacement() {
            Timeline timeline = new TraceBuilder().poolStart(MAIN, 0, 201).workerExit(MAIN, 5, 201, 137)
                    .taskStart(209, 1, SLOW, 10).timeline();
            assertEquals(209L, lane(timeline, "worker 2").pid());
        }

        @Test
        @DisplayName("a task begun on a worker means more than the main process ran")
        void notSingleProcess() {
            assertFalse(new TraceBuilder().poolStart(MAIN, 0, 201).taskStart(201, 1, SLOW, 10).timeline().singleProcess());
        }

        @Test
        @DisplayName("a task event without a batch, as earlier runtimes wrote it, is still a task")
        void oldTask() {
            assertEquals(1, new TraceBuilder().poolStart(MAIN, 0, 201).task(201, SLOW, 10, 20).timeline().taskCount());
        }
    }

    @Nested
    @DisplayName("a run seen from outside (within)")
    class Within {
        private static final String STOPPED = "the grader stopped the run at its 20 s time limit";

        @Test
        @DisplayName("an empty trace gets a main lane for the known main pid")
        void emptyTraceHasMain() {
            Timeline timeline = new TraceBuilder().within(4242, 0, 1_500, null);
            assertEquals(List.of("main:4242"), timeline.lanes().stream().map(l -> l.name() + ":" + l.pid()).toList());
        }

        @Test
        @DisplayName("an empty trace spans the run as the caller saw it")
        void emptyTraceSpan() {
            Timeline timeline = new TraceBuilder().within(4242, 0, 1_500, null);
            assertEquals(List.of(at(0), at(1_500)), List.of(timeline.startUs(), timeline.endUs()));
        }

        @Test
        @DisplayName("the run is widened to the caller's start and end")
        void widened() {
            Timeline timeline = new TraceBuilder().poolStart(MAIN, 100, 201).task(201, SLOW, 150, 400).within(MAIN, 0, 2_000, null);
            assertEquals(List.of(at(0), at(2_000)), List.of(timeline.startUs(), timeline.endUs()));
        }

        @Test
        @DisplayName("the known main pid is main, even where the trace alone would guess another")
        void knownMain() {
            Timeline timeline = new TraceBuilder().queue(300, 20, 0, 1).queue(200, 10, 1, 0).within(300, 0, 100, null);
            assertEquals(300L, lane(timeline, "main").pid());
        }

        @Test
        @DisplayName("a Process still running ends at the caller's end, not at the trace's last event")
        void openLifetime() {
            Timeline timeline = new TraceBuilder().processStart(MAIN, 5, 401, "Process-1", "lab.Q.consumer")
                    .queue(MAIN, 700, 1, 0).within(MAIN, 0, 20_000, STOPPED);
            assertEquals(at(20_000), timeline.lifetimes().get(0).endUs());
        }

        @Test
        @DisplayName("an unfinished task ends at the caller's end")
        void unfinishedTask() {
            Timeline timeline = new TraceBuilder().poolStart(MAIN, 0, 201).taskStart(201, 1, SLOW, 10)
                    .within(MAIN, 0, 20_000, STOPPED);
            assertEquals(at(20_000), timeline.unfinishedTasks().get(0).endUs());
        }

        @Test
        @DisplayName("says who stopped the run")
        void stoppedBecause() {
            assertEquals(Optional.of(STOPPED), new TraceBuilder().within(MAIN, 0, 100, STOPPED).stoppedBecause());
        }

        @Test
        @DisplayName("a run that ended by itself was stopped by nobody")
        void notStopped() {
            assertTrue(new TraceBuilder().within(MAIN, 0, 100, null).stoppedBecause().isEmpty());
        }

        @Test
        @DisplayName("the stop reason is cleaned of control characters and shortened")
        void cleanedReason() {
            String reason = new TraceBuilder().within(MAIN, 0, 100, "stopped\n\u202Ehere" + "x".repeat(500))
                    .stoppedBecause().orElseThrow();
            assertAll(() -> assertFalse(reason.contains("\n") || reason.contains("\u202E"), reason),
                    () -> assertTrue(reason.length() <= Timeline.MAX_STOP_REASON, "length " + reason.length()));
        }

        @Test
        @DisplayName("a stopped run's notes say so")
        void stoppedNote() {
            List<String> notes = new TraceBuilder().poolStart(MAIN, 0, 201).taskStart(201, 1, SLOW, 10)
                    .within(MAIN, 0, 20_000, STOPPED).notes();
            assertEquals(List.of("The grader stopped the run at its 20 s time limit: what was still running then is drawn"
                    + " up to that moment and was stopped with it; a dashed bar is a task that never finished."), notes);
        }

        @Test
        @DisplayName("a run that ended by itself has no note about it")
        void noNote() {
            assertEquals(List.of(), new TraceBuilder().poolStart(MAIN, 0, 201).within(MAIN, 0, 100, null).notes());
        }

        @Test
        @DisplayName("the trace's own reading is unchanged: the same tasks, callbacks and jobs")
        void sameReading() {
            Timeline plain = slowSquareInWaves().timeline();
            Timeline framed = slowSquareInWaves().within(MAIN, 0, 5_000, null);
            assertEquals(List.of(plain.tasks(), plain.marks()), List.of(framed.tasks(), framed.marks()));
        }

        @Test
        @DisplayName("refuses an end before the start, and a main pid or start that is not positive")
        void refusesNonsense() {
            Timeline timeline = new TraceBuilder().timeline();
            assertAll(
                    () -> assertThrows(IllegalArgumentException.class, () -> timeline.within(MAIN, at(10), at(5), null)),
                    () -> assertThrows(IllegalArgumentException.class, () -> timeline.within(0, at(0), at(5), null)),
                    () -> assertThrows(IllegalArgumentException.class, () -> timeline.within(MAIN, 0, at(5), null)));
        }
    }
}
