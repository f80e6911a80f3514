package multiprocessing;

import java.util.List;
import multiprocessing.internal.PoolEngine;

/**
 * A pool of worker processes: Python's {@code multiprocessing.Pool}. Each worker is a separate JVM,
 * so tasks run truly in parallel, each with its own heap.
 *
 * <pre>{@code
 * try (Pool pool = new Pool(4)) {
 *     List<Integer> squares = pool.map(Square::square, range(10)); // [0, 1, 4, ..., 81]
 * }
 * }</pre>
 *
 * <p>The constructor returns once every worker is ready. {@link #close()} (or the end of a
 * try-with-resources block) lets queued work finish and then waits for the workers to exit;
 * {@link #terminate()} stops them at once. A pool that is never closed does not keep the program
 * alive, and no worker outlives the program, even when it is killed.
 *
 * <p>Tasks run in the workers; callbacks run here, in this process, one at a time. A worker that dies
 * mid-task fails that task with a {@link WorkerDiedException} and is replaced.
 */
public final class Pool implements AutoCloseable {
    private final PoolEngine engine;

    /** A pool with one worker per CPU core: Python's {@code Pool()}. */
    public Pool() {
        this(Runtime.getRuntime().availableProcessors());
    }

    /**
     * A pool of {@code processes} workers: Python's {@code Pool(processes=4)}.
     *
     * @throws IllegalArgumentException if {@code processes} is below 1 or above the cap
     *     ({@code -Dmultiprocessing.maxProcesses}, by default 8 per core)
     */
    public Pool(int processes) {
        this.engine = new PoolEngine(processes);
    }

    /**
     * Applies {@code task} to every item in the workers and returns the results in input order:
     * Python's {@code pool.map(func, iterable)}. The items are cut into about four chunks per worker.
     *
     * @throws TaskFailedException   if a task raised an exception or its worker died
     * @throws IllegalStateException if the pool is closed
     */
    public <T, R> List<R> map(Task<T, R> task, Iterable<? extends T> items) {
        return map(task, items, 0);
    }

    /** Like {@link #map(Task, Iterable)}, sending {@code chunksize} items to a worker at a time (0: choose). */
    public <T, R> List<R> map(Task<T, R> task, Iterable<? extends T> items, int chunksize) {
        return new AsyncResult<>(engine.map("map", task, items, chunksize, null, null)).get();
    }

    /** {@link #map(Task, Iterable)} without waiting: Python's {@code map_async}. */
    public <T, R> AsyncResult<List<R>> mapAsync(Task<T, R> task, Iterable<? extends T> items) {
        return mapAsync(task, items, 0, null, null);
    }

    /**
     * {@link #map(Task, Iterable, int)} without waiting; {@code callback} gets the whole list of results,
     * {@code errorCallback} the failure (either may be {@code null}).
     */
    public <T, R> AsyncResult<List<R>> mapAsync(Task<T, R> task, Iterable<? extends T> items, int chunksize,
                                                Callback<? super List<R>> callback, ErrorCallback errorCallback) {
        return new AsyncResult<>(engine.map("mapAsync", task, items, chunksize, callback, errorCallback));
    }

    /** Runs {@code task(argument)} in a worker and waits for the result: Python's {@code apply}. */
    public <T, R> R apply(Task<T, R> task, T argument) {
        return new AsyncResult<>(engine.apply("apply", task, argument, null, null)).get();
    }

    /** Starts {@code task(argument)} in a worker without waiting: Python's {@code apply_async}. */
    public <T, R> AsyncResult<R> applyAsync(Task<T, R> task, T argument) {
        return applyAsync(task, argument, null, null);
    }

    /**
     * Starts {@code task(argument)} in a worker; when it finishes, {@code callback} receives the result
     * in this process: Python's {@code apply_async(func, (x,), callback=cb)}.
     */
    public <T, R> AsyncResult<R> applyAsync(Task<T, R> task, T argument, Callback<? super R> callback) {
        return applyAsync(task, argument, callback, null);
    }

    /** As {@link #applyAsync(Task, Object, Callback)}, with {@code errorCallback} for a failure. */
    public <T, R> AsyncResult<R> applyAsync(Task<T, R> task, T argument, Callback<? super R> callback,
                                            ErrorCallback errorCallback) {
        return new AsyncResult<>(engine.apply("applyAsync", task, argument, callback, errorCallback));
    }

    /** The operating-system pids of the live workers. */
    public List<Long> workerPids() {
        return engine.workerPids();
    }

    /** How many workers this pool keeps running. */
    public int size() {
        return engine.size();
    }

    /**
     * Takes no new work, lets the queued work and its callbacks finish, then lets the workers exit and
     * waits for them: Python's {@code close()} followed by {@code join()}. Calling it again does nothing.
     */
    @Override
    public void close() {
        engine.close();
    }

    /** Stops the workers now: unfinished tasks fail. Python's {@code terminate()}. */
    public void terminate() {
        engine.terminate();
    }

    /**
     * Waits until every worker has exited: Python's {@code join()}.
     *
     * @throws IllegalStateException unless {@link #close()} or {@link #terminate()} came first
     */
    public void join() {
        engine.join();
    }

    @Override
    public String toString() {
        return "Pool(processes=" + size() + ", workers=" + workerPids() + ")";
    }
}
