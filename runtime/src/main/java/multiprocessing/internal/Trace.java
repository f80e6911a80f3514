package multiprocessing.internal;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Appends one JSON object per line to the file named by {@code -Dmultiprocessing.trace}.
 *
 * <p>Every process of a run (parent, workers, Processes) appends to the same file. Each event is one
 * {@code write} of one whole line on a file opened for appending, which the operating system keeps
 * whole. When the property is absent, {@link #ENABLED} is false and callers skip building events,
 * so tracing costs nothing when it is off. The format is documented in the runtime's README.
 */
public final class Trace {
    /** Whether this JVM writes trace events. Read once: child JVMs get the property before this class loads. */
    public static final boolean ENABLED = System.getProperty(Config.TRACE) != null;

    private static final long PID = ProcessId.current();
    /** Puts (index 0) and gets (index 1) per queue; atomic, since a producer and a consumer thread count at once. */
    private static final Map<Long, AtomicLongArray> QUEUE_COUNTS = new ConcurrentHashMap<>();
    private static final AtomicBoolean WRITE_FAILURE_REPORTED = new AtomicBoolean();
    private static final AtomicLong QUEUE_EVENTS_WRITTEN = new AtomicLong();
    private static FileOutputStream out;

    static {
        if (ENABLED) {
            Runtime.getRuntime().addShutdownHook(new Thread(Trace::writeQueueCounts, "multiprocessing-trace-exit"));
        }
    }

    private Trace() {
    }

    /** Microseconds since the epoch: comparable across the processes of one machine. */
    public static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    /** Starts an event line; add fields with {@link Event#field} and finish with {@link Event#write()}. */
    public static Event event(String name) {
        return new Event(name);
    }

    /** Counts one put on a queue, reported per process when this JVM exits. */
    public static void queuePut(long queueId) {
        if (ENABLED) {
            counts(queueId).incrementAndGet(0);
        }
    }

    /** Counts one get on a queue, reported per process when this JVM exits. */
    public static void queueGet(long queueId) {
        if (ENABLED) {
            counts(queueId).incrementAndGet(1);
        }
    }

    /**
     * Says that this process put ({@code op} = {@code put}) or took ({@code get}) a {@code null} on a
     * queue: the lab's "no more items" sentinel, whose timing decides whether a consumer sees everything.
     */
    public static void queueNull(long queueId, String op) {
        if (ENABLED) {
            event("queue_null").field("queue", queueId).field("op", op).write();
        }
    }

    private static AtomicLongArray counts(long queueId) {
        return QUEUE_COUNTS.computeIfAbsent(queueId, id -> new AtomicLongArray(2));
    }

    /** Writes the queue counters now; a child calls it before it exits, the hook covers the rest. */
    public static void writeQueueCounts() {
        if (!ENABLED || QUEUE_EVENTS_WRITTEN.getAndIncrement() > 0) {
            return;
        }
        QUEUE_COUNTS.forEach((id, c) -> event("queue").field("queue", id).field("puts", c.get(0)).field("gets", c.get(1))
                .write());
    }

    private static synchronized void append(String line) {
        try {
            if (out == null) {
                out = new FileOutputStream(System.getProperty(Config.TRACE), true);
            }
            out.write(line.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // A trace must never break the program it observes; say so once and carry on.
            if (WRITE_FAILURE_REPORTED.compareAndSet(false, true)) {
                System.err.println("multiprocessing: cannot write the trace file: " + e.getMessage()
                        + " (further trace lines are dropped without a word)");
            }
        }
    }

    /** One trace event under construction. */
    public static final class Event {
        private final StringBuilder json = new StringBuilder(160);

        private Event(String name) {
            json.append("{\"event\":").append(Json.quote(name))
                    .append(",\"time_us\":").append(nowMicros())
                    .append(",\"pid\":").append(PID);
        }

        /** Adds a number field. */
        public Event field(String name, long value) {
            json.append(',').append(Json.quote(name)).append(':').append(value);
            return this;
        }

        /** Adds a string field. */
        public Event field(String name, String value) {
            json.append(',').append(Json.quote(name)).append(':').append(value == null ? "null" : Json.quote(value));
            return this;
        }

        /** Adds a boolean field. */
        public Event field(String name, boolean value) {
            json.append(',').append(Json.quote(name)).append(':').append(value);
            return this;
        }

        /** Adds an array of numbers. */
        public Event field(String name, long[] values) {
            json.append(',').append(Json.quote(name)).append(":[");
            for (int i = 0; i < values.length; i++) {
                json.append(i == 0 ? "" : ",").append(values[i]);
            }
            json.append(']');
            return this;
        }

        /** Appends the finished line to the trace file, if tracing is on. */
        public void write() {
            if (ENABLED) {
                append(json.append("}\n").toString());
            }
        }
    }
}
