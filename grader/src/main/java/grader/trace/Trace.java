package grader.trace;

import grader.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The trace a sandboxed run left behind, with the questions the grader asks of it: where did tasks
 * run, how many at once, did callbacks run in the parent. Lines that are not valid JSON objects are
 * counted and skipped, never trusted.
 *
 * @param events         the events in file order
 * @param malformedLines lines that could not be read
 */
public record Trace(List<TraceEvent> events, int malformedLines) {
    /** Traces larger than this are read only in part: an honest run writes a few kilobytes. */
    private static final long MAX_BYTES = 8L * 1024 * 1024;

    /** An empty trace: the run wrote none (or tracing never started). */
    public static Trace empty() {
        return new Trace(List.of(), 0);
    }

    /** Reads a trace file; a missing file is an empty trace. */
    public static Trace read(Path file) {
        if (!Files.isRegularFile(file)) {
            return empty();
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            String text = new String(bytes, 0, (int) Math.min(bytes.length, MAX_BYTES), StandardCharsets.UTF_8);
            return parse(text);
        } catch (IOException e) {
            return empty();
        }
    }

    /** Parses trace text. */
    public static Trace parse(String text) {
        List<TraceEvent> events = new ArrayList<>();
        int malformed = 0;
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                Map<String, Object> fields = Json.parseObject(line);
                events.add(new TraceEvent(fields));
            } catch (IllegalArgumentException e) {
                malformed++;
            }
        }
        return new Trace(List.copyOf(events), malformed);
    }

    /** The events of one kind, in file order. */
    public List<TraceEvent> ofKind(String kind) {
        return events.stream().filter(e -> e.kind().equals(kind)).toList();
    }

    /** The task batches whose worker pid is not {@code mainPid}. */
    public List<TraceEvent> tasksOutside(long mainPid) {
        return ofKind("task").stream().filter(e -> e.pid() != mainPid).toList();
    }

    /** The distinct pids that ran task batches. */
    public Set<Long> taskPids() {
        return ofKind("task").stream().map(TraceEvent::pid).collect(Collectors.toCollection(TreeSet::new));
    }

    /** How many items the task batches held in all. */
    public long taskItems() {
        return ofKind("task").stream().mapToLong(e -> Math.max(0, e.number("items"))).sum();
    }

    /** The most task batches that ran at the same moment, from their start and end times. */
    public int maxConcurrentTasks() {
        List<long[]> edges = new ArrayList<>();
        for (TraceEvent task : ofKind("task")) {
            long start = task.number("start_us");
            long end = task.number("end_us");
            if (start >= 0 && end >= start) {
                edges.add(new long[] {start, 1});
                edges.add(new long[] {end, -1});
            }
        }
        // Ends sort before starts at the same instant: touching intervals do not overlap.
        edges.sort(Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1]));
        int running = 0;
        int most = 0;
        for (long[] edge : edges) {
            running += (int) edge[1];
            most = Math.max(most, running);
        }
        return most;
    }

    /** Microseconds from the first task's start to the last task's end, or 0 without tasks. */
    public long taskSpanMicros() {
        List<TraceEvent> tasks = ofKind("task");
        long first = tasks.stream().mapToLong(e -> e.number("start_us")).filter(v -> v >= 0).min().orElse(0);
        long last = tasks.stream().mapToLong(e -> e.number("end_us")).max().orElse(0);
        return Math.max(0, last - first);
    }
}
