package multiprocessing.tools;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import multiprocessing.tools.RunChecks.Finding;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Covers {@link RunChecks}, the plain-words checks that the lab's public tests and its grader ask of a
 * traced run: for every check a run done right, and each way of getting it wrong, on made-up traces
 * whose shape is known exactly. A failing check must name the student's real mistake and its fix, not
 * a symptom: the texts are what a student reads.
 */
@DisplayName("RunChecks")
class RunChecksTest {
    private static final long MAIN = 100;
    private static final long OTHER = 900;
    private static final String SQUARE = "lab.Square.square";
    private static final String SLOW = "lab.SlowSquare.slowSquare";
    private static final String CALLBACK = "lab.SlowSquare.callback";
    private static final String PRODUCER = "lab.MultiprocessingQueue.producer";
    private static final String CONSUMER = "lab.MultiprocessingQueue.consumer";
    private static final long PRODUCER_PID = 401;
    private static final long CONSUMER_PID = 402;
    private static final Finding OK = new Finding(true, "", "");

    private static RunChecks checks(TraceBuilder trace) {
        return new RunChecks(trace.timeline());
    }

    /** Asserts that {@code finding} failed and its problem holds {@code words}. */
    private static void assertProblem(Finding finding, String words) {
        assertAll(() -> assertFalse(finding.ok(), "ok: " + finding),
                () -> assertTrue(finding.problem().contains(words), "problem without \"" + words + "\": " + finding));
    }

    /** Asserts that {@code finding}'s fix holds {@code words}. */
    private static void assertFix(Finding finding, String words) {
        assertTrue(finding.fix().contains(words), "fix without \"" + words + "\": " + finding);
    }

    /** A Pool(4) that main started at 0 ms, workers 201 to 204. */
    private static TraceBuilder pool() {
        return new TraceBuilder().poolStart(MAIN, 0, 201, 202, 203, 204);
    }

    /** Main maps square over 10 items in one call on a Pool(4) (3 + 3 + 2 + 2 items), waits, closes the pool. */
    private static TraceBuilder mapDoneRight() {
        return pool().submit(MAIN, 5, 1, 1, SQUARE, "map", 10, null)
                .task(201, SQUARE, 10, 110, 3, true).task(202, SQUARE, 10, 110, 3, true)
                .task(203, SQUARE, 10, 110, 2, true).task(204, SQUARE, 10, 110, 2, true)
                .jobDone(MAIN, 120, 1).poolShutdown(MAIN, 130, 1, "close").programExit(MAIN, 140, 0, 0, 0);
    }

    /**
     * Main hands {@code n} slow squares to a Pool(4) with applyAsync and a callback, all before waiting:
     * they run in waves of four, each callback and job_done in main as its result arrives.
     */
    private static TraceBuilder applyAsyncAtOnce(int n) {
        TraceBuilder trace = pool();
        for (int i = 0; i < n; i++) {
            trace.submit(MAIN, 1 + i, 1, i + 1, SLOW, "applyAsync", 1, CALLBACK);
        }
        for (int i = 0; i < n; i++) {
            long start = 20 + (i / 4) * 1_010L;
            trace.task(201 + i % 4, SLOW, start, start + 1_000).callback(MAIN, start + 1_002, SLOW, CALLBACK)
                    .jobDone(MAIN, start + 1_003, i + 1);
        }
        return trace.poolShutdown(MAIN, 5_000, 1, "close").programExit(MAIN, 5_010, 0, 0, 0);
    }

    /** Main calls {@code call} {@code n} times on a Pool(4), each time waiting for the job before the next. */
    private static TraceBuilder oneByOne(String call, String callback, int n) {
        TraceBuilder trace = pool();
        for (int i = 0; i < n; i++) {
            long at = 10 + i * 1_100L;
            trace.submit(MAIN, at, 1, i + 1, SLOW, call, 1, callback).task(201, SLOW, at + 5, at + 1_005);
            if (callback != null) {
                trace.callback(MAIN, at + 1_006, SLOW, callback);
            }
            trace.jobDone(MAIN, at + 1_007, i + 1);
        }
        return trace.poolShutdown(MAIN, 20_000, 1, "close").programExit(MAIN, 20_010, 0, 0, 0);
    }

    /** Main starts a producer and a consumer Process; the caller adds how they end and the sentinel. */
    private static TraceBuilder producerAndConsumer() {
        return new TraceBuilder().processStart(MAIN, 0, PRODUCER_PID, "Process-1", PRODUCER)
                .processStart(MAIN, 1, CONSUMER_PID, "Process-2", CONSUMER);
    }

    private static TraceBuilder producerEnds(TraceBuilder trace, long exitMillis, long joinMillis) {
        return trace.processExit(MAIN, exitMillis, PRODUCER_PID, "Process-1", PRODUCER, 0)
                .processJoin(MAIN, joinMillis, PRODUCER_PID, "Process-1", PRODUCER);
    }

    private static TraceBuilder consumerEnds(TraceBuilder trace, long exitMillis, long joinMillis) {
        return trace.processExit(MAIN, exitMillis, CONSUMER_PID, "Process-2", CONSUMER, 0)
                .processJoin(MAIN, joinMillis, CONSUMER_PID, "Process-2", CONSUMER);
    }

    @Nested
    @DisplayName("Finding")
    class Findings {

        @Test
        @DisplayName("sentence joins problem and fix: \"problem. Fix.\"")
        void sentence() {
            assertEquals("the pool was never closed. Open it here.", new Finding(false, "the pool was never closed",
                    "open it here").sentence());
        }

        @Test
        @DisplayName("an ok finding's sentence is empty")
        void okSentence() {
            assertEquals("", OK.sentence());
        }

        @Test
        @DisplayName("and() returns the first failed finding and asks no further")
        void andStopsAtFailure() {
            Finding failed = new Finding(false, "first", "fix it");
            AtomicBoolean asked = new AtomicBoolean();
            Finding result = failed.and(() -> {
                asked.set(true);
                return OK;
            });
            assertEquals(List.of(failed, false), List.of(result, asked.get()));
        }

        @Test
        @DisplayName("and() after an ok finding is the next one")
        void andGoesOn() {
            Finding next = new Finding(false, "second", "fix that");
            assertEquals(next, OK.and(() -> next));
        }
    }

    @Nested
    @DisplayName("poolDidTheWork")
    class PoolDidTheWork {

        @Test
        @DisplayName("passes when a Pool(4) ran all 10 items in its workers")
        void passes() {
            assertEquals(OK, checks(mapDoneRight()).poolDidTheWork(SQUARE, "map", 10, 4));
        }

        @Test
        @DisplayName("without a Pool: all the work ran in the main process")
        void noPool() {
            Finding finding = checks(new TraceBuilder().processStart(MAIN, 0, 401, "Process-1", PRODUCER)
                    .programExit(MAIN, 10, 0, 0, 0)).poolDidTheWork(SQUARE, "map", 10, 4);
            assertAll(() -> assertProblem(finding, "main created no Pool"),
                    () -> assertFix(finding, "create a Pool of 4 and hand the work to it: pool.map(Square::square"));
        }

        @Test
        @DisplayName("a failed task is reported with the function to fix")
        void failedTask() {
            Finding finding = checks(mapDoneRight().task(201, SQUARE, 200, 210, 1, false))
                    .poolDidTheWork(SQUARE, "map", 10, 4);
            assertAll(() -> assertProblem(finding, "1 task of Square::square failed in the workers"),
                    () -> assertFix(finding, "fix it in Square::square"));
        }

        @Test
        @DisplayName("a pool that never got the work: main computed the results itself")
        void computedInMain() {
            Finding finding = checks(pool().task(MAIN, SQUARE, 10, 20, 10, true).poolShutdown(MAIN, 30, 1, "close"))
                    .poolDidTheWork(SQUARE, "map", 10, 4);
            assertProblem(finding, "never ran in its workers: main computed the results itself");
        }

        @Test
        @DisplayName("tasks of another function do not count")
        void otherFunction() {
            Finding finding = checks(pool().submit(MAIN, 5, 1, 1, SQUARE, "map", 10, null)
                    .task(201, "lab.Square.cube", 10, 110, 10, true).jobDone(MAIN, 120, 1)
                    .programExit(MAIN, 130, 0, 0, 0)).poolDidTheWork(SQUARE, "map", 10, 4);
            assertProblem(finding, "the pool's workers ran Square::square on 0 of the 10 items");
        }

        @Test
        @DisplayName("main returned before the pool finished: not waited, not too few items")
        void notWaited() {
            Finding finding = checks(pool().submit(MAIN, 5, 1, 1, SQUARE, "map", 10, null)
                    .task(201, SQUARE, 10, 110, 3, true).programExit(MAIN, 115, 1, 1, 0))
                    .poolDidTheWork(SQUARE, "map", 10, 4);
            assertProblem(finding, "main returned while 1 task of Square::square");
        }

        @Test
        @DisplayName("only some items handed to the pool: how many of how many")
        void tooFewItems() {
            Finding finding = checks(pool().submit(MAIN, 5, 1, 1, SQUARE, "map", 6, null)
                    .task(201, SQUARE, 10, 110, 3, true).task(202, SQUARE, 10, 110, 3, true).jobDone(MAIN, 120, 1)
                    .programExit(MAIN, 140, 1, 0, 0)).poolDidTheWork(SQUARE, "map", 10, 4);
            assertAll(() -> assertProblem(finding, "ran Square::square on 6 of the 10 items"),
                    () -> assertFix(finding, "hand every item to the pool"));
        }

        @Test
        @DisplayName("a pool of the wrong size says its size and the constructor to call")
        void wrongSize() {
            TraceBuilder trace = new TraceBuilder().poolStart(MAIN, 0, 201, 202)
                    .submit(MAIN, 5, 1, 1, SQUARE, "map", 10, null).task(201, SQUARE, 10, 110, 5, true)
                    .task(202, SQUARE, 10, 110, 5, true).jobDone(MAIN, 120, 1);
            Finding finding = checks(trace).poolDidTheWork(SQUARE, "map", 10, 4);
            assertAll(() -> assertProblem(finding, "the pool had 2 workers"), () -> assertFix(finding, "new Pool(4)"));
        }

        @Test
        @DisplayName("for applyAsync, the fix shows applyAsync with a callback, awaited after the loop")
        void applyAsyncFix() {
            Finding finding = checks(new TraceBuilder().programExit(MAIN, 10, 0, 0, 0))
                    .poolDidTheWork(SLOW, "applyAsync", 10, 4);
            assertFix(finding, "pool.applyAsync(SlowSquare::slowSquare, x, yourCallback), and await the results after"
                    + " the loop");
        }
    }

    @Nested
    @DisplayName("handedOverAtOnce")
    class HandedOverAtOnce {

        @Test
        @DisplayName("passes when every applyAsync came before the results were awaited")
        void passes() {
            assertEquals(OK, checks(applyAsyncAtOnce(10)).handedOverAtOnce(SLOW, "applyAsync"));
        }

        @Test
        @DisplayName("passes with a single job: one map call hands everything over")
        void singleJob() {
            assertEquals(OK, checks(mapDoneRight()).handedOverAtOnce(SQUARE, "map"));
        }

        @Test
        @DisplayName("passes when a job was submitted while the previous one was never done")
        void previousNeverDone() {
            TraceBuilder trace = pool().submit(MAIN, 10, 1, SLOW, "applyAsync").submit(MAIN, 2_000, 2, SLOW, "applyAsync")
                    .jobDone(MAIN, 3_000, 2);
            assertEquals(OK, checks(trace).handedOverAtOnce(SLOW, "applyAsync"));
        }

        @Test
        @DisplayName("get() right after each applyAsync: says so")
        void applyAsyncWaited() {
            Finding finding = checks(oneByOne("applyAsync", CALLBACK, 3)).handedOverAtOnce(SLOW, "applyAsync");
            assertProblem(finding, "main waited for each applyAsync's result (get() or await() right after it)");
        }

        @Test
        @DisplayName("get() right after each applyAsync: the fix is to await them after the loop, and never map")
        void applyAsyncFix() {
            Finding finding = checks(oneByOne("applyAsync", CALLBACK, 3)).handedOverAtOnce(SLOW, "applyAsync");
            assertAll(() -> assertFix(finding, "keep every AsyncResult in a list, and await them after the loop"),
                    () -> assertFalse(finding.sentence().contains("map"), "mentions map: " + finding));
        }

        @Test
        @DisplayName("apply in a loop: apply waits for its result, n times")
        void apply() {
            Finding finding = checks(oneByOne("apply", null, 3)).handedOverAtOnce(SLOW, "map");
            assertProblem(finding, "pool.apply waits for its result: main handed over one item at a time and waited"
                    + " for each, 3 times");
        }

        @Test
        @DisplayName("map called once per item: says how often, and the fix hands all items to one map")
        void mapPerItem() {
            Finding finding = checks(oneByOne("map", null, 4)).handedOverAtOnce(SLOW, "map");
            assertAll(() -> assertProblem(finding, "main called map 4 times and waited for each call to finish"),
                    () -> assertFix(finding, "hand all the items to the pool at once: pool.map(SlowSquare::slowSquare"));
        }

        @Test
        @DisplayName("jobs of another function or of another process do not count")
        void otherJobs() {
            TraceBuilder trace = pool().submit(MAIN, 10, 1, SQUARE, "apply").jobDone(MAIN, 20, 1)
                    .submit(OTHER, 30, 1, 1, SQUARE, "apply", 1, null).jobDone(OTHER, 40, 1, 1, true)
                    .submit(OTHER, 50, 1, 2, SQUARE, "apply", 1, null).jobDone(OTHER, 60, 1, 2, true)
                    .submit(MAIN, 70, 2, SLOW, "apply").jobDone(MAIN, 80, 2);
            assertEquals(OK, checks(trace).handedOverAtOnce(SQUARE, "applyAsync"));
        }
    }

    @Nested
    @DisplayName("overlapped")
    class Overlapped {

        @Test
        @DisplayName("passes when four tasks ran at once")
        void passes() {
            assertEquals(OK, checks(applyAsyncAtOnce(10)).overlapped(SLOW, "applyAsync", 4));
        }

        @Test
        @DisplayName("one by one: the finding of handedOverAtOnce, which names the cause")
        void serialCause() {
            TraceBuilder trace = oneByOne("applyAsync", CALLBACK, 3);
            assertEquals(checks(trace).handedOverAtOnce(SLOW, "applyAsync"),
                    checks(trace).overlapped(SLOW, "applyAsync", 4));
        }

        @Test
        @DisplayName("handed over at once but never overlapping: how many ran at once")
        void noOverlap() {
            TraceBuilder trace = new TraceBuilder().poolStart(MAIN, 0, 201).submit(MAIN, 1, 1, 1, SLOW, "map", 3, null)
                    .task(201, SLOW, 10, 20).task(201, SLOW, 20, 30).task(201, SLOW, 30, 40).jobDone(MAIN, 45, 1);
            Finding finding = checks(trace).overlapped(SLOW, "map", 4);
            assertAll(() -> assertProblem(finding, "at most 1 task of SlowSquare::slowSquare ran at the same time"),
                    () -> assertFix(finding, "hand all the items to one map call on a pool of 4"));
        }

        @Test
        @DisplayName("with applyAsync, the fix is to submit every task first")
        void applyAsyncFix() {
            TraceBuilder trace = new TraceBuilder().poolStart(MAIN, 0, 201).submit(MAIN, 1, 1, SLOW, "applyAsync")
                    .submit(MAIN, 2, 2, SLOW, "applyAsync").task(201, SLOW, 10, 20).task(201, SLOW, 20, 30)
                    .jobDone(MAIN, 21, 1).jobDone(MAIN, 31, 2);
            assertFix(checks(trace).overlapped(SLOW, "applyAsync", 2), "submit every task with applyAsync first");
        }
    }

    @Nested
    @DisplayName("callbacksInMain")
    class CallbacksInMain {

        @Test
        @DisplayName("passes when the pool called the callback in main once per task")
        void passes() {
            assertEquals(OK, checks(applyAsyncAtOnce(10)).callbacksInMain(SLOW, CALLBACK, 10));
        }

        @Test
        @DisplayName("jobs handed over without the callback: calling it yourself does not count")
        void withoutCallback() {
            TraceBuilder trace = pool().submit(MAIN, 1, 1, SLOW, "applyAsync").task(201, SLOW, 5, 50)
                    .jobDone(MAIN, 51, 1).programExit(MAIN, 60, 0, 0, 0);
            Finding finding = checks(trace).callbacksInMain(SLOW, CALLBACK, 1);
            assertAll(() -> assertProblem(finding, "the pool never called SlowSquare::callback: main handed"
                            + " SlowSquare::slowSquare to the pool through applyAsync, without the callback (calling the"
                            + " callback yourself does not count)"),
                    () -> assertFix(finding, "pass SlowSquare::callback as applyAsync's third argument"));
        }

        @Test
        @DisplayName("a callback run outside main does not count")
        void outsideMain() {
            TraceBuilder trace = pool().submit(MAIN, 1, 1, 1, SLOW, "applyAsync", 1, CALLBACK).task(201, SLOW, 5, 50)
                    .callback(201, 50, SLOW, CALLBACK).jobDone(MAIN, 51, 1).programExit(MAIN, 60, 0, 0, 0);
            assertProblem(checks(trace).callbacksInMain(SLOW, CALLBACK, 1), "the pool called SlowSquare::callback"
                    + " 0 times, not 1");
        }

        @Test
        @DisplayName("too few because main returned early: not waited")
        void notWaited() {
            TraceBuilder trace = pool();
            for (int i = 0; i < 4; i++) {
                trace.submit(MAIN, 1 + i, 1, i + 1, SLOW, "applyAsync", 1, CALLBACK);
            }
            trace.task(201, SLOW, 10, 100).callback(MAIN, 101, SLOW, CALLBACK).jobDone(MAIN, 102, 1)
                    .programExit(MAIN, 103, 1, 3, 0);
            assertProblem(checks(trace).callbacksInMain(SLOW, CALLBACK, 4), "main returned while 3 tasks");
        }

        @Test
        @DisplayName("too many: each item was submitted more than once")
        void tooMany() {
            Finding finding = checks(applyAsyncAtOnce(12)).callbacksInMain(SLOW, CALLBACK, 10);
            assertAll(() -> assertProblem(finding, "the pool called SlowSquare::callback 12 times, not 10"),
                    () -> assertFix(finding, "submit each item once"));
        }

        @Test
        @DisplayName("too few, with the callback passed: how many, and how to pass it")
        void tooFew() {
            Finding finding = checks(applyAsyncAtOnce(3)).callbacksInMain(SLOW, CALLBACK, 10);
            assertAll(() -> assertProblem(finding, "the pool called SlowSquare::callback 3 times, not 10"),
                    () -> assertFix(finding, "applyAsync(SlowSquare::slowSquare, x, SlowSquare::callback)"));
        }
    }

    @Nested
    @DisplayName("waitedForResults")
    class WaitedForResults {

        @Test
        @DisplayName("passes when every job was done before the program's exit")
        void passes() {
            assertEquals(OK, checks(applyAsyncAtOnce(10)).waitedForResults(SLOW));
        }

        @Test
        @DisplayName("passes without a program_exit when every job was done")
        void noExitEvent() {
            assertEquals(OK, checks(pool().submit(MAIN, 1, 1, SLOW, "applyAsync").jobDone(MAIN, 50, 1))
                    .waitedForResults(SLOW));
        }

        @Test
        @DisplayName("a job never done: main returned while it was waiting or running")
        void neverDone() {
            TraceBuilder trace = pool().submit(MAIN, 1, 1, SLOW, "applyAsync").submit(MAIN, 2, 2, SLOW, "applyAsync")
                    .jobDone(MAIN, 50, 1).programExit(MAIN, 60, 1, 1, 0);
            Finding finding = checks(trace).waitedForResults(SLOW);
            assertAll(() -> assertProblem(finding, "main returned while 1 task of SlowSquare::slowSquare"),
                    () -> assertProblem(finding, "still waiting or running, so the runtime stopped the workers"),
                    () -> assertFix(finding, "await() each AsyncResult after submitting them all, or close the pool"));
        }

        @Test
        @DisplayName("a job done only after the program began to exit was not waited for")
        void doneAfterExit() {
            TraceBuilder trace = pool().submit(MAIN, 1, 1, SLOW, "applyAsync").programExit(MAIN, 20, 1, 1, 0)
                    .jobDone(MAIN, 50, 1);
            assertProblem(checks(trace).waitedForResults(SLOW), "main returned while 1 task");
        }

        @Test
        @DisplayName("program_exit with unfinished jobs fails, though the trace holds no submit of the function")
        void unfinishedAtExit() {
            TraceBuilder trace = pool().task(201, SLOW, 10, 20).programExit(MAIN, 30, 1, 2, 0);
            assertProblem(checks(trace).waitedForResults(SLOW), "main returned while tasks of SlowSquare::slowSquare"
                    + " were still waiting or running");
        }
    }

    @Nested
    @DisplayName("poolClosed")
    class PoolClosed {

        @Test
        @DisplayName("passes when main closed its pool")
        void passes() {
            assertEquals(OK, checks(mapDoneRight()).poolClosed());
        }

        @Test
        @DisplayName("a pool never closed: says so, and shows try-with-resources")
        void neverClosed() {
            Finding finding = checks(pool()).poolClosed();
            assertAll(() -> assertEquals("the pool was never closed", finding.problem()),
                    () -> assertFix(finding, "try (Pool pool = new Pool(4))"));
        }

        @Test
        @DisplayName("two pools never closed: counts them")
        void twoNeverClosed() {
            TraceBuilder trace = new TraceBuilder().poolStartAs(MAIN, 0, 1, 201).poolStartAs(MAIN, 10, 2, 301);
            assertEquals("2 pools were never closed", checks(trace).poolClosed().problem());
        }

        @Test
        @DisplayName("a pool that a child never closed is not main's")
        void childsPool() {
            TraceBuilder trace = mapDoneRight().processStart(MAIN, 150, 401, "Process-1", "lab.Lab.child")
                    .poolStartAs(401, 200, 1, 501);
            assertEquals(OK, checks(trace).poolClosed());
        }
    }

    @Nested
    @DisplayName("ranInOwnProcess")
    class RanInOwnProcess {

        @Test
        @DisplayName("passes with one Process that ran the target")
        void passes() {
            assertEquals(OK, checks(producerAndConsumer()).ranInOwnProcess(PRODUCER));
        }

        @Test
        @DisplayName("no Process: calling the method directly runs it in main")
        void none() {
            Finding finding = checks(producerAndConsumer()).ranInOwnProcess("lab.MultiprocessingQueue.other");
            assertAll(() -> assertProblem(finding, "no Process ran other: calling MultiprocessingQueue.other(...)"
                            + " directly runs it in main"),
                    () -> assertFix(finding, "new Process(MultiprocessingQueue::other, queue), then start() it"));
        }

        @Test
        @DisplayName("two Processes of the same target: start exactly one")
        void two() {
            TraceBuilder trace = producerAndConsumer().processStart(MAIN, 2, 403, "Process-3", PRODUCER);
            Finding finding = checks(trace).ranInOwnProcess(PRODUCER);
            assertAll(() -> assertProblem(finding, "2 Processes ran producer"), () -> assertFix(finding, "start exactly one"));
        }

        @Test
        @DisplayName("a Process that another Process started is not main's")
        void grandchild() {
            TraceBuilder trace = new TraceBuilder().processStart(MAIN, 0, 401, "Process-1", "lab.Lab.child")
                    .processStart(401, 10, 501, "Process-1", PRODUCER);
            assertProblem(checks(trace).ranInOwnProcess(PRODUCER), "no Process ran producer");
        }
    }

    @Nested
    @DisplayName("endedByItself")
    class EndedByItself {

        private static final String NAME = "Process-1";

        private TraceBuilder started() {
            return new TraceBuilder().processStart(MAIN, 0, PRODUCER_PID, NAME, PRODUCER);
        }

        @Test
        @DisplayName("passes when it returned and main joined it")
        void passes() {
            TraceBuilder trace = started().processExit(MAIN, 50, PRODUCER_PID, NAME, PRODUCER, 0)
                    .processJoin(MAIN, 51, PRODUCER_PID, NAME, PRODUCER);
            assertEquals(OK, checks(trace).endedByItself(PRODUCER));
        }

        @Test
        @DisplayName("stopped at exit: it was still running when main returned")
        void stoppedAtExit() {
            TraceBuilder trace = started().programExit(MAIN, 40, 0, 0, 1)
                    .processExit(MAIN, 50, PRODUCER_PID, NAME, PRODUCER, 143, "exit");
            Finding finding = checks(trace).endedByItself(PRODUCER);
            assertAll(() -> assertProblem(finding, "the producer process was still running when main returned, so the"
                            + " runtime stopped it"),
                    () -> assertProblem(finding, "main never joined it"),
                    () -> assertFix(finding, "call its join() before main returns"));
        }

        @Test
        @DisplayName("stopped at exit: says who stopped it and why, never a bare exit code")
        void exitCodeExplained() {
            TraceBuilder trace = started().processExit(MAIN, 50, PRODUCER_PID, NAME, PRODUCER, 143, "exit");
            String problem = checks(trace).endedByItself(PRODUCER).problem();
            assertAll(() -> assertFalse(problem.contains("exit code"), problem),
                    () -> assertTrue(problem.contains("still running when main returned, so the runtime stopped it"),
                            problem));
        }

        @Test
        @DisplayName("terminate(): main stopped it before it finished")
        void terminated() {
            TraceBuilder trace = started().processExit(MAIN, 50, PRODUCER_PID, NAME, PRODUCER, 143, "terminate")
                    .processJoin(MAIN, 51, PRODUCER_PID, NAME, PRODUCER);
            Finding finding = checks(trace).endedByItself(PRODUCER);
            assertAll(() -> assertProblem(finding, "main stopped the producer process with terminate() before it"
                            + " finished"),
                    () -> assertFix(finding, "let it end by itself: call its join() instead"));
        }

        @Test
        @DisplayName("kill(): main stopped it with kill()")
        void killed() {
            TraceBuilder trace = started().processExit(MAIN, 50, PRODUCER_PID, NAME, PRODUCER, 137, "kill");
            assertProblem(checks(trace).endedByItself(PRODUCER), "with kill() before it finished");
        }

        @Test
        @DisplayName("exit code 1: its target threw an exception")
        void threw() {
            TraceBuilder trace = started().processExit(MAIN, 50, PRODUCER_PID, NAME, PRODUCER, 1)
                    .processJoin(MAIN, 51, PRODUCER_PID, NAME, PRODUCER);
            Finding finding = checks(trace).endedByItself(PRODUCER);
            assertAll(() -> assertProblem(finding, "ended with exit code 1: its target threw an exception"),
                    () -> assertFix(finding, "fix MultiprocessingQueue::producer so that it returns normally"));
        }

        @Test
        @DisplayName("another exit code is told without guessing a cause")
        void otherCode() {
            TraceBuilder trace = started().processExit(MAIN, 50, PRODUCER_PID, NAME, PRODUCER, 3)
                    .processJoin(MAIN, 51, PRODUCER_PID, NAME, PRODUCER);
            assertEquals("the producer process ended with exit code 3", checks(trace).endedByItself(PRODUCER).problem());
        }

        @Test
        @DisplayName("ended, but never joined")
        void notJoined() {
            TraceBuilder trace = started().processExit(MAIN, 50, PRODUCER_PID, NAME, PRODUCER, 0);
            assertProblem(checks(trace).endedByItself(PRODUCER), "ended, but main never joined it");
        }

        @Test
        @DisplayName("no exit in the trace: still running when the run ended")
        void neverExited() {
            assertProblem(checks(started().queue(MAIN, 90, 1, 0)).endedByItself(PRODUCER),
                    "was still running when the run ended");
        }

        @Test
        @DisplayName("no such Process: the finding of ranInOwnProcess")
        void missing() {
            assertProblem(checks(started()).endedByItself(CONSUMER), "no Process ran consumer");
        }
    }

    @Nested
    @DisplayName("sentinelAfterProducer")
    class SentinelAfterProducer {

        @Test
        @DisplayName("passes: producer joined, then the null put by main, then the consumer joined")
        void passes() {
            TraceBuilder trace = consumerEnds(producerEnds(producerAndConsumer(), 50, 51).queueNull(MAIN, 60, "put")
                    .queueNull(CONSUMER_PID, 70, "get"), 80, 81);
            assertEquals(OK, checks(trace).sentinelAfterProducer(PRODUCER, CONSUMER));
        }

        @Test
        @DisplayName("the producer put the null itself")
        void producerPutsNull() {
            TraceBuilder trace = consumerEnds(producerEnds(producerAndConsumer().queueNull(PRODUCER_PID, 40, "put"),
                    50, 51), 80, 81);
            Finding finding = checks(trace).sentinelAfterProducer(PRODUCER, CONSUMER);
            assertAll(() -> assertProblem(finding, "the producer put the null sentinel itself"),
                    () -> assertFix(finding, "remove put(null) from the producer"));
        }

        @Test
        @DisplayName("main never put the null")
        void neverPut() {
            TraceBuilder trace = consumerEnds(producerEnds(producerAndConsumer(), 50, 51), 80, 81);
            Finding finding = checks(trace).sentinelAfterProducer(PRODUCER, CONSUMER);
            assertAll(() -> assertProblem(finding, "main never put the null sentinel"),
                    () -> assertFix(finding, "join the producer, then put the sentinel (queue.put(null)), then join"
                            + " the consumer"));
        }

        @Test
        @DisplayName("the null before the producer was joined")
        void beforeProducerJoin() {
            TraceBuilder trace = consumerEnds(producerEnds(producerAndConsumer().queueNull(MAIN, 10, "put"), 50, 51),
                    80, 81);
            assertProblem(checks(trace).sentinelAfterProducer(PRODUCER, CONSUMER),
                    "main put the null sentinel before it had joined the producer");
        }

        @Test
        @DisplayName("the producer never joined at all counts as a null put too early")
        void producerNeverJoined() {
            TraceBuilder trace = consumerEnds(producerAndConsumer()
                    .processExit(MAIN, 50, PRODUCER_PID, "Process-1", PRODUCER, 0).queueNull(MAIN, 60, "put"), 80, 81);
            assertProblem(checks(trace).sentinelAfterProducer(PRODUCER, CONSUMER), "before it had joined the producer");
        }

        @Test
        @DisplayName("a job never done in a run that was stopped: not blamed on main returning")
        void neverDoneInAStoppedRun() {
            TraceBuilder trace = pool().submit(MAIN, 1, 1, SLOW, "applyAsync").submit(MAIN, 2, 2, SLOW, "applyAsync")
                    .jobDone(MAIN, 50, 1);
            Finding finding = checks(trace).waitedForResults(SLOW);
            assertAll(() -> assertProblem(finding, "1 task of SlowSquare::slowSquare was still waiting or running when"
                            + " the run was stopped"),
                    () -> assertFalse(finding.problem().contains("main returned"), finding.problem()));
        }

        @Test
        @DisplayName("the consumer not joined after the null")
        void consumerNotJoined() {
            TraceBuilder trace = producerEnds(producerAndConsumer(), 50, 51).queueNull(MAIN, 60, "put")
                    .programExit(MAIN, 70, 0, 0, 1);
            assertProblem(checks(trace).sentinelAfterProducer(PRODUCER, CONSUMER),
                    "main did not join the consumer after putting the sentinel");
        }

        @Test
        @DisplayName("a run stopped while main waited for a consumer that never ended")
        void consumerNeverEnded() {
            TraceBuilder trace = producerEnds(producerAndConsumer(), 50, 51).queueNull(MAIN, 60, "put");
            Finding finding = checks(trace).sentinelAfterProducer(PRODUCER, CONSUMER);
            assertAll(() -> assertProblem(finding, "the consumer never ended: main was still waiting for it"),
                    () -> assertFix(finding, "if (item == null) return;"));
        }

        @Test
        @DisplayName("the consumer joined before the null")
        void consumerJoinedBefore() {
            TraceBuilder trace = consumerEnds(producerEnds(producerAndConsumer(), 50, 51), 52, 53)
                    .queueNull(MAIN, 60, "put");
            assertProblem(checks(trace).sentinelAfterProducer(PRODUCER, CONSUMER),
                    "main did not join the consumer after putting the sentinel");
        }

        @Test
        @DisplayName("no consumer Process: the finding of ranInOwnProcess")
        void noConsumer() {
            TraceBuilder trace = producerEnds(new TraceBuilder().processStart(MAIN, 0, PRODUCER_PID, "Process-1",
                    PRODUCER), 50, 51).queueNull(MAIN, 60, "put");
            assertProblem(checks(trace).sentinelAfterProducer(PRODUCER, CONSUMER), "no Process ran consumer");
        }

        @Test
        @DisplayName("no producer Process: the finding of ranInOwnProcess")
        void noProducer() {
            TraceBuilder trace = new TraceBuilder().processStart(MAIN, 0, CONSUMER_PID, "Process-1", CONSUMER);
            assertProblem(checks(trace).sentinelAfterProducer(PRODUCER, CONSUMER), "no Process ran producer");
        }
    }

    @Nested
    @DisplayName("reference")
    class Reference {

        @Test
        @DisplayName("lab.Square.square is Square::square")
        void qualified() {
            assertEquals("Square::square", RunChecks.reference("lab.Square.square"));
        }

        @Test
        @DisplayName("a class without a package: Square.square is Square::square")
        void noPackage() {
            assertEquals("Square::square", RunChecks.reference("Square.square"));
        }

        @Test
        @DisplayName("a name without a dot stays as it is")
        void bare() {
            assertEquals("square", RunChecks.reference("square"));
        }
    }
}
