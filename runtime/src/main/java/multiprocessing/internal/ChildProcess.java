package multiprocessing.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A child JVM as its parent sees it: the OS process, the pumps that carry its output, and the end of
 * its standard input that the parent holds open. When the parent dies, for any reason, the operating
 * system closes that pipe and the child sees end-of-file and exits: that is how no child outlives its
 * parent, even after {@code kill -9}, with portable JDK calls only.
 */
public final class ChildProcess {
    private final java.lang.Process process;
    private final OutputStream lifeline;
    private final OutputPump stdout;
    private final OutputPump stderr;
    private final String role;
    private final boolean userProcess;
    private final AtomicBoolean exitReported = new AtomicBoolean();
    private volatile String stoppedBy;
    private volatile Runnable exitReport;

    ChildProcess(java.lang.Process process, OutputStream lifeline, OutputPump stdout, OutputPump stderr, String role,
                 boolean userProcess) {
        this.process = process;
        this.lifeline = lifeline;
        this.stdout = stdout;
        this.stderr = stderr;
        this.role = role;
        this.userProcess = userProcess;
    }

    /** Whether it runs a {@code Process} target (rather than being a pool worker). */
    public boolean userProcess() {
        return userProcess;
    }

    /**
     * Who stopped it, if anyone did: {@code terminate}, {@code kill}, or {@code exit} when this program
     * stopped it on its way out; {@code null} while it runs or when it ended by itself.
     */
    public String stoppedBy() {
        return stoppedBy;
    }

    /**
     * Runs {@code report} once, when this child's exit is known: from the operating system's notice, or,
     * at the latest, from this program's exit hook. The notice arrives on another thread, which an exiting
     * JVM may never run; the hook makes sure the exit is still told.
     */
    public void reportExitOnce(Runnable report) {
        this.exitReport = report;
        ChildRegistry.awaitingReport(this);
        process.onExit().thenRun(this::reportExit);
    }

    /** Runs the exit report, if there is one and it has not run. */
    void reportExit() {
        Runnable report = exitReport;
        if (report != null && exitReported.compareAndSet(false, true)) {
            ChildRegistry.reported(this);
            report.run();
        }
    }

    /** The child's operating-system process id. */
    public long pid() {
        return process.pid();
    }

    /** What the child is for, for messages: "worker" or the target's name. */
    public String role() {
        return role;
    }

    /** The pump of the child's standard output. */
    public OutputPump stdout() {
        return stdout;
    }

    /** The pump of the child's standard error. */
    public OutputPump stderr() {
        return stderr;
    }

    /** Whether the process still runs. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** The process, for exit callbacks. */
    public java.lang.Process process() {
        return process;
    }

    /** Waits up to {@code millis} for the process to exit; its exit code, or {@code null} if it still runs. */
    public Integer awaitExit(long millis) throws InterruptedException {
        return process.waitFor(millis, TimeUnit.MILLISECONDS) ? process.exitValue() : null;
    }

    /** Waits up to {@code millis} for both output streams to be passed on in full. */
    public void awaitOutput(long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        stdout.awaitEnd(Math.max(1, deadline - System.currentTimeMillis()));
        stderr.awaitEnd(Math.max(1, deadline - System.currentTimeMillis()));
    }

    /** Asks the process to stop (SIGTERM on Unix): its shutdown hooks run. */
    public void terminate() {
        markStopped("terminate");
        process.destroy();
    }

    /** Stops the process and everything it started, now. */
    public void kill() {
        markStopped("kill");
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** Remembers who stopped a still running child; the first to do so is the one that counts. */
    void markStopped(String by) {
        if (stoppedBy == null && process.isAlive()) {
            stoppedBy = by;
        }
    }

    /** Lets go of the lifeline, which makes a child that watches it exit by itself. */
    void closeLifeline() {
        try {
            lifeline.close();
        } catch (IOException ignored) {
            // the child is gone already
        }
    }
}
