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

    /** A {@code pool_start} of pool number {@code pool} (as a process's second pool writes it). */
    TraceBuilder poolStartAs(long pid, long millis, long pool, long... workers) {
        return event("pool_start", pid, at(millis), ",\"pool\":" + pool + ",\"size\":" + workers.length
                + ",\"workers\":[" + Arrays.stream(workers).mapToObj(Long::toString).collect(Collectors.joining(","))
                + "]");
    }

    /** A {@code pool_shutdown}; {@code how} is {@code close} or {@code terminate}. */
    TraceBuilder poolShutdown(long pid, long millis, long pool, String how) {
        return event("pool_shutdown", pid, at(millis), ",\"pool\":" + pool + ",\"how\":" + Json.quote(how));
    }

    /** A {@code submit} of one item without a callback, in pool 1. */
    TraceBuilder submit(long pid, long millis, long job, String function, String call) {
        return submit(pid, millis, 1, job, function, call, 1, null);
    }

    /** A {@code submit}; {@code callback} may be null, as the runtime writes a call without one. */
    TraceBuilder submit(long pid, long millis, long pool, long job, String function, String call, long items,
                        String callback) {
        return event("submit", pid, at(millis), ",\"pool\":" + pool + ",\"job\":" + job + ",\"function\":"
                + Json.quote(function) + ",\"call\":" + Json.quote(call) + ",\"items\":" + items + ",\"callback\":"
                + (callback == null ? "null" : Json.quote(callback)));
    }

    /** A successful {@code job_done} in pool 1. */
    TraceBuilder jobDone(long pid, long millis, long job) {
        return jobDone(pid, millis, 1, job, true);
    }

    TraceBuilder jobDone(long pid, long millis, long pool, long job, boolean ok) {
        return event("job_done", pid, at(millis), ",\"pool\":" + pool + ",\"job\":" + job + ",\"ok\":" + ok);
    }

    /** A {@code process_exit} of a child that someone stopped: {@code stopped} is terminate, kill or exit. */
    TraceBuilder processExit(long pid, long millis, long child, String name, String target, long exitCode,
                             String stopped) {
        return event("process_exit", pid, at(millis), ",\"child_pid\":" + child + ",\"name\":" + Json.quote(name)
                + ",\"target\":" + Json.quote(target) + ",\"exit_code\":" + exitCode + ",\"stopped\":"
                + Json.quote(stopped));
    }

    TraceBuilder processJoin(long pid, long millis, long child, String name, String target) {
        return event("process_join", pid, at(millis), ",\"child_pid\":" + child + ",\"name\":" + Json.quote(name)
                + ",\"target\":" + Json.quote(target));
    }

    /** A {@code queue_null} on queue 1; {@code op} is {@code put} or {@code get}. */
    TraceBuilder queueNull(long pid, long millis, String op) {
        return event("queue_null", pid, at(millis), ",\"queue\":1,\"op\":" + Json.quote(op));
    }

    TraceBuilder programExit(long pid, long millis, long openPools, long unfinishedJobs, long liveProcesses) {
        return event("program_exit", pid, at(millis), ",\"open_pools\":" + openPools + ",\"unfinished_jobs\":"
                + unfinishedJobs + ",\"live_processes\":" + liveProcesses);
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
