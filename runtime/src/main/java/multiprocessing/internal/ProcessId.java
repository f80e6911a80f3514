package multiprocessing.internal;

/**
 * This process's pid. A child JVM is told its pid by its parent, which learnt it when it started the
 * child: asking {@link ProcessHandle} instead starts up the JDK's process-reaper machinery (a thread
 * pool and two lambdas), which a worker needs for nothing else.
 */
final class ProcessId {
    private static volatile long told;

    private ProcessId() {
    }

    /** Remembers the pid the parent saw; a child calls it first thing. */
    static void tell(long pid) {
        told = pid;
    }

    /** This process's pid. */
    static long current() {
        long pid = told;
        return pid > 0 ? pid : ProcessHandle.current().pid();
    }
}
