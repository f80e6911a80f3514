package multiprocessing.tools;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Covers {@link Timeline#mermaid}: a small Mermaid gantt chart with a section per lane and a line per
 * bar, which no name in the trace can break or turn into a directive.
 */
@DisplayName("Timeline as a Mermaid chart")
class TimelineMermaidTest {
    private static final long MAIN = 100;
    private static final String SLOW = "lab.SlowSquare.slowSquare";
    /** A task line: a label of harmless characters, optional tags, then start and end in milliseconds. */
    private static final Pattern TASK_LINE = Pattern.compile("    [\\p{L}\\p{N} _.$(),]+ :((crit|done|active), )?\\d+, \\d+");

    private static List<String> lines(String chart) {
        return chart.lines().toList();
    }

    private static List<String> taskLines(String chart) {
        return lines(chart).stream().filter(line -> line.contains(" :")).toList();
    }

    @Nested
    @DisplayName("shape")
    class Shape {

        @Test
        @DisplayName("compact display, then a gantt chart in milliseconds")
        void header() {
            List<String> lines = lines(TimelineModelTest.slowSquareInWaves().timeline().mermaid("Step 4", 100));
            assertEquals(List.of("---", "displayMode: compact", "---", "gantt"), lines.subList(0, 4));
        }

        @Test
        @DisplayName("the title carries the verdict")
        void title() {
            String chart = TimelineModelTest.slowSquareInWaves().timeline().mermaid("Step 4", 100);
            assertTrue(chart.contains("\n    title Step 4: 10 tasks ran on 4 workers in 3 rounds: parallel.\n"), chart);
        }

        @Test
        @DisplayName("a section per lane with something to show")
        void sections() {
            String chart = TimelineModelTest.slowSquareInWaves().timeline().mermaid("Step 4", 100);
            assertEquals(List.of("    section worker 1", "    section worker 2", "    section worker 3",
                    "    section worker 4"), lines(chart).stream().filter(l -> l.startsWith("    section")).toList());
        }

        @Test
        @DisplayName("a line per task, in milliseconds since the run started")
        void taskLinesInMillis() {
            String chart = new TraceBuilder().poolStart(MAIN, 0, 201).task(201, SLOW, 10, 1_010).timeline().mermaid("t", 100);
            assertEquals(List.of("    slowSquare :10, 1010"), taskLines(chart));
        }

        @Test
        @DisplayName("a failed task is critical, a Process's life is done")
        void tags() {
            String chart = new TraceBuilder().poolStart(MAIN, 0, 201).task(201, SLOW, 10, 20, 1, false)
                    .processStart(MAIN, 30, 401, "Process-1", "lab.Q.producer")
                    .processExit(MAIN, 90, 401, "Process-1", "lab.Q.producer", 0).timeline().mermaid("t", 100);
            assertEquals(List.of("    slowSquare :crit, 10, 20", "    alive :done, 30, 90"), taskLines(chart));
        }

        @Test
        @DisplayName("seconds and milliseconds on the axis, minutes and seconds from a minute on")
        void axisFormat() {
            String seconds = new TraceBuilder().poolStart(MAIN, 0, 201).task(201, SLOW, 10, 59_000).timeline().mermaid("t", 9);
            String minutes = new TraceBuilder().poolStart(MAIN, 0, 201).task(201, SLOW, 10, 61_000).timeline().mermaid("t", 9);
            assertAll(() -> assertTrue(seconds.contains("\n    axisFormat %S.%L\n"), seconds),
                    () -> assertTrue(minutes.contains("\n    axisFormat %M:%S\n"), minutes));
        }

        @Test
        @DisplayName("a task shorter than a millisecond is drawn one millisecond long")
        void shortTask() {
            TraceBuilder trace = new TraceBuilder().poolStart(MAIN, 0, 201)
                    .line("{\"event\":\"task\",\"time_us\":" + TraceBuilder.at(5) + ",\"pid\":201,\"pool\":1,"
                            + "\"function\":\"f\",\"items\":1,\"start_us\":" + TraceBuilder.at(5) + ",\"end_us\":"
                            + (TraceBuilder.at(5) + 30) + ",\"ok\":true}");
            assertEquals(List.of("    f :5, 6"), taskLines(trace.timeline().mermaid("t", 100)));
        }
    }

    @Nested
    @DisplayName("size")
    class Size {

        private TraceBuilder thousandTasks() {
            TraceBuilder trace = new TraceBuilder().poolStart(MAIN, 0, 201, 202);
            for (int i = 0; i < 1_000; i++) {
                trace.task(201 + i % 2, SLOW, i, i + 1);
            }
            return trace;
        }

        @Test
        @DisplayName("at most maxBars task lines")
        void capped() {
            assertTrue(taskLines(thousandTasks().timeline().mermaid("big", 50)).size() <= 50);
        }

        @Test
        @DisplayName("the title says the tasks were merged")
        void mergedInTitle() {
            String chart = thousandTasks().timeline().mermaid("big", 50);
            assertTrue(Pattern.compile("title .*The 1,000 tasks are drawn as \\d+ bars\\.").matcher(chart).find(), chart);
        }

        @Test
        @DisplayName("asked for more bars than fit in 40,000 characters, it draws fewer, merged ones")
        void charBudget() {
            TraceBuilder trace = new TraceBuilder().poolStart(MAIN, 0, 201, 202, 203, 204);
            String longName = "lab.X." + "a".repeat(Labels.MAX_LABEL);
            for (int i = 0; i < 2_000; i++) {
                trace.task(201 + i % 4, longName, i, i + 1);
            }
            String chart = trace.timeline().mermaid("huge", 2_000);
            assertAll(() -> assertTrue(chart.length() <= MermaidTimeline.MAX_CHARS, chart.length() + " characters"),
                    () -> assertTrue(chart.contains("The 2,000 tasks are drawn as "), "no note on the merging"));
        }
    }

    @Nested
    @DisplayName("names that try to break the chart")
    class Injection {
        private static final List<String> HOSTILE = List.of(
                "lab.X.a:b", "lab.X.a#59;b", "lab.X.a;b", "lab.X.a\nsection evil", "lab.X.%%{init: {'theme':'dark'}}%%",
                "lab.X.`markdown`", "lab.X.<img src=x onerror=alert(1)>", "lab.X.\"quoted\" 'single'",
                "lab.X.click", "lab.X.section x", "lab.X.Title", "lab.X.gantt", "lab.X.2024-01-01", "lab.X.:::");

        private String chart() {
            TraceBuilder trace = new TraceBuilder().poolStart(MAIN, 0, 201);
            for (int i = 0; i < HOSTILE.size(); i++) {
                trace.task(201, HOSTILE.get(i), i * 10L, i * 10L + 5);
            }
            return trace.processStart(MAIN, 1, 401, "P\n%%", "lab.Q.sec:tion#;<b>").timeline()
                    .mermaid("title: <b>%%{init}%%</b>\nsection x", 100);
        }

        @Test
        @DisplayName("every task line keeps the task syntax")
        void taskLines() {
            List<String> bad = TimelineMermaidTest.taskLines(chart()).stream()
                    .filter(line -> !TASK_LINE.matcher(line).matches()).toList();
            assertEquals(List.of(), bad);
        }

        @Test
        @DisplayName("one task line per task: no name adds a line")
        void lineCount() {
            assertEquals(HOSTILE.size() + 1, TimelineMermaidTest.taskLines(chart()).size());
        }

        @Test
        @DisplayName("no comment, directive or markup character remains")
        void noSyntax() {
            String body = chart().substring(chart().indexOf("gantt"));
            assertAll(List.of("%%", "#", ";", "`", "<", ">", "\"", "'", "{", "}").stream()
                    .map(sign -> () -> assertFalse(body.contains(sign), "the chart contains " + sign)));
        }

        @Test
        @DisplayName("a label that starts like a keyword gets a prefix")
        void keywords() {
            List<String> labels = TimelineMermaidTest.taskLines(chart()).stream()
                    .map(line -> line.substring(4, line.indexOf(" :"))).toList();
            assertTrue(labels.containsAll(List.of("task click", "task section x", "task Title", "task gantt")), labels.toString());
        }

        @Test
        @DisplayName("the sections are the lanes, sanitised")
        void sections() {
            assertEquals(List.of("    section worker 1", "    section sec tion b"), lines(chart()).stream()
                    .filter(l -> l.startsWith("    section")).toList());
        }
    }

    @Nested
    @DisplayName("a run stopped with work unfinished")
    class Stopped {
        private static final String STOPPED = "the grader stopped the run at its 20 s time limit";

        private String chart() {
            return new TraceBuilder().poolStart(MAIN, 0, 201).taskStart(201, 1, SLOW, 10)
                    .processStart(MAIN, 5, 401, "Process-1", "lab.Q.consumer").within(MAIN, 0, 20_000, STOPPED)
                    .mermaid("Step 4", 100);
        }

        @Test
        @DisplayName("main's life, a Process still alive and an unfinished task, each active up to the stop")
        void stoppedLines() {
            assertEquals(List.of("    main program (stopped) :active, 0, 20000", "    slowSquare (unfinished) :active, 10, 20000",
                    "    alive (stopped) :active, 5, 20000"), taskLines(chart()));
        }

        @Test
        @DisplayName("every line keeps the task syntax")
        void syntax() {
            assertEquals(List.of(), taskLines(chart()).stream().filter(line -> !TASK_LINE.matcher(line).matches()).toList());
        }

        @Test
        @DisplayName("the title says who stopped the run, once, and without a semicolon")
        void title() {
            assertTrue(chart().contains("\n    title Step 4: 1 task started on 1 worker and never finished: it was still"
                    + " running when the run ended. 1 process (consumer) ran. The grader stopped the run at its 20 s time"
                    + " limit, the processes still running then were stopped with it.\n"), chart());
        }

        @Test
        @DisplayName("a stop reason cannot add a line or a directive")
        void hostileReason() {
            String chart = new TraceBuilder().within(MAIN, 0, 100, "x\nsection evil %%{init}%% ; click").mermaid("t", 10);
            assertAll(() -> assertEquals(List.of("    section main"), lines(chart).stream()
                            .filter(l -> l.startsWith("    section")).toList()),
                    () -> assertFalse(chart.substring(chart.indexOf("gantt")).contains("%%"), chart));
        }
    }

    @Nested
    @DisplayName("a run seen from outside that ended by itself")
    class EndedByItself {

        @Test
        @DisplayName("a main that never used the runtime still has its lane, with main's life")
        void noTrace() {
            String chart = new TraceBuilder().within(MAIN, 0, 800, null).mermaid("Step 1", 100);
            assertEquals(List.of("    section main", "    main program :done, 0, 800"), lines(chart).stream()
                    .filter(l -> l.startsWith("    section") || l.contains(" :")).toList());
        }

        @Test
        @DisplayName("its title carries the verdict")
        void title() {
            String chart = new TraceBuilder().within(MAIN, 0, 800, null).mermaid("Step 1", 100);
            assertTrue(chart.contains("\n    title Step 1: No pool and no Process ran: all the work happened in the main"
                    + " process.\n"), chart);
        }
    }
}
