package multiprocessing.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The runtime's one shutdown hook: hands over queued items, stops this JVM's children, and wakes every
 * runtime thread that is blocked in a native read.
 *
 * <p>The waking matters for speed: at exit, HotSpot waits up to 300 ms for threads blocked in native
 * code (a socket or pipe read) to settle. Closing what they read from returns them to Java at once, so
 * a worker or process exits in milliseconds instead.
 */
final class ExitHook {
    private static final Set<AutoCloseable> OPEN = ConcurrentHashMap.newKeySet();
    private static volatile boolean exiting;

    static {
        // A named class rather than ExitHook::run: every child installs this hook while it starts, and
        // a child's first lambda costs it method-handle machinery it otherwise never needs.
        Runtime.getRuntime().addShutdownHook(new Thread(new Hook(), "multiprocessing-exit"));
    }

    private ExitHook() {
    }

    /** Makes sure the hook is registered; call from every class that starts blocking threads. */
    static void install() {
        // the static initializer did the work
    }

    /** Remembers a connection to close at exit; {@link #forget} it when it is closed earlier. */
    static void closeAtExit(AutoCloseable connection) {
        install();
        OPEN.add(connection);
    }

    /** Forgets a connection that was closed before exit. */
    static void forget(AutoCloseable connection) {
        OPEN.remove(connection);
    }

    /** Whether this JVM is shutting down: then no child may be started, not even to replace a worker. */
    static boolean exiting() {
        return exiting;
    }

    /** The hook's body. */
    private static final class Hook implements Runnable {
        @Override
        public void run() {
            ExitHook.run();
        }
    }

    private static void run() {
        exiting = true;
        traceProgramExit();
        QueueClient.closeAll();
        // Closing the sockets wakes the threads reading them, and tells workers at the other end to leave.
        for (AutoCloseable connection : OPEN) {
            try {
                connection.close();
            } catch (Exception ignored) {
                // exiting anyway
            }
        }
        ChildRegistry.stopAll();
        Hub.shutdown();
        ChildMain.releaseLifeline();
    }

    /**
     * The main program's last event, written before anything is stopped: what it left running. A child's
     * end is told by its parent's process_exit instead.
     */
    private static void traceProgramExit() {
        if (Trace.ENABLED && !ChildMain.isChild()) {
            Trace.event("program_exit").field("open_pools", PoolEngine.openPools())
                    .field("unfinished_jobs", PoolEngine.unfinishedJobs())
                    .field("live_processes", ChildRegistry.liveUserProcesses()).write();
        }
    }
}
