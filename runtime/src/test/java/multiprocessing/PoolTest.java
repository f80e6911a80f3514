package multiprocessing;

import static multiprocessing.Range.range;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import multiprocessing.internal.ChildRegistry;
import multiprocessing.internal.Config;
import multiprocessing.testing.CapturedOutput;
import multiprocessing.testing.Pids;
import multiprocessing.testing.SystemProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Covers {@link Pool} and {@link AsyncResult} while workers stay healthy: work runs in real worker
 * processes, results come back in input order, callbacks run in this process one at a time and
 * before results become ready, task exceptions reach the caller intact, bad input is refused at
 * once, and close/terminate/join behave as in Python. Worker deaths are in {@link WorkerDeathTest}
 * and printed output in {@link OutputTest}.
 */
@DisplayName("Pool")
@TestInstance(Lifecycle.PER_CLASS)
class PoolTest {
    private static final long PARENT_PID = ProcessHandle.current().pid();

    /** One pool of four workers shared by every nested class that leaves its workers healthy. */
    private Pool pool;

    @BeforeAll
    void startPool() {
        pool = new Pool(4);
    }

    @AfterAll
    void closePool() {
        if (pool != null) {
            pool.close();
        }
    }

    // ---- tasks: static methods, so they travel to the workers as method references ----

    static long pid(int ignored) {
        return ProcessHandle.current().pid();
    }

    static int square(int x) {
        return x * x;
    }

    static long twice(long x) {
        return 2 * x;
    }

    /** Early items take longest, so in completion order the results would come back reversed. */
    static int slowSquareEarlyFirst(int x) throws InterruptedException {
        Thread.sleep(Math.max(0, 20 - x) * 2L);
        return x * x;
    }

    static String upper(String text) {
        return text.toUpperCase();
    }

    static int failOnSeven(int x) {
        if (x == 7) {
            throw new IllegalStateException("item seven is not welcome");
        }
        return x;
    }

    static int throwChecked(int x) throws IOException {
        throw new IOException("disk " + x + " is full");
    }

    static int throwUnserializable(int x) {
        throw new UnserializableException("holds a plain Object, item " + x);
    }

    static Object unserializableResult(int x) {
        return new Object();
    }

    static Undecodable undecodableResult(int x) {
        return new Undecodable();
    }

    /** Blocks until the test puts an item on {@code gate}: a task that stays pending as long as needed. */
    static Integer waitAtGate(Queue<Integer> gate) {
        return gate.get();
    }

    /** An exception that cannot be serialized, because it holds a plain Object. */
    static final class UnserializableException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        @SuppressWarnings({"unused", "serial"})
        private final Object payload = new Object();

        UnserializableException(String message) {
            super(message);
        }
    }

    /** Serializes fine in the worker but refuses to be rebuilt in the parent. */
    static final class Undecodable implements Serializable {
        private static final long serialVersionUID = 1L;

        private void readObject(ObjectInputStream in) throws IOException {
            throw new InvalidObjectException("Undecodable refuses to be decoded");
        }
    }

    @Nested
    @DisplayName("runs work in real processes")
    class RealProcesses {

        @Test
        @DisplayName("new Pool(4) has exactly 4 live worker processes")
        void fourLiveWorkers() {
            List<Long> pids = pool.workerPids();
            assertAll(
                    () -> assertEquals(4, pids.size(), "number of workers in " + pids),
                    () -> assertEquals(4, new HashSet<>(pids).size(), "workers must be distinct processes: " + pids),
                    () -> assertEquals(pids, Pids.alive(pids), "every worker must be a live process"));
        }

        @Test
        @DisplayName("no worker is the calling process")
        void workersAreOtherProcesses() {
            assertFalse(pool.workerPids().contains(PARENT_PID), "the parent's pid is among the workers");
        }

        @Test
        @DisplayName("every map task runs in a worker, never in the caller")
        void mapTasksRunInWorkers() {
            List<Long> pids = pool.map(PoolTest::pid, range(24), 1);
            Set<Long> workers = new HashSet<>(pool.workerPids());
            assertAll(pids.stream().map(pid -> () -> {
                assertNotEquals(PARENT_PID, pid, "a task ran in the calling JVM");
                assertTrue(workers.contains(pid), "task pid " + pid + " is not one of the workers " + workers);
            }));
        }

        @Test
        @DisplayName("apply runs its task in a worker")
        void applyRunsInWorker() {
            long pid = pool.apply(PoolTest::pid, 0);
            assertTrue(pool.workerPids().contains(pid), "apply ran in pid " + pid + ", not in a worker");
        }

        @RepeatedTest(value = 5, name = "fresh pool {currentRepetition} of {totalRepetitions}")
        @DisplayName("map over 10 items on a fresh Pool(4) uses more than one worker")
        void freshPoolSpreadsWork() {
            try (Pool fresh = new Pool(4)) {
                List<Long> pids = fresh.map(PoolTest::pid, range(10));
                Set<Long> distinct = new HashSet<>(pids);
                assertTrue(distinct.size() > 1, "all 10 items ran in one worker: " + pids);
            }
        }

        @Test
        @DisplayName("new Pool() has one worker per CPU core")
        void defaultSize() {
            int cores = Runtime.getRuntime().availableProcessors();
            assumeTrue(cores <= 8, "too many cores to start a JVM for each");
            try (Pool perCore = new Pool()) {
                assertEquals(cores, Pids.alive(perCore.workerPids()).size());
            }
        }

        @Test
        @DisplayName("size() is the number of workers asked for")
        void sizeIsAsAskedFor() {
            assertEquals(4, pool.size());
        }

        @Test
        @DisplayName("toString names the size and the worker pids")
        void toStringNamesWorkers() {
            String text = pool.toString();
            assertAll(
                    () -> assertTrue(text.contains("processes=4"), text),
                    () -> assertTrue(text.contains(String.valueOf(pool.workerPids().get(0))), text));
        }
    }

    @Nested
    @DisplayName("returns results in input order")
    class Order {

        @Test
        @DisplayName("map returns results in input order even when early items finish last")
        void mapKeepsInputOrder() {
            List<Integer> expected = IntStream.range(0, 40).map(x -> x * x).boxed().toList();
            assertEquals(expected, pool.map(PoolTest::slowSquareEarlyFirst, range(40)));
        }

        @ParameterizedTest(name = "chunksize {0}")
        @ValueSource(ints = {1, 3, 7})
        @DisplayName("map with an explicit chunksize keeps input order")
        void mapWithChunksizeKeepsOrder(int chunksize) {
            List<Integer> expected = IntStream.range(0, 40).map(x -> x * x).boxed().toList();
            assertEquals(expected, pool.map(PoolTest::slowSquareEarlyFirst, range(40), chunksize));
        }

        @Test
        @DisplayName("map with a chunksize larger than the input returns every result in order")
        void mapWithHugeChunksize() {
            assertEquals(IntStream.range(0, 40).map(x -> x * x).boxed().toList(),
                    pool.map(PoolTest::square, range(40), 100));
        }

        @Test
        @DisplayName("map over a plain list (not a Range) keeps input order")
        void mapOverPlainList() {
            List<String> words = List.of("delta", "alpha", "charlie", "bravo", "echo", "foxtrot", "golf");
            assertEquals(words.stream().map(String::toUpperCase).toList(), pool.map(PoolTest::upper, words, 2));
        }

        @Test
        @DisplayName("map over an Iterable that is not a List keeps its iteration order")
        void mapOverIterable() {
            Set<Integer> items = new LinkedHashSet<>(List.of(9, 3, 7, 1, 8, 2));
            assertEquals(List.of(81, 9, 49, 1, 64, 4), pool.map(PoolTest::square, items));
        }

        @Test
        @DisplayName("map over a descending Range keeps its order")
        void mapOverDescendingRange() {
            assertEquals(List.of(100, 49, 16, 1), pool.map(PoolTest::square, range(10, 0, -3)));
        }

        @Test
        @DisplayName("map over Long values returns the Long results in order")
        void mapOverLongs() {
            List<Long> items = List.of(5_000_000_000L, 1L, -3L);
            assertEquals(List.of(10_000_000_000L, 2L, -6L), pool.map(PoolTest::twice, items));
        }

        @Test
        @DisplayName("map over a large Range returns every result in order")
        void mapOverLargeRange() {
            List<Integer> results = pool.map(PoolTest::square, range(20_000));
            assertEquals(IntStream.range(0, 20_000).map(x -> x * x).boxed().toList(), results);
        }

        @Test
        @DisplayName("map over no items returns an empty list")
        void mapOverNothing() {
            assertEquals(List.of(), pool.map(PoolTest::square, List.<Integer>of()));
        }
    }

    @Nested
    @DisplayName("returns results")
    class Results {

        @Test
        @DisplayName("apply returns the task's result")
        void applyReturnsResult() {
            assertEquals(144, pool.apply(PoolTest::square, 12));
        }

        @Test
        @DisplayName("applyAsync(...).get() returns the task's result")
        void applyAsyncReturnsResult() {
            assertEquals(169, pool.applyAsync(PoolTest::square, 13).get());
        }

        @Test
        @DisplayName("mapAsync(...).get() returns the results in order")
        void mapAsyncReturnsResults() {
            assertEquals(List.of(0, 1, 4, 9, 16), pool.mapAsync(PoolTest::square, range(5)).get());
        }

        @Test
        @DisplayName("a null argument and a null result travel")
        void nullTravels() {
            assertEquals("null", pool.apply(String::valueOf, (Object) null));
        }

        @Test
        @DisplayName("a serializable lambda that captures a number is a valid task")
        void capturingLambda() {
            int offset = 1000;
            Task<Integer, Integer> addOffset = x -> x + offset;
            assertEquals(List.of(1000, 1001, 1002), pool.map(addOffset, range(3)));
        }
    }

    @Nested
    @DisplayName("runs callbacks in this process")
    class Callbacks {

        @Test
        @DisplayName("a callback runs in the parent process")
        void callbackRunsInParent() {
            AtomicLong callbackPid = new AtomicLong();
            pool.applyAsync(PoolTest::square, 3, result -> callbackPid.set(ProcessHandle.current().pid())).get();
            assertEquals(PARENT_PID, callbackPid.get(), "the callback ran in another process");
        }

        @Test
        @DisplayName("a callback receives the task's result")
        void callbackReceivesResult() {
            AtomicInteger received = new AtomicInteger();
            pool.applyAsync(PoolTest::square, 9, received::set).get();
            assertEquals(81, received.get());
        }

        @Test
        @DisplayName("callbacks run one at a time")
        void callbacksDoNotOverlap() {
            AtomicInteger inside = new AtomicInteger();
            AtomicInteger mostAtOnce = new AtomicInteger();
            Callback<Integer> slowCallback = result -> {
                mostAtOnce.accumulateAndGet(inside.incrementAndGet(), Math::max);
                Thread.sleep(15);
                inside.decrementAndGet();
            };
            List<AsyncResult<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(pool.applyAsync(PoolTest::square, i, slowCallback));
            }
            results.forEach(AsyncResult::await);
            assertEquals(1, mostAtOnce.get(), "callbacks overlapped");
        }

        @Test
        @DisplayName("await() returns only after the task's callback finished")
        void awaitWaitsForCallback() {
            AtomicBoolean callbackDone = new AtomicBoolean();
            AsyncResult<Integer> result = pool.applyAsync(PoolTest::square, 4, value -> {
                Thread.sleep(300);
                callbackDone.set(true);
            });
            result.await();
            assertTrue(callbackDone.get(), "await() returned before the callback finished");
        }

        @Test
        @DisplayName("get() returns only after the task's callback finished")
        void getWaitsForCallback() {
            AtomicBoolean callbackDone = new AtomicBoolean();
            AsyncResult<Integer> result = pool.applyAsync(PoolTest::square, 5, value -> {
                Thread.sleep(300);
                callbackDone.set(true);
            });
            result.get();
            assertTrue(callbackDone.get(), "get() returned before the callback finished");
        }

        @Test
        @DisplayName("ready() turns true only after the callback finished")
        void readyWaitsForCallback() throws InterruptedException {
            AtomicBoolean readyInsideCallback = new AtomicBoolean(true);
            AtomicReference<AsyncResult<Integer>> self = new AtomicReference<>();
            CountDownLatch published = new CountDownLatch(1);
            AsyncResult<Integer> result = pool.applyAsync(PoolTest::square, 6, value -> {
                published.await();
                readyInsideCallback.set(self.get().ready());
            });
            self.set(result);
            published.countDown();
            result.await();
            assertFalse(readyInsideCallback.get(), "the result was ready while its callback still ran");
        }

        @Test
        @DisplayName("a mapAsync callback receives the whole list in input order")
        void mapAsyncCallbackGetsList() {
            AtomicReference<List<Integer>> received = new AtomicReference<>();
            pool.mapAsync(PoolTest::slowSquareEarlyFirst, range(12), 1, received::set, null).get();
            assertEquals(IntStream.range(0, 12).map(x -> x * x).boxed().toList(), received.get());
        }

        @Test
        @DisplayName("a mapAsync callback runs once")
        void mapAsyncCallbackRunsOnce() {
            AtomicInteger calls = new AtomicInteger();
            pool.mapAsync(PoolTest::square, range(30), 2, list -> calls.incrementAndGet(), null).get();
            assertEquals(1, calls.get());
        }

        @Test
        @DisplayName("a mapAsync callback runs for an empty input too")
        void mapAsyncCallbackOnEmptyInput() {
            AtomicReference<List<Integer>> received = new AtomicReference<>();
            pool.mapAsync(PoolTest::square, List.<Integer>of(), 0, received::set, null).get();
            assertEquals(List.of(), received.get());
        }

        @Test
        @DisplayName("an error callback receives the failure that get() throws")
        void errorCallbackReceivesFailure() {
            AtomicReference<TaskFailedException> received = new AtomicReference<>();
            AsyncResult<Integer> result = pool.applyAsync(PoolTest::failOnSeven, 7, null, received::set);
            TaskFailedException thrown = assertThrows(TaskFailedException.class, result::get);
            assertSame(thrown, received.get(), "the error callback got another exception than get() threw");
        }

        @Test
        @DisplayName("an error callback runs in the parent process")
        void errorCallbackRunsInParent() {
            AtomicLong callbackPid = new AtomicLong();
            AsyncResult<Integer> result = pool.applyAsync(PoolTest::failOnSeven, 7, null,
                    failure -> callbackPid.set(ProcessHandle.current().pid()));
            result.await();
            assertEquals(PARENT_PID, callbackPid.get());
        }

        @Test
        @DisplayName("a mapAsync error callback receives the failure and the success callback does not run")
        void mapAsyncErrorCallback() {
            AtomicBoolean succeeded = new AtomicBoolean();
            AtomicReference<TaskFailedException> failed = new AtomicReference<>();
            AsyncResult<List<Integer>> result = pool.mapAsync(PoolTest::failOnSeven, range(10), 1,
                    list -> succeeded.set(true), failed::set);
            result.await();
            assertAll(
                    () -> assertFalse(succeeded.get(), "the success callback ran for a failed map"),
                    () -> assertInstanceOf(IllegalStateException.class, failed.get().getCause()));
        }

        @Test
        @DisplayName("an exception in a callback fails the result with TaskFailedException")
        void callbackExceptionFailsResult() {
            AsyncResult<Integer> result = pool.applyAsync(PoolTest::square, 2, value -> {
                throw new IllegalArgumentException("callback rejects " + value);
            });
            TaskFailedException thrown = CapturedOutput.quietly(
                    () -> assertThrows(TaskFailedException.class, result::get));
            assertAll(
                    () -> assertInstanceOf(IllegalArgumentException.class, thrown.getCause()),
                    () -> assertEquals("callback rejects 4", thrown.getCause().getMessage()));
        }

        @Test
        @DisplayName("an exception in a callback is also reported on stderr, for programs that only await()")
        void callbackExceptionOnStderr() {
            String err;
            try (CapturedOutput output = CapturedOutput.start()) {
                pool.applyAsync(PoolTest::square, 2, value -> {
                    throw new IllegalArgumentException("callback rejects " + value);
                }).await();
                err = output.stderr();
            }
            assertTrue(err.contains("callback rejects 4"), "stderr: " + err);
        }

        @Test
        @DisplayName("an exception in an error callback is kept as a suppressed exception")
        void errorCallbackExceptionIsSuppressed() {
            AsyncResult<Integer> result = pool.applyAsync(PoolTest::failOnSeven, 7, null, failure -> {
                throw new IllegalArgumentException("error callback broke");
            });
            TaskFailedException thrown = assertThrows(TaskFailedException.class, result::get);
            assertEquals(List.of("error callback broke"),
                    Arrays.stream(thrown.getSuppressed()).map(Throwable::getMessage).toList());
        }

        @Test
        @DisplayName("get() inside a callback on a pending result of the same pool fails instead of deadlocking")
        void getInsideCallbackIsRefused() {
            Queue<Integer> gate = new Queue<>();
            AsyncResult<Integer> pending = pool.applyAsync(PoolTest::waitAtGate, gate);
            try {
                AsyncResult<Integer> outer = pool.applyAsync(PoolTest::square, 3, value -> pending.get());
                TaskFailedException thrown = CapturedOutput.quietly(
                        () -> assertThrows(TaskFailedException.class, outer::get));
                assertInstanceOf(IllegalStateException.class, thrown.getCause(), "the guard's exception");
            } finally {
                gate.put(0);
            }
            assertEquals(0, pending.get());
        }

        @Test
        @DisplayName("close() inside a callback of the same pool fails instead of deadlocking")
        void closeInsideCallbackIsRefused() {
            AsyncResult<Integer> result = pool.applyAsync(PoolTest::square, 3, value -> pool.close());
            TaskFailedException thrown = CapturedOutput.quietly(
                    () -> assertThrows(TaskFailedException.class, result::get));
            assertInstanceOf(IllegalStateException.class, thrown.getCause());
        }

        @Test
        @DisplayName("the callbacks of many results each run exactly once")
        void everyCallbackRunsOnce() {
            Set<Integer> seen = ConcurrentHashMap.newKeySet();
            AtomicInteger calls = new AtomicInteger();
            List<AsyncResult<Integer>> results = IntStream.range(0, 20)
                    .mapToObj(i -> pool.applyAsync(PoolTest::square, i, value -> {
                        calls.incrementAndGet();
                        seen.add(value);
                    }))
                    .toList();
            results.forEach(AsyncResult::get);
            assertAll(
                    () -> assertEquals(20, calls.get(), "callback calls"),
                    () -> assertEquals(IntStream.range(0, 20).map(x -> x * x).boxed().collect(Collectors.toSet()),
                            seen));
        }
    }

    @Nested
    @DisplayName("reports task exceptions")
    class TaskFailures {

        @Test
        @DisplayName("an exception in a task reaches get() as TaskFailedException")
        void taskExceptionIsTaskFailedException() {
            AsyncResult<Integer> result = pool.applyAsync(PoolTest::failOnSeven, 7);
            assertThrows(TaskFailedException.class, result::get);
        }

        @Test
        @DisplayName("the cause has the task exception's type and message")
        void causeKeepsTypeAndMessage() {
            TaskFailedException thrown = assertThrows(TaskFailedException.class,
                    () -> pool.apply(PoolTest::failOnSeven, 7));
            assertAll(
                    () -> assertInstanceOf(IllegalStateException.class, thrown.getCause()),
                    () -> assertEquals("item seven is not welcome", thrown.getCause().getMessage()));
        }

        @Test
        @DisplayName("the cause's stack frames name the task method")
        void causeKeepsStackFrames() {
            TaskFailedException thrown = assertThrows(TaskFailedException.class,
                    () -> pool.apply(PoolTest::failOnSeven, 7));
            assertTrue(Arrays.stream(thrown.getCause().getStackTrace()).anyMatch(frame ->
                            frame.getClassName().equals(PoolTest.class.getName())
                                    && frame.getMethodName().equals("failOnSeven")),
                    "no frame names PoolTest.failOnSeven: " + Arrays.toString(thrown.getCause().getStackTrace()));
        }

        @Test
        @DisplayName("the message names the task and the worker")
        void messageNamesTaskAndWorker() {
            TaskFailedException thrown = assertThrows(TaskFailedException.class,
                    () -> pool.apply(PoolTest::failOnSeven, 7));
            assertTrue(thrown.getMessage().contains("failOnSeven") && thrown.getMessage().contains("worker pid"),
                    thrown.getMessage());
        }

        @Test
        @DisplayName("a checked exception arrives as the cause with its own type")
        void checkedExceptionArrives() {
            TaskFailedException thrown = assertThrows(TaskFailedException.class,
                    () -> pool.apply(PoolTest::throwChecked, 3));
            assertAll(
                    () -> assertInstanceOf(IOException.class, thrown.getCause()),
                    () -> assertEquals("disk 3 is full", thrown.getCause().getMessage()));
        }

        @Test
        @DisplayName("one failing item makes map throw TaskFailedException with that item's exception")
        void mapFailsOnOneItem() {
            TaskFailedException thrown = assertThrows(TaskFailedException.class,
                    () -> pool.map(PoolTest::failOnSeven, range(20)));
            assertEquals("item seven is not welcome", thrown.getCause().getMessage());
        }

        @Test
        @DisplayName("an exception that cannot be serialized arrives as a RemoteTraceback with the same facts")
        void unserializableExceptionBecomesRemoteTraceback() {
            TaskFailedException thrown = assertThrows(TaskFailedException.class,
                    () -> pool.apply(PoolTest::throwUnserializable, 5));
            RemoteTraceback remote = assertInstanceOf(RemoteTraceback.class, thrown.getCause());
            assertAll(
                    () -> assertEquals(UnserializableException.class.getName(), remote.remoteType()),
                    () -> assertTrue(remote.getMessage().contains("holds a plain Object, item 5"), remote.getMessage()),
                    () -> assertTrue(Arrays.stream(remote.getStackTrace())
                            .anyMatch(frame -> frame.getMethodName().equals("throwUnserializable")),
                            "the stack frames of the original exception are kept"));
        }

        @Test
        @DisplayName("a result that cannot be serialized fails the task with a message about Serializable")
        void unserializableResultFails() {
            TaskFailedException thrown = assertThrows(TaskFailedException.class,
                    () -> pool.apply(PoolTest::unserializableResult, 1));
            assertAll(
                    () -> assertInstanceOf(IllegalArgumentException.class, thrown.getCause()),
                    () -> assertTrue(thrown.getCause().getMessage().contains("Serializable"),
                            thrown.getCause().getMessage()));
        }

        @Test
        @DisplayName("a result that cannot be decoded here fails the task")
        void undecodableResultFails() {
            TaskFailedException thrown = assertThrows(TaskFailedException.class,
                    () -> pool.apply(PoolTest::undecodableResult, 1));
            assertInstanceOf(MultiprocessingException.class, thrown.getCause());
        }

        @Test
        @DisplayName("the pool keeps working after a task exception")
        void poolKeepsWorking() {
            assertThrows(TaskFailedException.class, () -> pool.map(PoolTest::failOnSeven, range(10)));
            assertEquals(List.of(0, 1, 4), pool.map(PoolTest::square, range(3)));
        }
    }

    @Nested
    @DisplayName("AsyncResult")
    class AsyncResults {

        @Test
        @DisplayName("successful() before the result is ready throws IllegalStateException")
        void successfulBeforeReady() {
            Queue<Integer> gate = new Queue<>();
            AsyncResult<Integer> pending = pool.applyAsync(PoolTest::waitAtGate, gate);
            try {
                assertThrows(IllegalStateException.class, pending::successful);
            } finally {
                gate.put(1);
                pending.await();
            }
        }

        @Test
        @DisplayName("get(timeout) on a task that is not done throws WaitTimeoutException")
        void getWithTimeout() {
            Queue<Integer> gate = new Queue<>();
            AsyncResult<Integer> pending = pool.applyAsync(PoolTest::waitAtGate, gate);
            try {
                WaitTimeoutException thrown = assertThrows(WaitTimeoutException.class,
                        () -> pending.get(50, TimeUnit.MILLISECONDS));
                assertTrue(thrown.getMessage().contains("waitAtGate"), thrown.getMessage());
            } finally {
                gate.put(1);
                pending.await();
            }
        }

        @Test
        @DisplayName("await(timeout) is false while pending and true once done")
        void awaitWithTimeout() {
            Queue<Integer> gate = new Queue<>();
            AsyncResult<Integer> pending = pool.applyAsync(PoolTest::waitAtGate, gate);
            boolean early;
            try {
                early = pending.await(20, TimeUnit.MILLISECONDS);
            } finally {
                gate.put(2);
            }
            boolean late = pending.await(60, TimeUnit.SECONDS);
            assertAll(() -> assertFalse(early, "ready before the gate opened"),
                    () -> assertTrue(late, "not ready after the gate opened"));
        }

        @Test
        @DisplayName("ready() and isDone() are false while pending and true once done")
        void readyAndIsDone() {
            Queue<Integer> gate = new Queue<>();
            AsyncResult<Integer> pending = pool.applyAsync(PoolTest::waitAtGate, gate);
            boolean readyEarly = pending.ready();
            boolean doneEarly = pending.isDone();
            gate.put(3);
            pending.await();
            assertAll(() -> assertFalse(readyEarly), () -> assertFalse(doneEarly),
                    () -> assertTrue(pending.ready()), () -> assertTrue(pending.isDone()));
        }

        @Test
        @DisplayName("get(timeout) returns the result when it is in time")
        void getWithTimeoutInTime() {
            assertEquals(49, pool.applyAsync(PoolTest::square, 7).get(60, TimeUnit.SECONDS));
        }

        @Test
        @DisplayName("successful() is true after success and false after failure")
        void successful() {
            AsyncResult<Integer> good = pool.applyAsync(PoolTest::square, 2);
            AsyncResult<Integer> bad = pool.applyAsync(PoolTest::failOnSeven, 7);
            good.await();
            bad.await();
            assertAll(() -> assertTrue(good.successful()), () -> assertFalse(bad.successful()));
        }

        @Test
        @DisplayName("cannot be cancelled one by one, as in Python")
        void notCancellable() {
            AsyncResult<Integer> result = pool.applyAsync(PoolTest::square, 2);
            assertAll(() -> assertFalse(result.cancel(true)), () -> assertFalse(result.isCancelled()));
            result.get();
        }

        @Test
        @DisplayName("toString says what it is the result of and whether it is ready")
        void describesItself() {
            Queue<Integer> gate = new Queue<>();
            AsyncResult<Integer> pending = pool.applyAsync(PoolTest::waitAtGate, gate);
            String before = pending.toString();
            gate.put(4);
            pending.await();
            assertAll(
                    () -> assertTrue(before.contains("waitAtGate") && before.contains("pending"), before),
                    () -> assertTrue(pending.toString().contains("ready"), pending.toString()));
        }

        @Test
        @DisplayName("is a java.util.concurrent.Future")
        void isAFuture() throws Exception {
            Future<Integer> future = pool.applyAsync(PoolTest::square, 11);
            assertEquals(121, future.get(60, TimeUnit.SECONDS));
        }
    }

    @Nested
    @DisplayName("refuses bad input at once")
    class BadInput {

        @ParameterizedTest(name = "Pool({0})")
        @ValueSource(ints = {0, -1})
        @DisplayName("a pool of fewer than one process is an IllegalArgumentException")
        void sizeBelowOne(int size) {
            IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> new Pool(size));
            assertTrue(thrown.getMessage().contains(String.valueOf(size)), thrown.getMessage());
        }

        @Test
        @DisplayName("a pool above the cap is an IllegalArgumentException naming multiprocessing.maxProcesses")
        void sizeAboveCap() {
            IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> new Pool(500));
            assertTrue(thrown.getMessage().contains("multiprocessing.maxProcesses"), thrown.getMessage());
        }

        @Test
        @DisplayName("a pool above the cap is refused before any JVM starts")
        void sizeAboveCapStartsNothing() {
            int before = ChildRegistry.liveCount();
            assertThrows(IllegalArgumentException.class, () -> new Pool(500));
            int after = ChildRegistry.liveCount();
            assertTrue(after <= before, "child processes went from " + before + " to " + after);
        }

        @Test
        @DisplayName("the cap follows -Dmultiprocessing.maxProcesses")
        void capFollowsProperty() {
            IllegalArgumentException thrown = SystemProperty.with(Config.MAX_PROCESSES, "2",
                    () -> assertThrows(IllegalArgumentException.class, () -> new Pool(3)));
            assertTrue(thrown.getMessage().contains("limit of 2"), thrown.getMessage());
        }

        @Test
        @DisplayName("a task lambda that captures a plain Object is an IllegalArgumentException about Serializable")
        void unserializableTask() {
            Object notSerializable = new Object();
            Task<Integer, Integer> task = x -> x + notSerializable.hashCode();
            IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                    () -> pool.map(task, range(3)));
            assertTrue(thrown.getMessage().contains("Serializable"), thrown.getMessage());
        }

        @Test
        @DisplayName("applyAsync with a task that captures a plain Object is refused the same way")
        void unserializableTaskForApply() {
            Object notSerializable = new Object();
            Task<Integer, Integer> task = x -> x + notSerializable.hashCode();
            IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                    () -> pool.applyAsync(task, 1));
            assertTrue(thrown.getMessage().contains("Serializable"), thrown.getMessage());
        }

        @Test
        @DisplayName("an argument that cannot be serialized is an IllegalArgumentException about Serializable")
        void unserializableArgument() {
            IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                    () -> pool.applyAsync(String::valueOf, new Object()));
            assertTrue(thrown.getMessage().contains("Serializable"), thrown.getMessage());
        }

        @Test
        @DisplayName("a negative chunksize is an IllegalArgumentException")
        void negativeChunksize() {
            assertThrows(IllegalArgumentException.class, () -> pool.map(PoolTest::square, range(3), -1));
        }

        @Test
        @DisplayName("null items are an IllegalArgumentException")
        void nullItems() {
            assertThrows(IllegalArgumentException.class, () -> pool.map(PoolTest::square, null));
        }

        @Test
        @DisplayName("join() on a running pool is an IllegalStateException")
        void joinWhileRunning() {
            assertThrows(IllegalStateException.class, pool::join);
        }
    }

    @Nested
    @DisplayName("after close()")
    @TestInstance(Lifecycle.PER_CLASS)
    class AfterClose {
        private Pool closed;
        private List<Long> workerPids;

        @BeforeAll
        void closeAPool() {
            closed = new Pool(2);
            workerPids = closed.workerPids();
            closed.close();
        }

        @Test
        @DisplayName("the workers have exited")
        void workersExited() {
            assertEquals(List.of(), Pids.alive(workerPids), "workers still alive after close()");
        }

        @Test
        @DisplayName("map is an IllegalStateException")
        void mapAfterClose() {
            IllegalStateException thrown = assertThrows(IllegalStateException.class,
                    () -> closed.map(PoolTest::square, range(3)));
            assertTrue(thrown.getMessage().contains("closed"), thrown.getMessage());
        }

        @Test
        @DisplayName("applyAsync is an IllegalStateException")
        void applyAfterClose() {
            assertThrows(IllegalStateException.class, () -> closed.applyAsync(PoolTest::square, 3));
        }

        @Test
        @DisplayName("mapAsync is an IllegalStateException")
        void mapAsyncAfterClose() {
            assertThrows(IllegalStateException.class, () -> closed.mapAsync(PoolTest::square, range(3)));
        }

        @Test
        @DisplayName("close() again is harmless")
        void closeAgain() {
            closed.close();
            assertEquals(List.of(), Pids.alive(workerPids));
        }

        @Test
        @DisplayName("join() returns")
        void joinReturns() {
            closed.join();
            assertEquals(List.of(), Pids.alive(workerPids));
        }
    }

    @Nested
    @DisplayName("close, terminate and join")
    class Shutdown {

        @Test
        @DisplayName("close() lets queued work and its callbacks finish first")
        void closeFinishesQueuedWork() {
            Pool closing = new Pool(1);
            AtomicInteger callbacks = new AtomicInteger();
            List<AsyncResult<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                results.add(closing.applyAsync(PoolTest::slowSquareEarlyFirst, 30 + i,
                        r -> callbacks.incrementAndGet()));
            }
            closing.close();
            assertAll(
                    () -> assertTrue(results.stream().allMatch(AsyncResult::successful), "unfinished work"),
                    () -> assertEquals(6, callbacks.get(), "callbacks run before close() returned"));
        }

        @Test
        @DisplayName("terminate() fails pending work with TaskFailedException")
        void terminateFailsPendingWork() {
            Queue<Integer> gate = new Queue<>();
            Pool terminated = new Pool(1);
            AsyncResult<Integer> pending;
            try {
                pending = terminated.applyAsync(PoolTest::waitAtGate, gate);
                AsyncResult<Integer> queued = terminated.applyAsync(PoolTest::square, 3);
                terminated.terminate();
                assertAll(
                        () -> assertThrows(TaskFailedException.class, pending::get, "running task"),
                        () -> assertThrows(TaskFailedException.class, queued::get, "queued task"));
            } finally {
                terminated.terminate();
            }
        }

        @Test
        @DisplayName("terminate() kills the workers")
        void terminateKillsWorkers() {
            Queue<Integer> gate = new Queue<>();
            Pool terminated = new Pool(2);
            List<Long> pids = terminated.workerPids();
            terminated.applyAsync(PoolTest::waitAtGate, gate);
            terminated.terminate();
            assertEquals(List.of(), Pids.alive(pids), "workers alive after terminate()");
        }

        @Test
        @DisplayName("after terminate(), new work is refused and close() and join() return")
        void afterTerminate() {
            Pool terminated = new Pool(1);
            terminated.terminate();
            terminated.terminate();
            terminated.close();
            terminated.join();
            IllegalStateException thrown = assertThrows(IllegalStateException.class,
                    () -> terminated.apply(PoolTest::square, 2));
            assertTrue(thrown.getMessage().contains("terminated"), thrown.getMessage());
        }

        @Test
        @DisplayName("try-with-resources closes the pool")
        void tryWithResources() {
            List<Long> pids;
            try (Pool scoped = new Pool(1)) {
                pids = scoped.workerPids();
                assertEquals(4, scoped.apply(PoolTest::square, 2));
            }
            assertEquals(List.of(), Pids.alive(pids));
        }
    }
}
