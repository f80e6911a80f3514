package multiprocessing.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;

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

    ChildProcess(java.lang.Process process, OutputStream lifeline, OutputPump stdout, OutputPump stderr, String role) {
        this.process = process;
        this.lifeline = lifeline;
        this.stdout = stdout;
        this.stderr = stderr;
        this.role = role;
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
        process.destroy();
    }

    /** Stops the process and everything it started, now. */
    public void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
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
