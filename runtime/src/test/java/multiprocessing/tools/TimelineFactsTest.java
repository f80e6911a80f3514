package multiprocessing.tools;

import static multiprocessing.tools.TraceBuilder.at;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import multiprocessing.tools.Timeline.CallbackRun;
import multiprocessing.tools.Timeline.Job;
import multiprocessing.tools.Timeline.Lifetime;
import multiprocessing.tools.Timeline.PoolRun;
import multiprocessing.tools.Timeline.ProgramExit;
import multiprocessing.tools.Timeline.Sentinel;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Covers the facts that {@link Timeline} reads from the trace events that tell the lessons, which
 * {@link RunChecks} then judges: pools paired with their shutdown, jobs paired with their
 * {@code job_done}, how and by whom each {@code Process} ended and whether its parent joined it,
 * callbacks, {@code null} sentinels, and the main program's exit. Made-up traces, so every answer is
 * known exactly; malformed lines of the new kinds must count as unreadable, never as facts.
 */
@DisplayName("Timeline facts for the lessons")
class TimelineFactsTest {
    private static final long MAIN = 100;
    private static final long CHILD = 401;
    private static final String SQUARE = "lab.Square.square";
    private static final String PRODUCER = "lab.Q.producer";

    @Nested
    @DisplayName("pool runs")
    class PoolRuns {

        @Test
        @DisplayName("pair a pool_start with its pool_shutdown")
        void paired() {
            Timeline timeline = new TraceBuilder().poolStart(MAIN, 0, 201, 202).poolShutdown(MAIN, 500, 1, "close")
                    .timeline();
            assertEquals(List.of(new PoolRun(MAIN, 1, 2, List.of(201L, 202L), at(0), "close", at(500))),
                    timeline.poolRuns());
        }

        @Test
        @DisplayName("a pool never shut down has no shutdown, at -1")
        void neverShutDown() {
            PoolRun pool = new TraceBuilder().poolStart(MAIN, 0, 201).timeline().poolRuns().get(0);
            assertEquals(List.of("", -1L, false), List.of(pool.shutdown(), pool.shutdownUs(), pool.shutDown()));
        }

        @Test
        @DisplayName("each of two pools gets its own shutdown, in start order")
        void twoPools() {
            Timeline timeline = new TraceBuilder().poolStartAs(MAIN, 0, 1, 201).poolStartAs(MAIN, 10, 2, 301)
                    .poolShutdown(MAIN, 20, 2, "terminate").poolShutdown(MAIN, 30, 1, "close").timeline();
            assertEquals(List.of(List.of(1L, "close"), List.of(2L, "terminate")),
                    timeline.poolRuns().stream().map(p -> List.of(p.pool(), p.shutdown())).toList());
        }

        @Test
        @DisplayName("another process's shutdown of its own pool 1 does not shut main's pool 1")
        void otherOwner() {
            Timeline timeline = new TraceBuilder().processStart(MAIN, 0, CHILD, "Process-1", "lab.Lab.child")
                    .poolStart(MAIN, 5, 201).poolStart(CHILD, 10, 501).poolShutdown(CHILD, 50, 1, "close").timeline();
            PoolRun mains = timeline.poolRuns().stream().filter(p -> p.owner() == MAIN).findFirst().orElseThrow();
            assertFalse(mains.shutDown(), "main's pool: " + mains);
        }
    }

    @Nested
    @DisplayName("jobs")
    class Jobs {

        @Test
        @DisplayName("pair a submit with its job_done: the call, items, callback, times and ok")
        void paired() {
            Timeline timeline = new TraceBuilder().poolStart(MAIN, 0, 201)
                    .submit(MAIN, 10, 1, 1, SQUARE, "mapAsync", 10, "lab.Square.done")
                    .jobDone(MAIN, 90, 1, 1, false).timeline();
            assertEquals(List.of(new Job(MAIN, 1, 1, SQUARE, "mapAsync", 10, "lab.Square.done", at(10), at(90), false)),
                    timeline.jobs());
        }

        @Test
        @DisplayName("a job never done has doneUs -1")
        void neverDone() {
            Job job = new TraceBuilder().poolStart(MAIN, 0, 201).submit(MAIN, 10, 1, SQUARE, "applyAsync").timeline()
                    .jobs().get(0);
            assertEquals(List.of(-1L, false), List.of(job.doneUs(), job.done()));
        }

        @Test
        @DisplayName("a null callback reads as empty")
        void nullCallback() {
            Job job = new TraceBuilder().poolStart(MAIN, 0, 201).submit(MAIN, 10, 1, SQUARE, "map").timeline()
                    .jobs().get(0);
            assertEquals("", job.callback());
        }

        @Test
        @DisplayName("the same job number in another pool does not finish it")
        void otherPool() {
            Job job = new TraceBuilder().poolStart(MAIN, 0, 201).submit(MAIN, 10, 1, SQUARE, "apply")
                    .jobDone(MAIN, 20, 2, 1, true).timeline().jobs().get(0);
            assertFalse(job.done(), "job: " + job);
        }

        @Test
        @DisplayName("the same pool and job number from another pid does not finish it")
        void otherPid() {
            Job job = new TraceBuilder().poolStart(MAIN, 0, 201).submit(MAIN, 10, 1, SQUARE, "apply")
                    .jobDone(CHILD, 20, 1, 1, true).timeline().jobs().get(0);
            assertFalse(job.done(), "job: " + job);
        }

        @Test
        @DisplayName("each job gets its own job_done, and jobs come in submit order whatever the file order")
        void submitOrder() {
            Timeline timeline = new TraceBuilder().poolStart(MAIN, 0, 201).submit(MAIN, 30, 2, SQUARE, "applyAsync")
                    .jobDone(MAIN, 40, 2).submit(MAIN, 10, 1, SQUARE, "applyAsync").jobDone(MAIN, 20, 1).timeline();
            assertEquals(List.of(List.of(1L, at(20)), List.of(2L, at(40))),
                    timeline.jobs().stream().map(j -> List.of(j.job(), j.doneUs())).toList());
        }
    }

    @Nested
    @DisplayName("Process lifetimes")
    class Lifetimes {

        private TraceBuilder started() {
            return new TraceBuilder().processStart(MAIN, 5, CHILD, "Process-1", PRODUCER);
        }

        @Test
        @DisplayName("carry the target and the parent's pid")
        void targetAndParent() {
            Lifetime producer = started().timeline().lifetimes().get(0);
            assertEquals(List.of(PRODUCER, MAIN), List.of(producer.target(), producer.parent()));
        }

        @Test
        @DisplayName("stoppedBy is the process_exit's stopped, and such a child did not end by itself")
        void stopped() {
            Lifetime producer = started().processExit(MAIN, 50, CHILD, "Process-1", PRODUCER, 143, "terminate")
                    .timeline().lifetimes().get(0);
            assertAll(() -> assertEquals(List.of("terminate", 143L), List.of(producer.stoppedBy(), producer.exitCode())),
                    () -> assertFalse(producer.endedByItself(), "endedByItself of " + producer));
        }

        @Test
        @DisplayName("without stopped, an exited child ended by itself")
        void byItself() {
            Lifetime producer = started().processExit(MAIN, 50, CHILD, "Process-1", PRODUCER, 0).timeline()
                    .lifetimes().get(0);
            assertAll(() -> assertEquals("", producer.stoppedBy()),
                    () -> assertTrue(producer.endedByItself(), "endedByItself of " + producer));
        }

        @Test
        @DisplayName("a child whose exit the trace never tells did not end by itself")
        void stillRunning() {
            assertFalse(started().queue(MAIN, 90, 1, 0).timeline().lifetimes().get(0).endedByItself());
        }

        @Test
        @DisplayName("joinedUs is the time of the parent's process_join")
        void joinedByParent() {
            Lifetime producer = started().processExit(MAIN, 50, CHILD, "Process-1", PRODUCER, 0)
                    .processJoin(MAIN, 60, CHILD, "Process-1", PRODUCER).timeline().lifetimes().get(0);
            assertEquals(List.of(at(60), true), List.of(producer.joinedUs(), producer.joined()));
        }

        @Test
        @DisplayName("a join by a process other than the parent does not count")
        void joinedByOther() {
            Lifetime producer = started().processStart(MAIN, 6, 402, "Process-2", "lab.Q.consumer")
                    .processExit(MAIN, 50, CHILD, "Process-1", PRODUCER, 0)
                    .processJoin(402, 60, CHILD, "Process-1", PRODUCER).timeline().lifetimes().get(0);
            assertEquals(List.of(-1L, false), List.of(producer.joinedUs(), producer.joined()));
        }

        @Test
        @DisplayName("of two joins by the parent, the first counts")
        void firstJoin() {
            Lifetime producer = started().processExit(MAIN, 50, CHILD, "Process-1", PRODUCER, 0)
                    .processJoin(MAIN, 80, CHILD, "Process-1", PRODUCER)
                    .processJoin(MAIN, 60, CHILD, "Process-1", PRODUCER).timeline().lifetimes().get(0);
            assertEquals(at(60), producer.joinedUs());
        }
    }

    @Nested
    @DisplayName("callbacks and sentinels")
    class CallbacksAndSentinels {

        @Test
        @DisplayName("every callback, by time, with the process that ran it")
        void callbacks() {
            Timeline timeline = new TraceBuilder().poolStart(MAIN, 0, 201).callback(MAIN, 30, SQUARE, "lab.S.b")
                    .callback(MAIN, 20, SQUARE, "lab.S.a").timeline();
            assertEquals(List.of(new CallbackRun(MAIN, at(20), SQUARE, "lab.S.a"),
                    new CallbackRun(MAIN, at(30), SQUARE, "lab.S.b")), timeline.callbacks());
        }

        @Test
        @DisplayName("a null put is a sentinel put, a null taken one that is not, by time")
        void sentinels() {
            Timeline timeline = started().queueNull(CHILD, 40, "get").queueNull(MAIN, 30, "put").timeline();
            assertEquals(List.of(new Sentinel(MAIN, at(30), 1, true), new Sentinel(CHILD, at(40), 1, false)),
                    timeline.sentinels());
        }

        private TraceBuilder started() {
            return new TraceBuilder().processStart(MAIN, 5, CHILD, "Process-1", "lab.Q.consumer");
        }
    }

    @Nested
    @DisplayName("the program's exit")
    class Exit {

        @Test
        @DisplayName("main's program_exit is read with its counts")
        void mains() {
            Timeline timeline = new TraceBuilder().poolStart(MAIN, 0, 201).programExit(MAIN, 90, 1, 3, 2).timeline();
            assertEquals(Optional.of(new ProgramExit(MAIN, at(90), 1, 3, 2)), timeline.programExit());
        }

        @Test
        @DisplayName("a program_exit written by another process is not main's")
        void notMains() {
            Timeline timeline = new TraceBuilder().poolStart(MAIN, 0, 201).programExit(201, 90, 0, 0, 0).timeline();
            assertEquals(Optional.empty(), timeline.programExit());
        }

        @Test
        @DisplayName("a trace without one has none (a program killed from outside writes none)")
        void absent() {
            assertEquals(Optional.empty(), new TraceBuilder().poolStart(MAIN, 0, 201).timeline().programExit());
        }

        @Test
        @DisplayName("mainPid is the pid of the main lane")
        void mainPid() {
            Timeline timeline = new TraceBuilder().processStart(MAIN, 10, CHILD, "Process-1", "lab.Lab.child")
                    .poolStart(CHILD, 0, 501).timeline();
            assertEquals(MAIN, timeline.mainPid());
        }

        @Test
        @DisplayName("mainPid of an empty trace is 0")
        void emptyMainPid() {
            assertEquals(0, new TraceBuilder().timeline().mainPid());
        }
    }

    @Nested
    @DisplayName("malformed lesson events")
    class Malformed {

        private static final String HEAD = "{\"event\":\"%s\",\"time_us\":" + TraceBuilder.T0 + ",\"pid\":" + MAIN;

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {
            "queue_null\",\"queue\":1,\"op\":\"maybe\"}",
            "queue_null\",\"queue\":1}",
            "submit\",\"pool\":1,\"job\":1,\"function\":\"lab.S.s\",\"call\":\"map\",\"items\":-1,\"callback\":null}",
            "submit\",\"pool\":1,\"job\":1,\"function\":\"lab.S.s\",\"items\":1,\"callback\":null}",
            "submit\",\"pool\":1,\"job\":1,\"function\":\"lab.S.s\",\"call\":\"map\",\"items\":1,\"callback\":7}",
            "job_done\",\"pool\":1,\"job\":1,\"ok\":\"yes\"}",
            "job_done\",\"pool\":1,\"ok\":true}",
            "process_join\",\"child_pid\":0,\"name\":\"Process-1\",\"target\":\"lab.Q.p\"}",
            "process_exit\",\"child_pid\":401,\"name\":\"P\",\"target\":\"lab.Q.p\",\"exit_code\":0,\"stopped\":\"bored\"}",
            "process_exit\",\"child_pid\":401,\"name\":\"P\",\"target\":\"lab.Q.p\",\"exit_code\":0,\"stopped\":1}",
            "program_exit\",\"open_pools\":0,\"unfinished_jobs\":-1,\"live_processes\":0}",
            "program_exit\",\"open_pools\":\"one\",\"unfinished_jobs\":0,\"live_processes\":0}",
            "program_exit\",\"open_pools\":0,\"unfinished_jobs\":0}"})
        @DisplayName("count as unreadable lines")
        void unreadable(String rest) {
            String kind = rest.substring(0, rest.indexOf('"'));
            String line = String.format(HEAD, kind) + rest.substring(rest.indexOf('"') + 1);
            Timeline timeline = new TraceBuilder().poolStart(MAIN, 0, 201).line(line).timeline();
            assertEquals(1, timeline.unreadableLines(), line);
        }

        @Test
        @DisplayName("well-formed lesson events count as readable")
        void readable() {
            Timeline timeline = new TraceBuilder().poolStart(MAIN, 0, 201).submit(MAIN, 1, 1, SQUARE, "map")
                    .jobDone(MAIN, 2, 1).processStart(MAIN, 3, CHILD, "Process-1", PRODUCER)
                    .processExit(MAIN, 4, CHILD, "Process-1", PRODUCER, 1, "kill")
                    .processJoin(MAIN, 5, CHILD, "Process-1", PRODUCER).queueNull(MAIN, 6, "put")
                    .programExit(MAIN, 7, 0, 0, 0).timeline();
            assertEquals(0, timeline.unreadableLines());
        }

        @Test
        @DisplayName("a malformed queue_null is no sentinel")
        void noSentinel() {
            Timeline timeline = new TraceBuilder().poolStart(MAIN, 0, 201).queueNull(MAIN, 5, "maybe").timeline();
            assertTrue(timeline.sentinels().isEmpty(), "sentinels: " + timeline.sentinels());
        }

        @Test
        @DisplayName("a submit with negative items is no job")
        void noJob() {
            Timeline timeline = new TraceBuilder().poolStart(MAIN, 0, 201).submit(MAIN, 5, 1, 1, SQUARE, "map", -3, null)
                    .timeline();
            assertTrue(timeline.jobs().isEmpty(), "jobs: " + timeline.jobs());
        }
    }
}
