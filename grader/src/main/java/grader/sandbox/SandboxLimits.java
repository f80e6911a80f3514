package grader.sandbox;

import java.time.Duration;

/**
 * The limits every sandboxed run lives under. The defaults are documented in the grader's README.
 *
 * @param heapMegabytes   {@code -Xmx} of the run's JVM and of every JVM it starts
 * @param outputCapBytes  standard output plus error a run may write before it is stopped
 * @param maxProcesses    live processes a run may have at once (its JVM, workers, Processes)
 * @param maxThreads      threads all of a run's processes may have at once
 * @param keptOutputBytes how much of each stream is kept for the tests and the report
 */
public record SandboxLimits(int heapMegabytes, long outputCapBytes, int maxProcesses, int maxThreads,
                            int keptOutputBytes) {

    /** The limits the grader uses. */
    public static SandboxLimits standard() {
        // A JVM of this lab has about 20 threads: 12 JVMs stay far below 1000.
        return new SandboxLimits(128, 2L * 1024 * 1024, 12, 1000, 256 * 1024);
    }

    /** A time limit a step's run gets, with the margin a loaded 2-core machine needs. */
    public static Duration runTimeout(int seconds) {
        return Duration.ofSeconds(seconds);
    }
}
