package multiprocessing.tools;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.stream.Collectors;
import multiprocessing.internal.Json;

/**
 * Writes made-up traces in the runtime's format, for tests that need a run no real program would
 * produce (or one that would take too long). Times are given in milliseconds after {@link #T0}.
 */
final class TraceBuilder {
    /** The moment every made-up run starts at, in microseconds since the epoch. */
    static final long T0 = 1_764_081_600_000_000L;

    private final StringBuilder lines = new StringBuilder();

    /** Microseconds since the epoch for {@code millis} after {@link #T0}. */
    static long at(long millis) {
        return T0 + millis * 1_000;
    }

    TraceBuilder poolStart(long pid, long millis, long... workers) {
        return event("pool_start", pid, at(millis), ",\"pool\":1,\"size\":" + workers.length + ",\"workers\":["
                + Arrays.stream(workers).mapToObj(Long::toString).collect(Collectors.joining(",")) + "]");
    }

    /** A successful task of one item, in pool 1. */
    TraceBuilder task(long pid, String function, long startMillis, long endMillis) {
        return task(pid, function, startMillis, endMillis, 1, true);
    }

    TraceBuilder task(long pid, String function, long startMillis, long endMillis, long items, boolean ok) {
        return event("task", pid, at(endMillis), ",\"pool\":1,\"function\":" + Json.quote(function) + ",\"items\":"
                + items + ",\"start_us\":" + at(startMillis) + ",\"end_us\":" + at(endMillis) + ",\"ok\":" + ok);
    }

    /** A successful task of one item in pool 1 that names its batch, as the runtime writes it now. */
    TraceBuilder task(long pid, long batch, String function, long startMillis, long endMillis) {
        return event("task", pid, at(endMillis), ",\"pool\":1,\"batch\":" + batch + ",\"function\":"
                + Json.quote(function) + ",\"items\":1,\"start_us\":" + at(startMillis) + ",\"end_us\":"
                + at(endMillis) + ",\"ok\":true");
    }

    /** A worker begins batch {@code batch} of pool 1, of one item. */
    TraceBuilder taskStart(long pid, long batch, String function, long millis) {
        return event("task_start", pid, at(millis), ",\"pool\":1,\"batch\":" + batch + ",\"function\":"
                + Json.quote(function) + ",\"items\":1");
    }

    TraceBuilder poolShutdown(long pid, long millis, String how) {
        return event("pool_shutdown", pid, at(millis), ",\"pool\":1,\"how\":" + Json.quote(how));
    }

    TraceBuilder callback(long pid, long millis, String function, String callback) {
        return event("callback", pid, at(millis), ",\"pool\":1,\"function\":" + Json.quote(function)
                + ",\"callback\":" + Json.quote(callback));
    }

    TraceBuilder workerExit(long pid, long millis, long worker, long exitCode) {
        return event("worker_exit", pid, at(millis), ",\"pool\":1,\"worker\":" + worker + ",\"exit_code\":" + exitCode);
    }

    TraceBuilder processStart(long pid, long millis, long child, String name, String target) {
        return event("process_start", pid, at(millis), ",\"child_pid\":" + child + ",\"name\":" + Json.quote(name)
                + ",\"target\":" + Json.quote(target));
    }

    TraceBuilder processExit(long pid, long millis, long child, String name, String target, long exitCode) {
        return event("process_exit", pid, at(millis), ",\"child_pid\":" + child + ",\"name\":" + Json.quote(name)
                + ",\"target\":" + Json.quote(target) + ",\"exit_code\":" + exitCode);
    }

    TraceBuilder queue(long pid, long millis, long puts, long gets) {
        return event("queue", pid, at(millis), ",\"queue\":1,\"puts\":" + puts + ",\"gets\":" + gets);
    }

    /** Any line, as it is. */
    TraceBuilder line(String raw) {
        lines.append(raw).append('\n');
        return this;
    }

    private TraceBuilder event(String name, long pid, long timeMicros, String rest) {
        return line("{\"event\":" + Json.quote(name) + ",\"time_us\":" + timeMicros + ",\"pid\":" + pid + rest + "}");
    }

    /** The trace's text. */
    String text() {
        return lines.toString();
    }

    /**
     * The trace read as a timeline, seen from outside: main is {@code mainPid}, the run went from
     * {@code startMillis} to {@code endMillis}, and {@code stoppedBecause} (or null) stopped it.
     */
    Timeline within(long mainPid, long startMillis, long endMillis, String stoppedBecause) {
        return timeline().within(mainPid, at(startMillis), at(endMillis), stoppedBecause);
    }

    /** The trace read as a timeline. */
    Timeline timeline() {
        try {
            return Timeline.read(new StringReader(text()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
