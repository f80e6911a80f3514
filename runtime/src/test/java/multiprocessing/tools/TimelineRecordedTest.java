package multiprocessing.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import multiprocessing.fixtures.TimelineScenarios;
import multiprocessing.internal.Config;
import multiprocessing.testing.JavaProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.w3c.dom.Element;

/**
 * Draws real traces: the {@link TimelineScenarios} programs (the lab's steps done right and wrong) run
 * with tracing on, each in a JVM of its own (tracing is decided once per JVM), all four at once to keep
 * the test short. The pictures are checked against the trace files themselves, read with the tests'
 * own strict reader, never against a stored snapshot.
 */
@DisplayName("Timeline of real runs")
@TestInstance(Lifecycle.PER_CLASS)
class TimelineRecordedTest {
    private static final Duration RUN_LIMIT = Duration.ofSeconds(120);
    private static final List<String> SCENARIOS = List.of("parallel", "serial", "main", "queue", "abandoned");

    private Path directory;
    private final Map<String, Recording> recordings = new HashMap<>();

    /** One scenario's run: its pid, its trace's events, and the timeline drawn from it. */
    private record Recording(long pid, List<Map<String, Object>> events, Timeline timeline, Page page) {

        List<Map<String, Object>> events(String kind) {
            return events.stream().filter(e -> kind.equals(e.get("event"))).toList();
        }
    }

    @BeforeAll
    void runScenarios() throws Exception {
        directory = Files.createTempDirectory("timeline-test-");
        List<JavaProcess> programs = new ArrayList<>();
        try {
            for (String scenario : SCENARIOS) {
                programs.add(JavaProcess.start(List.of("-D" + Config.TRACE + "=" + trace(scenario)),
                        TimelineScenarios.class, scenario));
            }
            for (int i = 0; i < SCENARIOS.size(); i++) {
                JavaProcess program = programs.get(i);
                assertEquals(0, program.waitFor(RUN_LIMIT), SCENARIOS.get(i) + " failed: " + program.describe());
                List<Map<String, Object>> events = Files.readAllLines(trace(SCENARIOS.get(i))).stream()
                        .map(FlatJson::parse).toList();
                Timeline timeline = Timeline.read(trace(SCENARIOS.get(i)));
                recordings.put(SCENARIOS.get(i), new Recording(program.pid(), events, timeline,
                        Page.of(timeline.html(SCENARIOS.get(i)))));
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

    private static long number(Map<String, Object> event, String field) {
        return (Long) event.get(field);
    }

    /** {@code lane:start:end} of every task event, the lane found through the page's lane of that pid. */
    private static List<String> expectedBars(Recording recording) {
        Map<Long, String> laneOfPid = recording.page().lanes().stream().collect(Collectors.toMap(
                lane -> Page.number(lane, "data-pid"), lane -> lane.getAttribute("data-lane")));
        return recording.events("task").stream().map(task -> laneOfPid.get(number(task, "pid")) + ":"
                + number(task, "start_us") + ":" + number(task, "end_us")).sorted().toList();
    }

    private static List<String> drawnBars(Page page) {
        return page.tasks().stream().map(bar -> bar.getAttribute("data-lane") + ":" + bar.getAttribute("data-start-us")
                + ":" + bar.getAttribute("data-end-us")).sorted().toList();
    }

    @Nested
    @DisplayName("step 4 done right: applyAsync for all, then await")
    class Parallel {
        private Recording recording() {
            return recordings.get("parallel");
        }

        @Test
        @DisplayName("a lane for main and for each worker, in the pool's order, with their pids")
        void lanes() {
            @SuppressWarnings("unchecked")
            List<Long> workers = (List<Long>) recording().events("pool_start").get(0).get("workers");
            List<String> expected = new ArrayList<>(List.of("main:" + recording().pid()));
            for (int i = 0; i < workers.size(); i++) {
                expected.add("worker " + (i + 1) + ":" + workers.get(i));
            }
            assertEquals(expected, recording().page().lanes().stream()
                    .map(lane -> lane.getAttribute("data-lane") + ":" + lane.getAttribute("data-pid")).toList());
        }

        @Test
        @DisplayName("every task event is a bar on its worker's lane, with the trace's start and end")
        void bars() {
            assertEquals(expectedBars(recording()), drawnBars(recording().page()));
        }

        @Test
        @DisplayName("ten bars, all on worker lanes")
        void tenBarsOnWorkers() {
            assertEquals(TimelineScenarios.TASKS, recording().page().tasks().stream()
                    .filter(bar -> bar.getAttribute("data-lane").startsWith("worker ")).count());
        }

        @Test
        @DisplayName("a callback mark on main for every task")
        void callbacks() {
            assertEquals(TimelineScenarios.TASKS, recording().page().callbacks().stream()
                    .filter(mark -> mark.getAttribute("data-lane").equals("main")).count());
        }

        @Test
        @DisplayName("the verdict: parallel, in at least three rounds on four workers")
        void verdict() {
            String verdict = recording().page().verdict();
            assertTrue(verdict.matches("10 tasks ran on [2-4] workers in ([3-9]|10) rounds: parallel\\."), verdict);
        }
    }

    @Nested
    @DisplayName("step 4 done wrong: get() right after each applyAsync")
    class Serial {
        private Recording recording() {
            return recordings.get("serial");
        }

        @Test
        @DisplayName("every task event is a bar on its worker's lane, with the trace's start and end")
        void bars() {
            assertEquals(expectedBars(recording()), drawnBars(recording().page()));
        }

        @Test
        @DisplayName("no two tasks overlap")
        void oneAtATime() {
            assertEquals(1, recording().timeline().maxConcurrency());
        }

        @Test
        @DisplayName("the verdict asks about get() after applyAsync")
        void verdict() {
            String verdict = recording().page().verdict();
            assertTrue(verdict.matches("10 tasks ran (on [1-4] workers? but never overlapped: each waited for the previous"
                    + " one \\(did you call get\\(\\) right after each applyAsync\\?\\)|one after another on a pool of 1"
                    + " worker: serial)\\."), verdict);
        }
    }

    @Nested
    @DisplayName("the work done in main, beside an idle pool")
    class InMain {
        private Recording recording() {
            return recordings.get("main");
        }

        @Test
        @DisplayName("no task bar")
        void noBars() {
            assertEquals(List.of(), recording().page().tasks());
        }

        @Test
        @DisplayName("only the main process did anything")
        void singleProcess() {
            assertTrue(recording().timeline().singleProcess());
        }

        @Test
        @DisplayName("the verdict says the pool did nothing")
        void verdict() {
            assertEquals("A pool of 4 workers started, but no task ran on it: the work ran in the main process (did you"
                    + " call the function directly instead of through the pool?).", recording().page().verdict());
        }
    }

    @Nested
    @DisplayName("step 3: a producer and a consumer Process")
    class ProducerConsumer {
        private Recording recording() {
            return recordings.get("queue");
        }

        @Test
        @DisplayName("lanes main, producer, consumer with the children's pids")
        void lanes() {
            List<String> expected = new ArrayList<>(List.of("main:" + recording().pid()));
            recording().events("process_start").forEach(start -> expected.add(
                    ((String) start.get("target")).replaceAll(".*\\.", "") + ":" + number(start, "child_pid")));
            assertEquals(expected, recording().page().lanes().stream()
                    .map(lane -> lane.getAttribute("data-lane") + ":" + lane.getAttribute("data-pid")).toList());
        }

        @Test
        @DisplayName("a lifetime band per child, from its process_start to its process_exit")
        void lifetimes() {
            Map<Long, Long> exits = recording().events("process_exit").stream()
                    .collect(Collectors.toMap(e -> number(e, "child_pid"), e -> number(e, "time_us")));
            List<String> expected = recording().events("process_start").stream().map(start -> number(start, "child_pid")
                    + ":" + number(start, "time_us") + ":" + exits.get(number(start, "child_pid"))).toList();
            assertEquals(expected, recording().page().lifetimes().stream().map(band -> band.getAttribute("data-pid")
                    + ":" + band.getAttribute("data-start-us") + ":" + band.getAttribute("data-end-us")).toList());
        }

        @Test
        @DisplayName("each lane shows its queue traffic")
        void queueCounts() {
            Map<String, String> traffic = new HashMap<>();
            for (Element lane : recording().page().lanes()) {
                recording().page().all("text", "queue").stream().filter(text -> text.getParentNode() == lane)
                        .forEach(text -> traffic.put(lane.getAttribute("data-lane"), text.getTextContent()));
            }
            assertEquals(Map.of("main", "1 put, 0 got", "producer", "10 put, 0 got", "consumer", "0 put, 11 got"), traffic);
        }

        @Test
        @DisplayName("the verdict: both ran at the same time")
        void verdict() {
            assertEquals("2 processes (producer, consumer) ran at the same time.", recording().page().verdict());
        }
    }

    @Nested
    @DisplayName("tasks still running when main returned")
    class Abandoned {
        private Recording recording() {
            return recordings.get("abandoned");
        }

        @Test
        @DisplayName("the trace has a task_start for each task and no task event")
        void traceHasStartsOnly() {
            assertEquals(List.of(TimelineScenarios.HANGING, 0), List.of(recording().events("task_start").size(),
                    recording().events("task").size()));
        }

        @Test
        @DisplayName("each task_start is an unfinished bar on its worker's lane, from its time")
        void unfinishedBars() {
            Map<Long, String> laneOfPid = recording().page().lanes().stream().collect(Collectors.toMap(
                    lane -> Page.number(lane, "data-pid"), lane -> lane.getAttribute("data-lane")));
            List<String> expected = recording().events("task_start").stream().map(start -> laneOfPid.get(number(start,
                    "pid")) + ":" + number(start, "time_us")).sorted().toList();
            assertEquals(expected, recording().page().all("rect", "unfinished").stream().map(bar ->
                    bar.getAttribute("data-lane") + ":" + bar.getAttribute("data-start-us")).sorted().toList());
        }

        @Test
        @DisplayName("the verdict says the tasks never finished")
        void verdict() {
            assertEquals("2 tasks started on 2 workers and none finished: they were still running when the run ended.",
                    recording().page().verdict());
        }
    }

    @Nested
    @DisplayName("as a Mermaid chart")
    class Mermaid {

        @Test
        @DisplayName("a real run gives one task line per task event")
        void taskLines() {
            String chart = recordings.get("parallel").timeline().mermaid("step 4", 100);
            assertEquals(TimelineScenarios.TASKS, chart.lines().filter(line -> line.contains(" :")).count());
        }
    }
}
