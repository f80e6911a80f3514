package multiprocessing.tools;

import static multiprocessing.tools.TraceBuilder.at;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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
}
