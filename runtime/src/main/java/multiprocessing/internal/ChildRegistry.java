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
    /** Children whose exit must still be told (see {@link ChildProcess#reportExitOnce}). */
    private static final Set<ChildProcess> UNREPORTED = ConcurrentHashMap.newKeySet();
    private static final long REPORT_WAIT_MILLIS = 300;
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

    static void awaitingReport(ChildProcess child) {
        UNREPORTED.add(child);
    }

    static void reported(ChildProcess child) {
        UNREPORTED.remove(child);
    }

    /** How many {@code Process} children (not pool workers) still run. */
    static int liveUserProcesses() {
        return (int) LIVE.stream().filter(child -> child.userProcess() && child.isAlive()).count();
    }

    /** How many children this JVM runs now. */
    public static synchronized int liveCount() {
        return reserved;
    }

    /** Stops every live child: politely first, then by force. Runs in the {@link ExitHook}. */
    static void stopAll() {
        // Plain loops, not streams and lambdas: every child JVM runs this on its way out, and its first
        // lambda would cost it method-handle machinery just to stop no children.
        List<ChildProcess> children = new ArrayList<>(LIVE);
        if (children.isEmpty()) {
            reportExits();
            return;
        }
        for (ChildProcess child : children) {
            child.markStopped("exit");
        }
        // A polite stop first so that children run their own shutdown hooks (coverage agents, their
        // own children), then a forced one for whatever is still there.
        for (ChildProcess child : children) {
            child.process().destroy();
        }
        long deadline = System.currentTimeMillis() + GRACE_MILLIS;
        for (ChildProcess child : children) {
            try {
                child.awaitExit(Math.max(1, deadline - System.currentTimeMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        for (ChildProcess child : children) {
            if (child.isAlive()) {
                child.kill();
            }
        }
        reportExits();
    }

    /** Tells the exits that the operating system's notice has not told yet: this JVM may not wait for it. */
    private static void reportExits() {
        for (ChildProcess child : new ArrayList<>(UNREPORTED)) {
            try {
                child.awaitExit(REPORT_WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (!child.isAlive()) {
                child.reportExit();
            }
        }
    }
}
