package multiprocessing;

import static multiprocessing.Range.range;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import multiprocessing.internal.Config;
import multiprocessing.testing.CapturedOutput;
import multiprocessing.testing.Pids;
import multiprocessing.testing.Poll;
import multiprocessing.testing.SystemProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

/**
 * Covers a pool worker that dies in the middle of a task: through {@code System.exit}, {@code Runtime.halt},
 * an {@link OutOfMemoryError} or a {@code kill -9}. The task's result must fail with a
 * {@link WorkerDiedException} within two seconds of the death, and the pool must keep working: later
 * work gives correct results and the pool gets back its full number of workers.
 */
@DisplayName("A worker that dies mid-task")
@TestInstance(Lifecycle.PER_CLASS)
class WorkerDeathTest {
    /** The bound on how long a dead worker's task may stay pending. */
    private static final Duration DEATH_NOTICED_WITHIN = Duration.ofSeconds(2);
    /** How long a replacement worker may take to start on a loaded machine. */
    private static final Duration REPLACEMENT_WITHIN = Duration.ofSeconds(60);

    /** Shared by the tests that kill one of its workers; each test starts with both workers up. */
    private Pool pool;

    @BeforeAll
    void startPool() {
        pool = new Pool(2);
    }

    @AfterAll
    void closePool() {
        if (pool != null) {
            pool.close();
        }
    }

    @BeforeEach
    void waitForFullPool() {
        assertTrue(Poll.until(() -> pool.workerPids().size() == 2, REPLACEMENT_WITHIN),
                "the pool did not get back to 2 workers: " + pool.workerPids());
    }

    // ---- tasks ----

    static int exitWorker(int code) {
        System.exit(code);
        return code;
    }

    static int haltWorker(int code) {
        Runtime.getRuntime().halt(code);
        return code;
    }

    static int exhaustHeap(int megabytes) {
        long[] huge = new long[megabytes * (1024 * 1024 / Long.BYTES)];
        return huge.length;
    }

    static long announceThenSleep(Queue<Long> announcements) throws InterruptedException {
        announcements.put(ProcessHandle.current().pid());
        Thread.sleep(120_000);
        return ProcessHandle.current().pid();
    }

    static int square(int x) {
        return x * x;
    }

    /** Runs {@code result.get()}, expects a WorkerDiedException, and returns how long it took from {@code since}. */
    private static Duration timeUntilDeathReported(AsyncResult<?> result, long since) {
        assertThrows(WorkerDiedException.class, result::get);
        return Duration.ofNanos(System.nanoTime() - since);
    }

    private static void assertWithinBound(Duration elapsed) {
        assertTrue(elapsed.compareTo(DEATH_NOTICED_WITHIN) < 0,
                "the death was reported after " + elapsed.toMillis() + " ms, more than "
                        + DEATH_NOTICED_WITHIN.toMillis() + " ms");
    }

    @Nested
    @DisplayName("fails its task with WorkerDiedException within 2 s")
    class FailsItsTask {

        @Test
        @DisplayName("when the task calls System.exit")
        void systemExit() {
            long submitted = System.nanoTime();
            AsyncResult<Integer> result = pool.applyAsync(WorkerDeathTest::exitWorker, 3);
            assertWithinBound(timeUntilDeathReported(result, submitted));
        }

        @Test
        @DisplayName("when the task calls Runtime.halt")
        void halt() {
            long submitted = System.nanoTime();
            AsyncResult<Integer> result = pool.applyAsync(WorkerDeathTest::haltWorker, 4);
            assertWithinBound(timeUntilDeathReported(result, submitted));
        }

        @Test
        @DisplayName("when the worker is killed with kill -9")
        void killMinus9() {
            Queue<Long> announcements = new Queue<>();
            AsyncResult<Long> result = pool.applyAsync(WorkerDeathTest::announceThenSleep, announcements);
            long workerPid = announcements.get(60, TimeUnit.SECONDS);
            long killed = System.nanoTime();
            ProcessHandle.of(workerPid).orElseThrow().destroyForcibly();
            assertWithinBound(timeUntilDeathReported(result, killed));
        }

        @Test
        @DisplayName("when the task runs out of memory")
        void outOfMemory() {
            Pool smallHeap = SystemProperty.withAppended(Config.WORKER_JVM_ARGS, "-Xmx64m", () -> new Pool(1));
            try {
                long submitted = System.nanoTime();
                AsyncResult<Integer> result = smallHeap.applyAsync(WorkerDeathTest::exhaustHeap, 1024);
                assertWithinBound(timeUntilDeathReported(result, submitted));
            } finally {
                smallHeap.terminate();
            }
        }

        @Test
        @DisplayName("and the message names the worker's pid and exit code")
        void messageNamesPidAndExitCode() {
            List<Long> before = pool.workerPids();
            WorkerDiedException thrown = assertThrows(WorkerDiedException.class,
                    () -> pool.apply(WorkerDeathTest::exitWorker, 42));
            assertAll(
                    () -> assertTrue(thrown.getMessage().contains("exited with code 42"), thrown.getMessage()),
                    () -> assertTrue(before.stream().anyMatch(pid -> thrown.getMessage().contains("pid " + pid)),
                            thrown.getMessage()));
        }

        @Test
        @DisplayName("and a map with a dying item fails the same way")
        void mapFails() {
            assertThrows(WorkerDiedException.class, () -> pool.map(WorkerDeathTest::exitWorker, List.of(5)));
        }
    }

    @Nested
    @DisplayName("leaves a pool that keeps working")
    class PoolKeepsWorking {

        @Test
        @DisplayName("a later map gives correct results")
        void laterMapIsCorrect() {
            assertThrows(WorkerDiedException.class, () -> pool.apply(WorkerDeathTest::exitWorker, 1));
            assertEquals(IntStream.range(0, 20).map(x -> x * x).boxed().toList(),
                    pool.map(WorkerDeathTest::square, range(20)));
        }

        @Test
        @DisplayName("the pool gets back its full number of live workers, without the dead one")
        void fullCountAgain() {
            Queue<Long> announcements = new Queue<>();
            AsyncResult<Long> result = pool.applyAsync(WorkerDeathTest::announceThenSleep, announcements);
            long dead = announcements.get(60, TimeUnit.SECONDS);
            ProcessHandle.of(dead).orElseThrow().destroyForcibly();
            assertThrows(WorkerDiedException.class, result::get);
            boolean full = Poll.until(() -> {
                List<Long> pids = pool.workerPids();
                return pids.size() == 2 && Pids.alive(pids).size() == 2;
            }, REPLACEMENT_WITHIN);
            assertAll(
                    () -> assertTrue(full, "the pool has not 2 live workers again: " + pool.workerPids()),
                    () -> assertFalse(pool.workerPids().contains(dead), "the dead worker is still listed"));
        }

        @Test
        @DisplayName("when no replacement worker can start, queued work fails instead of waiting forever")
        void replacementCannotStart() {
            Pool single = new Pool(1);
            TaskFailedException queuedFailure;
            try {
                queuedFailure = CapturedOutput.quietly(() -> SystemProperty.withAppended(Config.WORKER_JVM_ARGS,
                        "-XX:+NoSuchOptionAnywhere", () -> {
                            AsyncResult<Integer> dying = single.applyAsync(WorkerDeathTest::exitWorker, 9);
                            AsyncResult<Integer> queued = single.applyAsync(WorkerDeathTest::square, 3);
                            assertThrows(WorkerDiedException.class, dying::get);
                            return assertThrows(TaskFailedException.class, () -> queued.get(60, TimeUnit.SECONDS));
                        }));
            } finally {
                single.terminate();
            }
            assertTrue(queuedFailure.getMessage().contains("no worker is left"), queuedFailure.getMessage());
        }

        @Test
        @DisplayName("work queued behind the dying task runs on the replacement worker")
        void queuedWorkRuns() {
            try (Pool single = new Pool(1)) {
                AsyncResult<Integer> dying = single.applyAsync(WorkerDeathTest::exitWorker, 7);
                AsyncResult<Integer> queued = single.applyAsync(WorkerDeathTest::square, 9);
                assertAll(
                        () -> assertThrows(WorkerDiedException.class, dying::get),
                        () -> assertEquals(81, queued.get(60, TimeUnit.SECONDS)));
            }
        }
    }
}
