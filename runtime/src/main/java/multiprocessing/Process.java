package multiprocessing;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import multiprocessing.internal.Bootstrap;
import multiprocessing.internal.ChildLauncher;
import multiprocessing.internal.ChildProcess;
import multiprocessing.internal.Codec;
import multiprocessing.internal.Config;
import multiprocessing.internal.TaskNames;
import multiprocessing.internal.Trace;

/**
 * Code running in a new operating-system process: Python's {@code multiprocessing.Process}.
 *
 * <pre>{@code
 * Queue<Integer> queue = new Queue<>();
 * Process producer = new Process(Lab::producer, queue);
 * producer.start();
 * producer.join();
 * }</pre>
 *
 * <p>The target runs in a fresh JVM with the same class path; its printed lines appear in this
 * program's output. The child exits when its target returns (exit code 0) or throws (exit code 1,
 * after printing the stack trace), and never outlives this program.
 */
public final class Process {
    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final long OUTPUT_WAIT_MILLIS = 2_000;

    private final String name = "Process-" + COUNT.incrementAndGet();
    private final String targetName;
    private final byte[] target;
    private final byte[] argument;
    private final AtomicBoolean joinTraced = new AtomicBoolean();
    private volatile ChildProcess child;
    private volatile CompletableFuture<Void> exitTraced = CompletableFuture.completedFuture(null);

    /** A process that will run {@code target()}. */
    public Process(Action target) {
        this.targetName = TaskNames.describe(requireTarget(target));
        this.target = Codec.encodeFunction(target, "the Process target " + targetName);
        this.argument = null;
    }

    /** A process that will run {@code target(argument)}: Python's {@code Process(target=f, args=(x,))}. */
    public <A> Process(Target<A> target, A argument) {
        this.targetName = TaskNames.describe(requireTarget(target));
        this.target = Codec.encodeFunction(target, "the Process target " + targetName);
        this.argument = Codec.encode(argument, "the argument of " + targetName);
    }

    private static <T> T requireTarget(T target) {
        if (target == null) {
            throw new IllegalArgumentException("a Process needs a target to run, got null; pass a method reference"
                    + " such as Lab::producer");
        }
        return target;
    }

    /**
     * Starts the process.
     *
     * @throws IllegalStateException if it was started before (a Process runs once, as in Python)
     */
    public synchronized void start() {
        if (child != null) {
            throw new IllegalStateException(name + " (" + targetName + ") was already started: a Process runs only"
                    + " once. Create a new Process to run the target again.");
        }
        Bootstrap bootstrap = new Bootstrap(Bootstrap.Role.PROCESS, 0, null, 0, Config.inheritableProperties(),
                target, argument, targetName);
        ChildProcess started = ChildLauncher.launch(bootstrap, name + " (" + targetName + ")");
        child = started;
        if (Trace.ENABLED) {
            Trace.event("process_start").field("child_pid", started.pid()).field("name", name)
                    .field("target", targetName).write();
            CompletableFuture<Void> traced = new CompletableFuture<>();
            exitTraced = traced;
            started.reportExitOnce(() -> {
                traceExit(started);
                traced.complete(null);
            });
        }
    }

    /** The process_exit event; {@code stopped} says who stopped a child that did not end by itself. */
    private void traceExit(ChildProcess started) {
        Trace.Event exit = Trace.event("process_exit").field("child_pid", started.pid()).field("name", name)
                .field("target", targetName).field("exit_code", started.process().exitValue());
        if (started.stoppedBy() != null) {
            exit.field("stopped", started.stoppedBy());
        }
        exit.write();
    }

    /** Waits until the process has exited and everything it printed has been printed here. */
    public void join() {
        join(Long.MAX_VALUE, TimeUnit.DAYS);
    }

    /** Waits at most {@code timeout} for the process to exit; whether it has. */
    public boolean join(long timeout, TimeUnit unit) {
        ChildProcess started = requireStarted("join");
        try {
            long millis = unit.toMillis(timeout) <= 0 ? 0 : unit.toMillis(timeout);
            if (started.awaitExit(millis) == null) {
                return false;
            }
            started.awaitOutput(OUTPUT_WAIT_MILLIS);
            awaitExitTraced();
            if (Trace.ENABLED && joinTraced.compareAndSet(false, true)) {
                Trace.event("process_join").field("child_pid", started.pid()).field("name", name)
                        .field("target", targetName).write();
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MultiprocessingException("interrupted while joining " + name, e);
        }
    }

    /** The exit event is written on another thread; a program that exits right after join() keeps it. */
    private void awaitExitTraced() throws InterruptedException {
        try {
            exitTraced.get(OUTPUT_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // the event is late or lost: the join itself succeeded all the same
        }
    }

    /** Whether the process has started and not yet exited: Python's {@code is_alive()}. */
    public boolean isAlive() {
        ChildProcess started = child;
        return started != null && started.isAlive();
    }

    /**
     * The exit code once the process has exited, else {@code null}: Python's {@code exitcode}.
     * 0 means the target returned, 1 that it threw; a process stopped by a signal reports what the
     * operating system says (on Linux 128 + the signal number).
     */
    public Integer exitCode() {
        ChildProcess started = child;
        return started == null || started.isAlive() ? null : started.process().exitValue();
    }

    /** The operating-system process id: Python's {@code pid}. */
    public long pid() {
        return requireStarted("pid").pid();
    }

    /** Asks the process to stop (SIGTERM on Unix): Python's {@code terminate()}. */
    public void terminate() {
        requireStarted("terminate").terminate();
    }

    /** Stops the process at once (SIGKILL on Unix): Python's {@code kill()}. */
    public void kill() {
        requireStarted("kill").kill();
    }

    /** Its name, such as {@code Process-1}: Python's {@code name}. */
    public String name() {
        return name;
    }

    private ChildProcess requireStarted(String operation) {
        ChildProcess started = child;
        if (started == null) {
            throw new IllegalStateException("cannot " + operation + " " + name + " (" + targetName
                    + "): it has not been started; call start() first");
        }
        return started;
    }

    @Override
    public String toString() {
        ChildProcess started = child;
        Map<Boolean, String> states = Map.of(true, "started", false, "initial");
        return "Process[" + name + ", " + targetName + ", " + states.get(started != null)
                + (started == null ? "" : ", pid " + started.pid() + (isAlive() ? "" : ", exit " + exitCode())) + "]";
    }
}
