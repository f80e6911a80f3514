package multiprocessing.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import multiprocessing.MultiprocessingException;

/**
 * Every child process this JVM started and that still runs: it enforces the cap on their number and,
 * when this JVM exits (normally or through {@code System.exit}), stops them all so none is left behind.
 */
public final class ChildRegistry {
    private static final long GRACE_MILLIS = 700;
    private static final Set<ChildProcess> LIVE = ConcurrentHashMap.newKeySet();
    private static int reserved;

    static {
        ExitHook.install();
    }

    private ChildRegistry() {
    }

    /** Takes one place under the cap, or explains why there is none. */
    static synchronized void reserve(String role) {
        int limit = Config.maxProcesses();
        if (reserved >= limit) {
            throw new MultiprocessingException("cannot start " + role + ": this process already runs " + reserved
                    + " child processes, the limit (-D" + Config.MAX_PROCESSES + "=" + limit
                    + "). Join or close the ones you have before starting more.");
        }
        reserved++;
    }

    /** Gives back a place taken by {@link #reserve} for a child that never started. */
    static synchronized void unreserve() {
        reserved--;
    }

    /** Tracks a started child until it exits. */
    static void track(ChildProcess child) {
        LIVE.add(child);
        child.process().onExit().thenRun(() -> {
            if (LIVE.remove(child)) {
                unreserve();
            }
        });
    }

    /** How many children this JVM runs now. */
    public static synchronized int liveCount() {
        return reserved;
    }

    /** Stops every live child: politely first, then by force. Runs in the {@link ExitHook}. */
    static void stopAll() {
        List<ChildProcess> children = new ArrayList<>(LIVE);
        // A polite stop first so that children run their own shutdown hooks (coverage agents, their
        // own children), then a forced one for whatever is still there.
        children.forEach(ChildProcess::terminate);
        long deadline = System.currentTimeMillis() + GRACE_MILLIS;
        for (ChildProcess child : children) {
            try {
                child.awaitExit(Math.max(1, deadline - System.currentTimeMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        children.stream().filter(ChildProcess::isAlive).forEach(ChildProcess::kill);
    }
}
