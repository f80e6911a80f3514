package multiprocessing.internal;

/**
 * Starts the runtime's background threads. They are all daemons: a program that never closes its
 * pool (the lab's first step) must still exit when {@code main} returns, as in Python.
 */
public final class Daemons {
    private Daemons() {
    }

    /** Starts {@code body} on a new daemon thread called {@code name}. */
    public static Thread start(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
