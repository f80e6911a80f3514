package multiprocessing.internal;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import multiprocessing.Callback;
import multiprocessing.ErrorCallback;
import multiprocessing.MultiprocessingException;
import multiprocessing.Range;
import multiprocessing.Task;
import multiprocessing.TaskFailedException;
import multiprocessing.WorkerDiedException;

/**
 * The machinery behind {@code Pool}: worker JVMs, the queue of batches, and the callback thread.
 *
 * <p>Batches are pushed to idle workers (one batch per worker at a time) rather than pulled, so a
 * fresh pool whose workers are all idle spreads the first batches over distinct workers every time.
 * Each worker has a reader thread for its results; results are handed to the single callback thread,
 * which waits until the worker's printed output has reached this process, runs the callback and only
 * then makes the result ready.
 */
public final class PoolEngine {
    private static final AtomicLong NEXT_POOL = new AtomicLong(1);
    private static final AtomicLong NEXT_LAUNCH = new AtomicLong(1);
    /** Pools neither closed nor terminated, so that the program's exit can say what it left behind. */
    private static final Set<PoolEngine> OPEN = ConcurrentHashMap.newKeySet();
    private static final long OUTPUT_WAIT_MILLIS = 2_000;
    private static final long EXIT_WAIT_MILLIS = 5_000;

    private enum State { RUNNING, CLOSED, TERMINATED }

    private final long poolId = NEXT_POOL.getAndIncrement();
    private final int size;
    private final Object lock = new Object();
    private final List<Worker> workers = new ArrayList<>();
    private final List<ChildProcess> launched = Collections.synchronizedList(new ArrayList<>());
    private final ArrayDeque<Batch> pending = new ArrayDeque<>();
    private final Set<Job<?>> unfinished = Collections.newSetFromMap(new IdentityHashMap<>());
    private final LinkedBlockingQueue<Runnable> completions = new LinkedBlockingQueue<>();
    private final Thread callbackThread;
    private final AtomicLong nextBatch = new AtomicLong(1);
    private final AtomicLong nextJob = new AtomicLong(1);
    private State state = State.RUNNING;
    private boolean stopping;

    /** Starts {@code size} workers and returns once every one of them is connected and idle. */
    public PoolEngine(int size) {
        int limit = Config.maxProcesses();
        if (size < 1) {
            throw new IllegalArgumentException("a Pool needs at least 1 process, got " + size
                    + ". Use new Pool(4) for four workers, or new Pool() for one per CPU core.");
        }
        if (size > limit) {
            throw new IllegalArgumentException("a Pool of " + size + " processes is above the limit of " + limit
                    + " (8 per CPU core, " + Runtime.getRuntime().availableProcessors() + " cores here): that many"
                    + " JVMs would exhaust the machine. Use a smaller pool, or raise the limit with -D"
                    + Config.MAX_PROCESSES + "=N.");
        }
        this.size = size;
        this.callbackThread = Daemons.start("multiprocessing-pool-" + poolId + "-callbacks", this::runCompletions);
        List<Launch> launches = new ArrayList<>();
        try {
            // Launch every JVM first, then wait: they boot in parallel.
            for (int i = 0; i < size; i++) {
                launches.add(launch());
            }
            for (Launch launch : launches) {
                Worker worker = connect(launch);
                synchronized (lock) {
                    workers.add(worker);
                }
            }
        } catch (RuntimeException e) {
            launches.forEach(l -> l.child.kill());
            throw e;
        }
        OPEN.add(this);
        if (Trace.ENABLED) {
            Trace.event("pool_start").field("pool", poolId).field("size", size)
                    .field("workers", workerPids().stream().mapToLong(Long::longValue).toArray()).write();
        }
    }

    /** How many pools of this program were neither closed nor terminated. */
    static int openPools() {
        return OPEN.size();
    }

    /** How many jobs submitted to those pools have not settled yet. */
    static int unfinishedJobs() {
        int count = 0;
        for (PoolEngine engine : OPEN) {
            synchronized (engine.lock) {
                count += engine.unfinished.size();
            }
        }
        return count;
    }

    /** The pool's size, as asked for. */
    public int size() {
        return size;
    }

    /** The pids of the live workers, in start order. */
    public List<Long> workerPids() {
        synchronized (lock) {
            return workers.stream().map(w -> w.child.pid()).toList();
        }
    }

    /**
     * Runs {@code task} on one argument in a worker. {@code call} names the {@code Pool} method that asked
     * ({@code apply} or {@code applyAsync}), for the trace.
     */
    public <T, R> Outcome<R> apply(String call, Task<T, R> task, T argument, Callback<? super R> callback,
                                   ErrorCallback errorCallback) {
        String function = TaskNames.describe(task);
        Outcome<R> outcome = new Outcome<>(callbackThread, TaskNames.call(function, argument));
        Job<R> job = new Job<>(nextJob.getAndIncrement(), outcome, callback, errorCallback, function, 1, 1, true);
        List<Object> single = new ArrayList<>(1);
        single.add(argument);
        byte[] encodedTask = Codec.encodeFunction(task, "the task " + function);
        submit(call, job, List.of(batch(job, 0, single, encodedTask, function)));
        return outcome;
    }

    /**
     * Runs {@code task} on every item in chunks; the outcome holds the results in input order. {@code call}
     * names the {@code Pool} method that asked ({@code map} or {@code mapAsync}), for the trace.
     */
    public <T, R> Outcome<List<R>> map(String call, Task<T, R> task, Iterable<? extends T> items, int chunksize,
                                       Callback<? super List<R>> callback, ErrorCallback errorCallback) {
        if (chunksize < 0) {
            throw new IllegalArgumentException("chunksize must be 1 or more (or 0 to let the pool choose), got "
                    + chunksize);
        }
        if (items == null) {
            throw new IllegalArgumentException("map needs items to work on, got null");
        }
        List<? extends T> list = items instanceof List<? extends T> l ? l : copy(items);
        String function = TaskNames.describe(task);
        int count = list.size();
        int chunk = chunksize > 0 ? chunksize : defaultChunksize(count);
        int batches = count == 0 ? 0 : (count + chunk - 1) / chunk;
        Outcome<List<R>> outcome = new Outcome<>(callbackThread, "map of " + function + " over " + count + " items");
        Job<List<R>> job = new Job<>(nextJob.getAndIncrement(), outcome, callback, errorCallback, function, count,
                batches, false);
        byte[] encodedTask = Codec.encodeFunction(task, "the task " + function);
        List<Batch> work = new ArrayList<>(batches);
        for (int offset = 0; offset < count; offset += chunk) {
            work.add(batch(job, offset, list.subList(offset, Math.min(count, offset + chunk)), encodedTask, function));
        }
        submit(call, job, work);
        return outcome;
    }

    /** Python's rule: about four chunks per worker, rounded up. */
    private int defaultChunksize(int count) {
        int perChunk = count / (4 * size);
        return count % (4 * size) == 0 ? Math.max(1, perChunk) : perChunk + 1;
    }

    private static <T> List<T> copy(Iterable<? extends T> items) {
        List<T> list = new ArrayList<>();
        items.forEach(list::add);
        return list;
    }

    private Batch batch(Job<?> job, int offset, List<?> items, byte[] task, String function) {
        // A Range slice stays a Range (two numbers on the wire); anything else becomes a plain list.
        Object wire = items instanceof Range ? items : new ArrayList<>(items);
        byte[] arguments = Codec.encode(wire, "the items passed to " + function);
        return new Batch(nextBatch.getAndIncrement(), job, offset, items.size(), task, arguments);
    }

    private void submit(String call, Job<?> job, List<Batch> work) {
        synchronized (lock) {
            if (state != State.RUNNING) {
                throw new IllegalStateException("this Pool is " + (state == State.CLOSED ? "closed" : "terminated")
                        + ", so it takes no new work: submit everything before close(), or create a new Pool");
            }
            if (Trace.ENABLED) {
                // Written once the pool has taken the job (a refused call hands nothing over) and before any
                // batch can start, so a reader may order it against the tasks and against the job_done of
                // earlier jobs: that is how a trace shows work handed over one item at a time.
                Trace.event("submit").field("pool", poolId).field("job", job.id()).field("function", job.function())
                        .field("call", call).field("items", job.items()).field("callback", job.callbackName())
                        .write();
            }
            unfinished.add(job);
            pending.addAll(work);
            dispatch();
        }
        if (work.isEmpty()) {
            completions.add(() -> finish(job, () -> job.succeed(poolId)));
        }
    }

    /** Gives a batch to every idle worker while there are batches. Caller holds {@link #lock}. */
    private void dispatch() {
        for (Worker worker : workers) {
            while (worker.current == null && !pending.isEmpty()) {
                Batch batch = pending.pollFirst();
                if (!batch.job().finished()) {
                    send(worker, batch);
                }
            }
        }
    }

    private void send(Worker worker, Batch batch) {
        worker.current = batch;
        try {
            synchronized (worker.connection.out) {
                worker.connection.out.writeByte(WorkerProtocol.TASK);
                worker.connection.out.writeLong(batch.id());
                worker.connection.out.writeUTF(batch.job().function());
                Wire.writeBlock(worker.connection.out, batch.task());
                Wire.writeBlock(worker.connection.out, batch.arguments());
                worker.connection.out.flush();
            }
        } catch (IOException e) {
            // The worker is dying; its reader thread will notice. The batch goes to someone else.
            worker.current = null;
            pending.addFirst(batch);
        }
    }

    private void readResults(Worker worker) {
        try {
            while (true) {
                byte type = worker.connection.in.readByte();
                if (type != WorkerProtocol.RESULT) {
                    throw new IOException("unexpected message type " + type + " from worker " + worker.child.pid());
                }
                long batchId = worker.connection.in.readLong();
                worker.connection.in.readLong(); // start time: the worker writes it to the trace itself
                worker.connection.in.readLong(); // end time
                long stdoutBytes = worker.connection.in.readLong();
                long stderrBytes = worker.connection.in.readLong();
                boolean ok = worker.connection.in.readBoolean();
                byte[] payload = Wire.readBlock(worker.connection.in);
                Batch batch;
                synchronized (lock) {
                    batch = worker.current;
                    worker.current = null;
                    dispatch();
                }
                if (batch == null || batch.id() != batchId) {
                    throw new IOException("worker " + worker.child.pid() + " answered a batch it was not given");
                }
                Object decoded = decode(payload, ok, batch);
                completions.add(() -> {
                    worker.awaitOutput(stdoutBytes, stderrBytes);
                    complete(batch, ok, decoded, worker.child.pid());
                });
            }
        } catch (IOException e) {
            workerLost(worker);
        }
    }

    private static Object decode(byte[] payload, boolean ok, Batch batch) {
        try {
            return Codec.decode(payload);
        } catch (RuntimeException e) {
            return ok ? new MultiprocessingException("cannot decode the results of " + batch.describe(), e) : e;
        }
    }

    private void complete(Batch batch, boolean ok, Object decoded, long pid) {
        Job<?> job = batch.job();
        if (ok && decoded instanceof List<?> values) {
            finish(job, () -> job.batchSucceeded(batch.offset(), values, poolId));
        } else {
            Throwable cause = (Throwable) decoded;
            finish(job, () -> job.fail(new TaskFailedException(batch.describe() + " failed in worker pid " + pid
                    + ": " + cause, cause), poolId));
        }
    }

    /** Runs a step of a job on the callback thread and, once the job is settled, forgets it. */
    private void finish(Job<?> job, Runnable step) {
        step.run();
        if (job.outcome().isDone()) {
            synchronized (lock) {
                unfinished.remove(job);
                lock.notifyAll();
            }
        }
    }

    private void runCompletions() {
        while (true) {
            try {
                completions.take().run();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // A broken completion must not stop the callbacks of every other task.
                e.printStackTrace();
            }
        }
    }

    private void workerLost(Worker worker) {
        Batch batch;
        boolean replace;
        synchronized (lock) {
            if (!workers.remove(worker)) {
                return;
            }
            batch = worker.current;
            worker.current = null;
            // Workers killed because this program exits must not be replaced.
            replace = !stopping && !ExitHook.exiting();
        }
        worker.connection.close();
        Integer exitCode = awaitExit(worker.child, 1_000);
        if (exitCode == null) {
            worker.child.kill();
        }
        if (Trace.ENABLED && replace) {
            Trace.event("worker_exit").field("pool", poolId).field("worker", worker.child.pid())
                    .field("exit_code", exitCode == null ? -1 : exitCode).write();
        }
        if (batch != null) {
            String message = "the worker (pid " + worker.child.pid() + ") running " + batch.describe()
                    + (exitCode == null ? " stopped answering" : " exited with code " + exitCode)
                    + " before it returned a result (System.exit, a crash, running out of memory or a kill)."
                    + (replace ? " The pool started a replacement worker."
                    : ExitHook.exiting() ? " No replacement was started: the program is exiting."
                    : " No replacement was started: the pool is shutting down.");
            completions.add(() -> finish(batch.job(), () -> batch.job().fail(new WorkerDiedException(message), poolId)));
        }
        if (replace) {
            Daemons.start("multiprocessing-pool-" + poolId + "-replace", this::replaceWorker);
        }
    }

    private void replaceWorker() {
        try {
            Worker worker = connect(launch());
            synchronized (lock) {
                if (!stopping) {
                    workers.add(worker);
                    dispatch();
                    return;
                }
            }
            worker.child.kill();
        } catch (RuntimeException e) {
            System.err.println("multiprocessing: cannot replace a pool worker: " + e.getMessage());
            List<Batch> stranded = new ArrayList<>();
            synchronized (lock) {
                if (workers.isEmpty()) {
                    stranded.addAll(pending);
                    pending.clear();
                }
            }
            for (Batch batch : stranded) {
                completions.add(() -> finish(batch.job(), () -> batch.job().fail(new TaskFailedException(
                        "no worker is left to run " + batch.describe() + ": " + e.getMessage(), e), poolId)));
            }
        }
    }

    private Launch launch() {
        Hub hub = Hub.get();
        long launchId = NEXT_LAUNCH.getAndIncrement();
        CompletableFuture<Hub.Connection> connected = hub.awaitWorker(launchId);
        Bootstrap bootstrap = new Bootstrap(Bootstrap.Role.WORKER, launchId, hub.address(), poolId,
                Config.inheritableProperties(), null, null, "pool worker");
        try {
            ChildProcess child = ChildLauncher.launch(bootstrap, "a pool worker");
            launched.add(child);
            return new Launch(launchId, connected, child);
        } catch (RuntimeException e) {
            hub.forgetWorker(launchId);
            throw e;
        }
    }

    private Worker connect(Launch launch) {
        long deadline = System.currentTimeMillis() + Config.startTimeoutMillis();
        try {
            while (true) {
                try {
                    Worker worker = new Worker(launch.child, launch.connected.get(50, TimeUnit.MILLISECONDS));
                    Daemons.start("multiprocessing-pool-" + poolId + "-worker-" + launch.child.pid(),
                            () -> readResults(worker));
                    return worker;
                } catch (TimeoutException e) {
                    if (!launch.child.isAlive()) {
                        launch.child.awaitOutput(1_000);
                        throw new MultiprocessingException("a pool worker JVM (pid " + launch.child.pid()
                                + ") exited with code " + launch.child.process().exitValue() + " before it was"
                                + " ready; " + (launch.child.stderr().bytesPassed() > 0 ? "its error output is above"
                                : "it wrote no error output") + ". Check -D" + Config.WORKER_JVM_ARGS + ".");
                    }
                    if (System.currentTimeMillis() > deadline) {
                        launch.child.kill();
                        throw new MultiprocessingException("a pool worker JVM (pid " + launch.child.pid()
                                + ") was not ready after " + Config.startTimeoutMillis() / 1000 + " s; the machine"
                                + " may be overloaded. Raise -D" + Config.START_TIMEOUT + " if that is expected.");
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            launch.child.kill();
            throw new MultiprocessingException("interrupted while starting the pool's workers", e);
        } catch (ExecutionException e) {
            throw new MultiprocessingException("a pool worker failed to connect", e.getCause());
        } finally {
            Hub.get().forgetWorker(launch.launchId);
        }
    }

    /** Stops taking work, lets queued work finish, then lets the workers exit and waits for them. */
    public void close() {
        if (Thread.currentThread() == callbackThread) {
            throw new IllegalStateException("close() cannot run inside a callback of the same pool: it would wait"
                    + " for that very callback to finish. Close the pool from the main program.");
        }
        List<Worker> stopped;
        synchronized (lock) {
            if (state == State.RUNNING) {
                state = State.CLOSED;
                OPEN.remove(this);
            }
            while (!unfinished.isEmpty() && state == State.CLOSED) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new MultiprocessingException("interrupted while closing the pool", e);
                }
            }
            if (stopping) {
                stopped = List.of();
            } else {
                stopping = true;
                stopped = new ArrayList<>(workers);
            }
        }
        for (Worker worker : stopped) {
            try {
                synchronized (worker.connection.out) {
                    worker.connection.out.writeByte(WorkerProtocol.SHUTDOWN);
                    worker.connection.out.flush();
                }
            } catch (IOException e) {
                // already gone: nothing to stop
            }
        }
        if (!stopped.isEmpty()) {
            join();
            traceShutdown("close");
        }
    }

    /** Stops every worker now; unfinished work fails with a {@link TaskFailedException}. */
    public void terminate() {
        List<Worker> killed;
        List<Job<?>> abandoned;
        synchronized (lock) {
            if (state == State.TERMINATED) {
                return;
            }
            state = State.TERMINATED;
            OPEN.remove(this);
            stopping = true;
            killed = new ArrayList<>(workers);
            workers.clear();
            pending.clear();
            abandoned = new ArrayList<>(unfinished);
            lock.notifyAll();
        }
        killed.forEach(worker -> worker.child.kill());
        for (Job<?> job : abandoned) {
            completions.add(() -> finish(job, () -> job.fail(new TaskFailedException(
                    "the pool was terminated before " + job.function() + " finished", null), poolId)));
        }
        join();
        traceShutdown("terminate");
    }

    /** Waits for every worker to exit; the pool must be closed or terminated first. */
    public void join() {
        synchronized (lock) {
            if (state == State.RUNNING) {
                throw new IllegalStateException("join() waits for the workers to exit, which they only do after"
                        + " close() or terminate(): call one of those first");
            }
        }
        List<ChildProcess> children;
        synchronized (launched) {
            children = new ArrayList<>(launched);
        }
        for (ChildProcess child : children) {
            if (awaitExit(child, EXIT_WAIT_MILLIS) == null) {
                child.kill();
                awaitExit(child, EXIT_WAIT_MILLIS);
            }
            try {
                child.awaitOutput(OUTPUT_WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MultiprocessingException("interrupted while waiting for the pool's workers", e);
            }
        }
    }

    private void traceShutdown(String how) {
        if (Trace.ENABLED) {
            Trace.event("pool_shutdown").field("pool", poolId).field("how", how).write();
        }
    }

    private static Integer awaitExit(ChildProcess child, long millis) {
        try {
            return child.awaitExit(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private record Launch(long launchId, CompletableFuture<Hub.Connection> connected, ChildProcess child) {
    }

    /** A connected worker and the batch it runs, if any (guarded by the pool's lock). */
    private static final class Worker {
        final ChildProcess child;
        final Hub.Connection connection;
        Batch current;

        Worker(ChildProcess child, Hub.Connection connection) {
            this.child = child;
            this.connection = connection;
        }

        /** Waits until what the worker printed while running a batch has been printed here. */
        void awaitOutput(long stdoutBytes, long stderrBytes) {
            try {
                child.stdout().awaitBytes(stdoutBytes, OUTPUT_WAIT_MILLIS);
                child.stderr().awaitBytes(stderrBytes, OUTPUT_WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
