package multiprocessing;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import multiprocessing.fixtures.QueueCountRace;
import multiprocessing.fixtures.TraceFormat;
import multiprocessing.fixtures.TraceParent;
import multiprocessing.internal.Config;
import multiprocessing.internal.Trace;
import multiprocessing.tools.FlatJson;
import multiprocessing.testing.JavaProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.io.TempDir;

/**
 * Covers the JSON-lines trace that {@code -Dmultiprocessing.trace=FILE} turns on. Tracing is decided
 * once per JVM, so the traced program is a separate JVM ({@link TraceParent}): a pool of two maps and
 * applies with a callback, then a Process feeds a queue. The test reads the file back and checks the
 * pool, task, callback, process and queue events against what the program reported, and checks the
 * line format with {@link TraceFormat}. Without the property, nothing is traced.
 */
@DisplayName("The trace (-Dmultiprocessing.trace)")
@TestInstance(Lifecycle.PER_CLASS)
class TraceTest {
    private static final Duration RUN_LIMIT = Duration.ofSeconds(120);

    private Path directory;
    private List<String> lines;
    private List<Map<String, Object>> events;
    private long parentPid;
    private long processPid;
    private long runStartedMicros;
    private long runEndedMicros;

    @BeforeAll
    void runTracedProgram() throws Exception {
        directory = Files.createTempDirectory("trace-test-");
        Path trace = directory.resolve("trace.jsonl");
        runStartedMicros = Trace.nowMicros();
        try (JavaProcess program = JavaProcess.start(List.of("-D" + Config.TRACE + "=" + trace), TraceParent.class)) {
            Integer exit = program.waitFor(RUN_LIMIT);
            assertEquals(0, exit, "the traced program failed: " + program.describe());
            List<String> out = program.stdoutLines();
            parentPid = Long.parseLong(find(out, "PARENT ").split(" ")[1]);
            processPid = Long.parseLong(find(out, "PROCESS ").split(" ")[1]);
        }
        runEndedMicros = Trace.nowMicros();
        lines = Files.readAllLines(trace);
        events = new ArrayList<>();
        for (String line : lines) {
            events.add(FlatJson.parse(line));
        }
    }

    @AfterAll
    void deleteTrace() throws IOException {
        if (directory != null) {
            try (var files = Files.walk(directory)) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static String find(List<String> lines, String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no line starting with " + prefix + " in " + lines));
    }

    private List<Map<String, Object>> events(String name) {
        return events.stream().filter(e -> name.equals(e.get("event"))).toList();
    }

    private Map<String, Object> only(String name) {
        List<Map<String, Object>> found = events(name);
        assertEquals(1, found.size(), "number of " + name + " events in\n" + String.join("\n", lines));
        return found.get(0);
    }

    private static long number(Map<String, Object> event, String field) {
        Object value = event.get(field);
        assertTrue(value instanceof Long, field + " is not a number in " + event);
        return (Long) value;
    }

    private List<Map<String, Object>> tasks(String method) {
        String function = TraceParent.class.getName() + "." + method;
        return events("task").stream().filter(e -> function.equals(e.get("function"))).toList();
    }

    @Nested
    @DisplayName("line format")
    class Format {

        @Test
        @DisplayName("every line is one flat JSON object that starts with event, time_us and pid")
        void commonFields() {
            assertAll(events.stream().map(e -> () -> assertEquals(List.of("event", "time_us", "pid"),
                    e.keySet().stream().limit(3).toList(), "first fields of " + e)));
        }

        @Test
        @DisplayName("every time_us lies within the run")
        void timesWithinRun() {
            assertAll(events.stream().map(e -> () -> {
                long time = number(e, "time_us");
                assertTrue(time >= runStartedMicros && time <= runEndedMicros, "time_us out of the run: " + e);
            }));
        }

        /** Runs {@code program} with the trace on, into a file under {@code temp}; returns the trace's lines. */
        private static List<String> traceOf(Class<?> program, Path temp) throws Exception {
            Path trace = temp.resolve(program.getSimpleName() + ".jsonl");
            try (JavaProcess probe = JavaProcess.start(List.of("-D" + Config.TRACE + "=" + trace), program)) {
                assertEquals(0, probe.waitFor(RUN_LIMIT), probe.describe());
            }
            return Files.readAllLines(trace);
        }

        @Test
        @DisplayName("queue counts lose no put when threads count at once")
        void queueCountsAreExact(@TempDir Path temp) throws Exception {
            Map<String, Object> counts = FlatJson.parse(traceOf(QueueCountRace.class, temp).get(0));
            assertEquals((long) QueueCountRace.THREADS * QueueCountRace.PER_THREAD, counts.get("puts"));
        }

        @Test
        @DisplayName("every kind of field is written as valid JSON, strings escaped")
        void everyFieldKind(@TempDir Path temp) throws Exception {
            List<String> written = traceOf(TraceFormat.class, temp);
            assertEquals(1, written.size(), "one event expected: " + written);
            Map<String, Object> event = FlatJson.parse(written.get(0));
            assertAll(
                    () -> assertEquals("format_probe", event.get("event")),
                    () -> assertEquals(-42L, event.get("number")),
                    () -> assertEquals("quote \" backslash \\ newline \n tab \t <tag> & \u2028", event.get("text")),
                    () -> assertTrue(event.containsKey("nothing") && event.get("nothing") == null, "null field"),
                    () -> assertEquals(Boolean.TRUE, event.get("yes")),
                    () -> assertEquals(Boolean.FALSE, event.get("no")),
                    () -> assertEquals(List.of(1L, -2L, 3L), event.get("numbers")),
                    () -> assertEquals(List.of(), event.get("empty")));
        }
    }

    @Nested
    @DisplayName("pool events")
    class PoolEvents {

        @Test
        @DisplayName("pool_start comes from the parent with size 2")
        void poolStart() {
            Map<String, Object> start = only("pool_start");
            assertAll(() -> assertEquals(parentPid, number(start, "pid")),
                    () -> assertEquals(2L, number(start, "size")));
        }

        @Test
        @DisplayName("pool_start lists 2 workers, the very processes that ran the tasks")
        void workersRanTheTasks() {
            @SuppressWarnings("unchecked")
            List<Long> workers = (List<Long>) only("pool_start").get("workers");
            Set<Long> taskPids = events("task").stream().map(e -> number(e, "pid")).collect(Collectors.toSet());
            // Two idle workers each get a batch at once, so both run tasks.
            assertAll(() -> assertEquals(2, new HashSet<>(workers).size(), "workers: " + workers),
                    () -> assertEquals(new HashSet<>(workers), taskPids, "the task events' pids"));
        }

        @Test
        @DisplayName("pool_shutdown comes from the parent after close")
        void poolShutdown() {
            Map<String, Object> shutdown = only("pool_shutdown");
            assertAll(() -> assertEquals(parentPid, number(shutdown, "pid")),
                    () -> assertEquals("close", shutdown.get("how")),
                    () -> assertEquals(only("pool_start").get("pool"), shutdown.get("pool")));
        }
    }

    @Nested
    @DisplayName("task events")
    class TaskEvents {

        @Test
        @DisplayName("name the task's function")
        void functionNames() {
            assertAll(() -> assertFalse(tasks("square").isEmpty(), "no task event for TraceParent.square"),
                    () -> assertEquals(1, tasks("cube").size(), "task events for TraceParent.cube"));
        }

        @Test
        @DisplayName("count items that sum to the number of items mapped")
        void itemsSumUp() {
            long items = tasks("square").stream().mapToLong(e -> number(e, "items")).sum();
            assertEquals(TraceParent.MAP_ITEMS, items);
        }

        @Test
        @DisplayName("start no later than they end")
        void startBeforeEnd() {
            assertAll(events("task").stream().map(e -> () ->
                    assertTrue(number(e, "start_us") <= number(e, "end_us"), "start after end: " + e)));
        }

        @Test
        @DisplayName("come from workers, never from the parent, and report success")
        void fromWorkers() {
            assertAll(events("task").stream().map(e -> () -> assertAll(
                    () -> assertTrue(number(e, "pid") != parentPid, "a task event from the parent: " + e),
                    () -> assertEquals(Boolean.TRUE, e.get("ok"), "ok in " + e))));
        }
    }

    @Nested
    @DisplayName("task_start events")
    class TaskStartEvents {

        /** pid, pool and batch: what pairs a task_start with its task. */
        private static List<Object> key(Map<String, Object> event) {
            return List.of(event.get("pid"), event.get("pool"), event.get("batch"));
        }

        @Test
        @DisplayName("every task names its batch")
        void taskHasBatch() {
            assertAll(events("task").stream().map(e -> () ->
                    assertTrue(e.get("batch") instanceof Long, "no batch in " + e)));
        }

        @Test
        @DisplayName("one task_start per task, paired by pid, pool and batch")
        void paired() {
            assertEquals(events("task").stream().map(TraceTest.TaskStartEvents::key).sorted(
                    Comparator.comparing(Object::toString)).toList(),
                    events("task_start").stream().map(TraceTest.TaskStartEvents::key).sorted(
                            Comparator.comparing(Object::toString)).toList());
        }

        @Test
        @DisplayName("a task_start names the same function and items as its task")
        void sameFunctionAndItems() {
            Map<List<Object>, Map<String, Object>> starts = events("task_start").stream()
                    .collect(Collectors.toMap(TraceTest.TaskStartEvents::key, e -> e, (a, b) -> a));
            assertAll(events("task").stream().map(task -> () -> {
                Map<String, Object> start = starts.get(key(task));
                assertTrue(start != null, "no task_start for " + task);
                assertEquals(List.of(task.get("function"), task.get("items")),
                        List.of(start.get("function"), start.get("items")), "task_start of " + task);
            }));
        }

        @Test
        @DisplayName("a task_start is written while its task runs: between its start_us and end_us")
        void writtenWhileRunning() {
            Map<List<Object>, Map<String, Object>> starts = events("task_start").stream()
                    .collect(Collectors.toMap(TraceTest.TaskStartEvents::key, e -> e, (a, b) -> a));
            assertAll(events("task").stream().filter(task -> starts.containsKey(key(task))).map(task -> () -> {
                long time = number(starts.get(key(task)), "time_us");
                assertTrue(number(task, "start_us") <= time && time <= number(task, "end_us"),
                        "task_start at " + time + " for " + task);
            }));
        }

        @Test
        @DisplayName("the timeline of a finished run has no unfinished task")
        void noneUnfinished() throws IOException {
            assertEquals(List.of(), multiprocessing.tools.Timeline.read(directory.resolve("trace.jsonl")).unfinishedTasks());
        }
    }

    @Nested
    @DisplayName("callback events")
    class CallbackEvents {

        @Test
        @DisplayName("come from the parent's pid and name the task")
        void fromParent() {
            Map<String, Object> callback = only("callback");
            assertAll(() -> assertEquals(parentPid, number(callback, "pid")),
                    () -> assertEquals(TraceParent.class.getName() + ".cube", callback.get("function")));
        }
    }

    @Nested
    @DisplayName("process events")
    class ProcessEvents {

        @Test
        @DisplayName("process_start names the child's pid and target")
        void processStart() {
            Map<String, Object> start = only("process_start");
            assertAll(() -> assertEquals(parentPid, number(start, "pid")),
                    () -> assertEquals(processPid, number(start, "child_pid")),
                    () -> assertEquals(TraceParent.class.getName() + ".produce", start.get("target")));
        }

        @Test
        @DisplayName("process_exit reports exit code 0")
        void processExit() {
            Map<String, Object> exit = only("process_exit");
            assertAll(() -> assertEquals(processPid, number(exit, "child_pid")),
                    () -> assertEquals(0L, number(exit, "exit_code")));
        }
    }

    @Nested
    @DisplayName("queue events")
    class QueueEvents {

        private Map<String, Object> queueEventOf(long pid) {
            List<Map<String, Object>> found = events("queue").stream().filter(e -> number(e, "pid") == pid).toList();
            assertEquals(1, found.size(), "queue events of pid " + pid + " in\n" + String.join("\n", lines));
            return found.get(0);
        }

        @Test
        @DisplayName("the producing Process reports its puts")
        void producerPuts() {
            Map<String, Object> producer = queueEventOf(processPid);
            assertAll(() -> assertEquals((long) TraceParent.QUEUE_ITEMS, number(producer, "puts")),
                    () -> assertEquals(0L, number(producer, "gets")));
        }

        @Test
        @DisplayName("the consuming parent reports its gets")
        void consumerGets() {
            Map<String, Object> consumer = queueEventOf(parentPid);
            assertAll(() -> assertEquals(0L, number(consumer, "puts")),
                    () -> assertEquals((long) TraceParent.QUEUE_ITEMS, number(consumer, "gets")));
        }
    }

    @Nested
    @DisplayName("when the file cannot be written")
    class Unwritable {

        @Test
        @DisplayName("the program still runs to the end and says so once on stderr")
        void programUnharmed(@TempDir Path temp) throws Exception {
            Path directoryInstead = Files.createDirectory(temp.resolve("a directory, not a file"));
            try (JavaProcess probe = JavaProcess.start(List.of("-D" + Config.TRACE + "=" + directoryInstead),
                    TraceFormat.class)) {
                assertEquals(0, probe.waitFor(RUN_LIMIT), probe.describe());
                assertTrue(probe.stderr().contains("cannot write the trace file"), probe.describe());
            }
        }
    }

    @Nested
    @DisplayName("when the property is absent")
    class Off {

        @Test
        @DisplayName("tracing is off in a JVM started without it")
        void disabledHere() {
            assertFalse(Trace.ENABLED, "this test JVM has no -D" + Config.TRACE + ", so Trace.ENABLED must be false");
        }

        @Test
        @DisplayName("setting the property later writes nothing: the decision is made once")
        void noFileWritten(@TempDir Path temp) {
            Path file = temp.resolve("late.jsonl");
            String previous = System.getProperty(Config.TRACE);
            System.setProperty(Config.TRACE, file.toString());
            try {
                Trace.event("late").field("x", 1L).write();
                Trace.queuePut(1);
                Trace.writeQueueCounts();
            } finally {
                if (previous == null) {
                    System.clearProperty(Config.TRACE);
                } else {
                    System.setProperty(Config.TRACE, previous);
                }
            }
            assertFalse(Files.exists(file), "a trace file was written although tracing is off");
        }
    }
}
