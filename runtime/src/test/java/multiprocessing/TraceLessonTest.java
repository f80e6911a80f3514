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
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import multiprocessing.fixtures.LessonTrace;
import multiprocessing.internal.Config;
import multiprocessing.tools.FlatJson;
import multiprocessing.testing.JavaProcess;
import multiprocessing.tools.RunChecks;
import multiprocessing.tools.RunChecks.Finding;
import multiprocessing.tools.Timeline;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

/**
 * Covers the trace events that tell the lab's lessons: {@code submit} and {@code job_done} for every pool
 * call, {@code process_join}, the {@code stopped} field of {@code process_exit}, {@code queue_null} and
 * {@code program_exit}. The {@link LessonTrace} programs run in JVMs of their own (tracing is decided
 * once per JVM), both at once to keep the test short: {@code calls} does everything right and waits for
 * it, {@code leave} returns from main with work still running. The traces are read back line by line
 * with the tests' strict reader, in file order: a process writes its events in the order of its
 * statements, so the order of main's lines is the order of what main did.
 */
@DisplayName("The trace's lesson events (submit, job_done, process_join, stopped, queue_null, program_exit)")
@TestInstance(Lifecycle.PER_CLASS)
class TraceLessonTest {
    private static final Duration RUN_LIMIT = Duration.ofSeconds(120);
    private static final List<String> SCENARIOS = List.of("calls", "leave");
    private static final String FIXTURE = LessonTrace.class.getName() + ".";

    private Path directory;
    private final Map<String, Recording> recordings = new HashMap<>();

    /** One scenario's run: what it printed, its trace's lines and events (in file order), and its timeline. */
    private record Recording(List<String> stdout, List<String> lines, List<Map<String, Object>> events,
                             Timeline timeline) {

        long pidOf(String prefix) {
            String line = stdout.stream().filter(l -> l.startsWith(prefix + " ")).findFirst()
                    .orElseThrow(() -> new AssertionError("no line " + prefix + " in " + stdout));
            return Long.parseLong(line.split(" ")[1]);
        }

        long main() {
            return pidOf("MAIN");
        }

        /** Indexes (file positions) of the events of {@code kind} that match {@code filter}. */
        List<Integer> at(String kind, Predicate<Map<String, Object>> filter) {
            return IntStream.range(0, events.size())
                    .filter(i -> kind.equals(events.get(i).get("event")) && filter.test(events.get(i))).boxed()
                    .toList();
        }

        List<Map<String, Object>> events(String kind) {
            return events(kind, e -> true);
        }

        List<Map<String, Object>> events(String kind, Predicate<Map<String, Object>> filter) {
            return at(kind, filter).stream().map(events::get).toList();
        }

        Map<String, Object> only(String kind, Predicate<Map<String, Object>> filter) {
            List<Map<String, Object>> found = events(kind, filter);
            assertEquals(1, found.size(), "matching " + kind + " events in\n" + String.join("\n", lines));
            return found.get(0);
        }

        String trace() {
            return String.join("\n", lines);
        }
    }

    @BeforeAll
    void runScenarios() throws Exception {
        directory = Files.createTempDirectory("lesson-trace-test-");
        List<JavaProcess> programs = new ArrayList<>();
        try {
            for (String scenario : SCENARIOS) {
                programs.add(JavaProcess.start(List.of("-D" + Config.TRACE + "=" + trace(scenario)),
                        LessonTrace.class, scenario));
            }
            for (int i = 0; i < SCENARIOS.size(); i++) {
                JavaProcess program = programs.get(i);
                assertEquals(0, program.waitFor(RUN_LIMIT), SCENARIOS.get(i) + " failed: " + program.describe());
                List<String> lines = Files.readAllLines(trace(SCENARIOS.get(i)));
                List<Map<String, Object>> events = lines.stream().map(FlatJson::parse).toList();
                recordings.put(SCENARIOS.get(i), new Recording(program.stdoutLines(), lines, events,
                        Timeline.read(trace(SCENARIOS.get(i)))));
            }
        } finally {
            programs.forEach(JavaProcess::close);
        }
    }

    @AfterAll
    void deleteTraces() throws IOException {
        if (directory != null) {
            try (var files = Files.walk(directory)) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
            }
        }
    }

    private Path trace(String scenario) {
        return directory.resolve(scenario + ".jsonl");
    }

    private Recording calls() {
        return recordings.get("calls");
    }

    private Recording leave() {
        return recordings.get("leave");
    }

    private static Predicate<Map<String, Object>> field(String name, Object value) {
        return event -> value.equals(event.get(name));
    }

    private static Predicate<Map<String, Object>> function(String method) {
        return field("function", FIXTURE + method);
    }

    private static long number(Map<String, Object> event, String name) {
        Object value = event.get(name);
        assertTrue(value instanceof Long, name + " is not a number in " + event);
        return (Long) value;
    }

    /** Whole numbers 1..n as Longs, as the strict reader gives them. */
    private static List<Object> oneTo(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> (Object) (long) i).toList();
    }

    /** The job_done of the job that {@code submit} handed over (same pid, pool and job). */
    private static Predicate<Map<String, Object>> doneOf(Map<String, Object> submit) {
        return field("pid", submit.get("pid")).and(field("pool", submit.get("pool"))).and(field("job", submit.get("job")));
    }

    @Nested
    @DisplayName("submit")
    class Submit {

        @Test
        @DisplayName("is written once per call, by main, naming map, mapAsync, apply and applyAsync in call order")
        void callNames() {
            List<Object> calls = calls().events("submit").stream().map(e -> e.get("call")).toList();
            List<Object> expected = new ArrayList<>(List.of("map", "mapAsync", "apply", "applyAsync"));
            expected.addAll(Collections.nCopies(2 * LessonTrace.ROUND, "applyAsync"));
            assertEquals(expected, calls, calls().trace());
        }

        @Test
        @DisplayName("comes from main's pid")
        void fromMain() {
            Set<Object> pids = calls().events("submit").stream().map(e -> e.get("pid")).collect(Collectors.toSet());
            assertEquals(Set.of(calls().main()), pids);
        }

        @Test
        @DisplayName("map: the pool, job 1, the function, 4 items and a null callback")
        void mapFields() {
            Map<String, Object> map = calls().only("submit", field("call", "map"));
            assertAll(() -> assertEquals(calls().only("pool_start", e -> true).get("pool"), map.get("pool")),
                    () -> assertEquals(1L, map.get("job")),
                    () -> assertEquals(FIXTURE + "square", map.get("function")),
                    () -> assertEquals(4L, map.get("items")),
                    () -> assertTrue(map.containsKey("callback") && map.get("callback") == null, "callback: " + map));
        }

        @Test
        @DisplayName("mapAsync: 3 items and the callback's name")
        void mapAsyncFields() {
            Map<String, Object> mapAsync = calls().only("submit", field("call", "mapAsync"));
            assertEquals(List.of(FIXTURE + "square", 3L, FIXTURE + "squares"),
                    List.of(mapAsync.get("function"), mapAsync.get("items"), mapAsync.get("callback")));
        }

        @Test
        @DisplayName("apply: 1 item and a null callback")
        void applyFields() {
            Map<String, Object> apply = calls().only("submit", field("call", "apply"));
            assertAll(() -> assertEquals(List.of(FIXTURE + "cube", 1L), List.of(apply.get("function"), apply.get("items"))),
                    () -> assertTrue(apply.containsKey("callback") && apply.get("callback") == null, "callback: " + apply));
        }

        @Test
        @DisplayName("applyAsync: 1 item and the callback's name")
        void applyAsyncFields() {
            Map<String, Object> applyAsync = calls().only("submit", field("call", "applyAsync").and(function("cube")));
            assertEquals(List.of(1L, FIXTURE + "cubed"), List.of(applyAsync.get("items"), applyAsync.get("callback")));
        }

        @Test
        @DisplayName("numbers the jobs of a pool 1, 2, 3, ... in submit order")
        void jobNumbers() {
            List<Object> jobs = calls().events("submit").stream().map(e -> e.get("job")).toList();
            assertEquals(oneTo(jobs.size()), jobs);
        }

        @Test
        @DisplayName("is not written for a call that a closed pool refuses")
        void refusedCall() {
            assertAll(() -> assertTrue(calls().stdout().contains("REFUSED AFTER CLOSE"), "stdout: " + calls().stdout()),
                    () -> assertEquals(2, calls().events("submit", function("cube")).size(),
                            "submits of cube (apply and applyAsync; the refused one must not count):\n"
                                    + calls().trace()));
        }
    }

    @Nested
    @DisplayName("job_done")
    class JobDone {

        @Test
        @DisplayName("is written once for every job, by main, with ok true")
        void oncePerJob() {
            assertAll(calls().events("submit").stream().map(submit -> () -> {
                List<Map<String, Object>> done = calls().events("job_done", doneOf(submit));
                assertEquals(1, done.size(), "job_done events for " + submit);
                assertEquals(Boolean.TRUE, done.get(0).get("ok"), "ok of " + done.get(0));
            }));
        }

        @Test
        @DisplayName("get() right after each applyAsync: every job_done comes before the next submit")
        void oneByOne() {
            List<Integer> submits = calls().at("submit", function("oneByOne"));
            assertEquals(LessonTrace.ROUND, submits.size(), calls().trace());
            assertAll(IntStream.range(0, submits.size() - 1).mapToObj(k -> () -> {
                Map<String, Object> submit = calls().events().get(submits.get(k));
                List<Integer> done = calls().at("job_done", doneOf(submit));
                assertTrue(done.get(0) < submits.get(k + 1), "job " + submit.get("job") + " was done at line "
                        + done.get(0) + ", after the next submit at line " + submits.get(k + 1));
            }));
        }

        @Test
        @DisplayName("submitting all first: every submit comes before the first of their job_dones")
        void allAtOnce() {
            List<Integer> submits = calls().at("submit", function("allAtOnce"));
            int firstDone = submits.stream().map(i -> calls().at("job_done", doneOf(calls().events().get(i))).get(0))
                    .min(Integer::compare).orElseThrow();
            assertTrue(submits.get(submits.size() - 1) < firstDone, "last submit at line "
                    + submits.get(submits.size() - 1) + ", first job_done at line " + firstDone + ":\n" + calls().trace());
        }

        @Test
        @DisplayName("comes after the job's callback")
        void afterCallback() {
            Map<String, Object> applyAsync = calls().only("submit", field("call", "applyAsync").and(function("cube")));
            int callback = calls().at("callback", field("callback", FIXTURE + "cubed")).get(0);
            int done = calls().at("job_done", doneOf(applyAsync)).get(0);
            assertTrue(callback < done, "callback at line " + callback + ", job_done at line " + done);
        }
    }

    @Nested
    @DisplayName("process_join")
    class ProcessJoin {

        @Test
        @DisplayName("is written once although join() was called twice")
        void once() {
            long child = calls().pidOf("RETURNED");
            assertEquals(1, calls().events("process_join", field("child_pid", child)).size(), calls().trace());
        }

        @Test
        @DisplayName("comes from the parent's pid and names the target")
        void fromParent() {
            long child = calls().pidOf("RETURNED");
            Map<String, Object> join = calls().only("process_join", field("child_pid", child));
            assertEquals(List.of(calls().main(), FIXTURE + "returns"), List.of(join.get("pid"), join.get("target")));
        }

        @Test
        @DisplayName("comes after the child's process_exit")
        void afterExit() {
            long child = calls().pidOf("RETURNED");
            int exit = calls().at("process_exit", field("child_pid", child)).get(0);
            int join = calls().at("process_join", field("child_pid", child)).get(0);
            assertTrue(exit < join, "process_exit at line " + exit + ", process_join at line " + join);
        }

        @Test
        @DisplayName("is not written for a Process that main never joined")
        void notJoined() {
            long child = leave().pidOf("RUNNING");
            assertTrue(leave().events("process_join", field("child_pid", child)).isEmpty(), leave().trace());
        }
    }

    @Nested
    @DisplayName("process_exit's stopped")
    class Stopped {

        @Test
        @DisplayName("is absent for a child whose target returned")
        void returned() {
            Map<String, Object> exit = calls().only("process_exit", field("child_pid", calls().pidOf("RETURNED")));
            assertAll(() -> assertFalse(exit.containsKey("stopped"), "stopped in " + exit),
                    () -> assertEquals(0L, exit.get("exit_code")));
        }

        @Test
        @DisplayName("is terminate after terminate()")
        void terminated() {
            Map<String, Object> exit = calls().only("process_exit", field("child_pid", calls().pidOf("TERMINATED")));
            assertEquals("terminate", exit.get("stopped"), "in " + exit);
        }

        @Test
        @DisplayName("is exit, written by main, when main returned without joining a running Process")
        void stoppedAtExit() {
            Map<String, Object> exit = leave().only("process_exit", field("child_pid", leave().pidOf("RUNNING")));
            assertEquals(List.of("exit", leave().main()), List.of(exit.get("stopped"), exit.get("pid")), "in " + exit);
        }
    }

    @Nested
    @DisplayName("queue_null")
    class QueueNull {

        @Test
        @DisplayName("main's put(null) is one put, from main's pid")
        void putByMain() {
            List<Map<String, Object>> puts = calls().events("queue_null", field("op", "put"));
            assertEquals(List.of(calls().main()), puts.stream().map(e -> e.get("pid")).toList(), calls().trace());
        }

        @Test
        @DisplayName("the consumer's get of the null is one get, from the consumer's pid, on the same queue")
        void getByConsumer() {
            Map<String, Object> put = calls().only("queue_null", field("op", "put"));
            List<Map<String, Object>> gets = calls().events("queue_null", field("op", "get"));
            assertEquals(List.of(List.of(calls().pidOf("CONSUMER"), put.get("queue"))),
                    gets.stream().map(e -> List.of(e.get("pid"), e.get("queue"))).toList(), calls().trace());
        }

        @Test
        @DisplayName("items that are not null are not reported")
        void onlyNulls() {
            assertAll(() -> assertTrue(calls().stdout().contains("CONSUMED " + LessonTrace.ITEMS), "stdout: "
                            + calls().stdout()),
                    () -> assertEquals(2, calls().events("queue_null").size(), calls().trace()));
        }
    }

    @Nested
    @DisplayName("program_exit")
    class ProgramExit {

        @Test
        @DisplayName("after a program that closed and joined everything: nothing left open")
        void nothingLeft() {
            Map<String, Object> exit = calls().only("program_exit", e -> true);
            assertEquals(List.of(calls().main(), 0L, 0L, 0L), List.of(exit.get("pid"), exit.get("open_pools"),
                    exit.get("unfinished_jobs"), exit.get("live_processes")));
        }

        @Test
        @DisplayName("main returned without waiting: one open pool")
        void openPool() {
            assertEquals(1L, leave().only("program_exit", e -> true).get("open_pools"));
        }

        @Test
        @DisplayName("main returned without waiting: unfinished_jobs > 0, the jobs with no job_done before it")
        void unfinishedJobs() {
            int exitAt = leave().at("program_exit", e -> true).get(0);
            long notDone = leave().events("submit").stream()
                    .filter(submit -> leave().at("job_done", doneOf(submit)).stream().noneMatch(i -> i < exitAt))
                    .count();
            long unfinished = number(leave().events().get(exitAt), "unfinished_jobs");
            assertAll(() -> assertTrue(unfinished > 0, "unfinished_jobs " + unfinished + ":\n" + leave().trace()),
                    () -> assertEquals(notDone, unfinished, leave().trace()));
        }

        @Test
        @DisplayName("main returned with a Process still running: live_processes 1")
        void liveProcess() {
            assertEquals(1L, leave().only("program_exit", e -> true).get("live_processes"));
        }

        @Test
        @DisplayName("is written before the exit stops anything: before the stopped Process's process_exit")
        void first() {
            int exit = leave().at("program_exit", e -> true).get(0);
            int stopped = leave().at("process_exit", field("stopped", "exit")).get(0);
            assertTrue(exit < stopped, "program_exit at line " + exit + ", process_exit at line " + stopped);
        }

        @Test
        @DisplayName("is not written by workers or Process children, though they wrote events of their own")
        void onlyMain() {
            Set<Object> writers = calls().events().stream().map(e -> e.get("pid")).collect(Collectors.toSet());
            Set<Object> exits = calls().events("program_exit").stream().map(e -> e.get("pid"))
                    .collect(Collectors.toSet());
            assertAll(() -> assertTrue(writers.size() > 1, "only main wrote events:\n" + calls().trace()),
                    () -> assertEquals(Set.of(calls().main()), exits, calls().trace()));
        }

        @Test
        @DisplayName("is not written by the children that main's exit stopped")
        void notByStoppedChildren() {
            List<Object> exits = leave().events("program_exit").stream().map(e -> e.get("pid")).toList();
            assertEquals(List.of(leave().main()), exits, leave().trace());
        }
    }

    @Nested
    @DisplayName("read back by RunChecks")
    class ReadBack {

        private RunChecks checks(Recording recording) {
            return new RunChecks(recording.timeline());
        }

        @Test
        @DisplayName("the timeline's main is the program's pid")
        void mainPid() {
            assertEquals(calls().main(), calls().timeline().mainPid());
        }

        @Test
        @DisplayName("get() right after each applyAsync is found out")
        void oneByOneFound() {
            Finding finding = checks(calls()).handedOverAtOnce(FIXTURE + "oneByOne", "applyAsync");
            assertTrue(finding.problem().contains("get() or await() right after it"), finding.toString());
        }

        @Test
        @DisplayName("applyAsync in a loop, awaited after it, passes")
        void allAtOncePasses() {
            assertEquals(new Finding(true, "", ""), checks(calls()).handedOverAtOnce(FIXTURE + "allAtOnce", "applyAsync"));
        }

        @Test
        @DisplayName("a program that waited passes waitedForResults")
        void waited() {
            assertTrue(checks(calls()).waitedForResults(FIXTURE + "allAtOnce").ok());
        }

        @Test
        @DisplayName("a program that returned at once fails waitedForResults")
        void notWaited() {
            Finding finding = checks(leave()).waitedForResults(FIXTURE + "slowly");
            assertTrue(finding.problem().startsWith("main returned while"), finding.toString());
        }

        @Test
        @DisplayName("a Process main left running was still running when main returned")
        void leftRunning() {
            Finding finding = checks(leave()).endedByItself(FIXTURE + "sleeps");
            assertTrue(finding.problem().contains("still running when main returned"), finding.toString());
        }

        @Test
        @DisplayName("a terminated Process was stopped with terminate()")
        void terminated() {
            Finding finding = checks(calls()).endedByItself(FIXTURE + "sleeps");
            assertTrue(finding.problem().contains("with terminate()"), finding.toString());
        }

        @Test
        @DisplayName("a Process that returned and was joined ended by itself")
        void returned() {
            assertTrue(checks(calls()).endedByItself(FIXTURE + "returns").ok());
        }
    }
}
