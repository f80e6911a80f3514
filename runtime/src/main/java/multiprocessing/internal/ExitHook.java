package multiprocessing.internal;

/**
 * The runtime's one shutdown hook: hands over queued items, stops this JVM's children, and wakes every
 * runtime thread that is blocked in a native read.
 *
 * <p>The waking matters for speed: at exit, HotSpot waits up to 300 ms for threads blocked in native
 * code (a socket or pipe read) to settle. Closing what they read from returns them to Java at once, so
 * a worker or process exits in milliseconds instead.
 */
final class ExitHook {
    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ExitHook::run, "multiprocessing-exit"));
    }

    private ExitHook() {
    }

    /** Makes sure the hook is registered; call from every class that starts blocking threads. */
    static void install() {
        // the static initializer did the work
    }

    private static void run() {
        QueueClient.closeAll();
        ChildRegistry.stopAll();
        Hub.shutdown();
        ChildMain.releaseLifeline();
    }
}
