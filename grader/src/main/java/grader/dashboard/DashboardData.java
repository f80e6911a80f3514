package grader.dashboard;

import grader.json.Json;
import grader.report.GradeReport;
import grader.report.ReportText;
import grader.report.RunTimeline;
import grader.report.StepOutcome;
import grader.report.StepResult;
import grader.report.TestResult;
import grader.report.TestStatus;
import grader.suite.Step;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The page's data as compact JSON, which the page's script renders. Its shape:
 * <pre>{@code
 * {"generated": "2025-03-01T12:00:00Z",
 *  "strings": ["a failure message", "a flag's detail", "10 tasks ran on 4 workers in 3 rounds: parallel.", ...],
 *  "laneSets": [["main", "worker 1", "worker 2", "worker 3", "worker 4"], ...],
 *  "runBits": {"parallel": 1, "serial": 2, "singleProcess": 4, "truncated": 8},
 *  "statuses": ["passed", "failed", "error", "timeout"],
 *  "flagKinds": [{"id": "no-submission", "label": "no submission"}, ...],
 *  "overview": {"students": 3, "submitted": 2, "notSubmitted": 1, "graded": 2, "mean": 61.5, "median": 61.5,
 *               "histogram": [0, 0, 0, 0, 0, 1, 0, 1, 0, 0]},
 *  "steps": [{"id": "square", "title": "Step 1: square", "max": 20, "pool": true, "graded": 2, "passed": 1,
 *             "tests": [{"name": "...", "graded": 2, "passed": 1}]}],
 *  "topFailures": [{"step": "square", "title": "Step 1: square", "test": "...", "graded": 2, "notPassed": 1,
 *                   "messages": [{"text": "...", "students": 1}]}],
 *  "students": [{"login": "alice", "score": 73, "max": 100, "graded": "2025-03-01T12:34:56Z",
 *                "steps": [20, 15, null, 18], "passed": [1, 0, 0, 0],
 *                "tests": [[0, 0, [1, 4], 0], null, ...], "flags": [[3, 7]],
 *                "timelines": [[2, 1, 0, 10, 3300, [1, 0, 1003, 2, 1, 1002, ...]], null, ...],
 *                "repository": "...", "commit": "...", "roster": "...", "classroomPoints": 80}]}
 * }</pre>
 * A student's {@code steps}, {@code passed} and {@code tests} follow the order of {@code steps}; a
 * step the student's grade lacks is {@code null} (0 in {@code passed}). Each test follows its step's
 * {@code tests}: a status index alone when there is no message, else {@code [status, string index]},
 * {@code null} when the grade lacks the test. A flag is {@code [flagKinds index, string index]}.
 * Texts repeated across students ({@code strings}) are stored once.
 *
 * <p>A step's {@code pool} says whether its main was meant to run its work on a pool's workers (see
 * {@link Step#usesPool()}). A student's {@code timelines}, in step order too, hold the grade file's run
 * timeline of each step ({@code null} where there is none) as {@code [verdict, bits, lanes, tasks,
 * span_ms, bars]}: {@code verdict} indexes {@code strings}; {@code bits} adds up the {@link RunBit}s, whose
 * values the data's {@code runBits} gives the script; {@code lanes} indexes
 * {@code laneSets}, the lists of lane names, stored once because nearly every run has the same lanes;
 * {@code bars} is flat, three numbers a bar: its lane, its start minus the previous bar's start (the
 * first bar's minus 0), and its length, all in milliseconds. Differences and lengths are short numbers
 * where times from the run's start grow long, which keeps 2,000 students' bars small.
 *
 * <p>All text is {@link ReportText#clean cleaned}, and {@link Json} escapes {@code <}, {@code >},
 * {@code &}, U+2028 and U+2029, so the JSON can sit inside a {@code <script>} element whatever students
 * wrote.
 */
final class DashboardData {
    /** The longest test message kept for the drill-down; the rest is in the student's grade file. */
    static final int MAX_MESSAGE_CHARS = 2000;

    /**
     * The steps whose main was meant to hand its work to a pool's workers. Only there does a run with
     * {@code single_process} mean the pool was bypassed; in the queue step the field says that no
     * {@code Process} was started, which the page does not count as a single-process run.
     */

    private final IndexTable<String> strings = new IndexTable<>();
    private final IndexTable<List<String>> laneSets = new IndexTable<>();
    private final ClassAggregate aggregate;
    private final Map<String, Integer> stepIndexes = new HashMap<>();

    private DashboardData(ClassAggregate aggregate) {
        this.aggregate = aggregate;
        for (ClassAggregate.StepStats step : aggregate.steps()) {
            stepIndexes.put(step.id(), stepIndexes.size());
        }
    }

    /** The page data for {@code students}, whose numbers are {@code aggregate}. */
    static String json(List<StudentRecord> students, ClassAggregate aggregate, Instant generated) {
        return new DashboardData(aggregate).write(students, generated);
    }

    private String write(List<StudentRecord> students, Instant generated) {
        List<Object> studentMaps = new ArrayList<>();
        for (StudentRecord student : students) {
            studentMaps.add(student(student));
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("generated", generated.toString());
        root.put("strings", strings.values());
        root.put("laneSets", laneSets.values());
        root.put("runBits", RunBit.forScript());
        root.put("statuses", Arrays.stream(TestStatus.values()).map(TestStatus::word).toList());
        root.put("flagKinds", Arrays.stream(FlagKind.values()).map(DashboardData::flagKind).toList());
        root.put("overview", overview());
        root.put("steps", aggregate.steps().stream().map(DashboardData::step).toList());
        root.put("topFailures", aggregate.topFailures().stream().map(DashboardData::failure).toList());
        root.put("students", studentMaps);
        return Json.write(root);
    }

    private static Map<String, Object> flagKind(FlagKind kind) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", kind.id());
        map.put("label", kind.label());
        return map;
    }

    private Map<String, Object> overview() {
        ScoreSummary scores = aggregate.scores();
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("students", aggregate.students());
        map.put("submitted", aggregate.submitted());
        map.put("notSubmitted", aggregate.notSubmitted());
        map.put("graded", scores.graded());
        map.put("mean", rounded(scores.mean()));
        map.put("median", rounded(scores.median()));
        map.put("histogram", scores.histogram());
        return map;
    }

    private static Map<String, Object> step(ClassAggregate.StepStats step) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", clean(step.id()));
        map.put("title", clean(step.title()));
        map.put("max", step.maxScore());
        map.put("pool", Arrays.stream(Step.values()).anyMatch(known -> known.id().equals(step.id()) && known.usesPool()));
        map.put("graded", step.graded());
        map.put("passed", step.passed());
        map.put("tests", step.tests().stream().map(test -> {
            Map<String, Object> testMap = new LinkedHashMap<>();
            testMap.put("name", clean(test.name()));
            testMap.put("graded", test.graded());
            testMap.put("passed", test.passed());
            return testMap;
        }).toList());
        return map;
    }

    private static Map<String, Object> failure(ClassAggregate.FailingTest failure) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("step", clean(failure.stepId()));
        map.put("title", clean(failure.stepTitle()));
        map.put("test", clean(failure.testName()));
        map.put("graded", failure.graded());
        map.put("notPassed", failure.notPassed());
        map.put("messages", failure.messages().stream().map(message -> {
            Map<String, Object> messageMap = new LinkedHashMap<>();
            messageMap.put("text", message.message());
            messageMap.put("students", message.students());
            return messageMap;
        }).toList());
        return map;
    }

    private Map<String, Object> student(StudentRecord student) {
        GradeReport report = student.report();
        int stepCount = aggregate.steps().size();
        List<Object> scores = new ArrayList<>(Collections.nCopies(stepCount, null));
        List<Object> passed = new ArrayList<>(Collections.nCopies(stepCount, 0));
        List<Object> tests = new ArrayList<>(Collections.nCopies(stepCount, null));
        List<Object> timelines = new ArrayList<>(Collections.nCopies(stepCount, null));
        if (report != null) {
            for (StepResult step : report.steps()) {
                int index = stepIndexes.get(step.id());
                if (tests.get(index) == null) {
                    scores.set(index, step.score());
                    passed.set(index, StepOutcome.passed(step) ? 1 : 0);
                    tests.set(index, tests(step, aggregate.steps().get(index)));
                }
            }
            // A timeline of a step the class has no results for has no row to sit in, so it is left out.
            report.timelines().forEach((stepId, timeline) -> {
                Integer index = stepIndexes.get(stepId);
                if (index != null) {
                    timelines.set(index, timeline(timeline));
                }
            });
        }
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("login", clean(student.login()));
        map.put("score", report == null ? null : report.score());
        map.put("max", report == null ? null : report.maxScore());
        map.put("graded", gradedAt(student));
        map.put("steps", scores);
        map.put("passed", passed);
        map.put("tests", tests);
        map.put("timelines", timelines);
        map.put("flags", StudentFlags.of(student).stream()
                .map(flag -> List.of(flag.kind().ordinal(), strings.indexOf(clean(flag.detail())))).toList());
        map.put("repository", repository(student));
        map.put("commit", student.batchRecord() == null ? null : cleanOrNull(student.batchRecord().commit()));
        map.put("roster", student.classroom() == null ? null : cleanOrNull(student.classroom().rosterIdentifier()));
        map.put("classroomPoints", student.classroom() == null ? null : student.classroom().pointsAwarded());
        return map;
    }

    /** A run timeline in the compact form the class javadoc describes. */
    private List<Object> timeline(RunTimeline timeline) {
        int bits = RunBit.of(timeline);
        List<Long> bars = new ArrayList<>(3 * timeline.bars().size());
        long previousStart = 0;
        for (RunTimeline.Bar bar : timeline.bars()) {
            bars.add((long) bar.lane());
            bars.add(bar.startMs() - previousStart);
            bars.add(bar.endMs() - bar.startMs());
            previousStart = bar.startMs();
        }
        List<String> lanes = timeline.lanes().stream().map(DashboardData::clean).toList();
        return List.of(strings.indexOf(clean(timeline.verdict())), bits, laneSets.indexOf(lanes), timeline.tasks(),
                timeline.spanMillis(), bars);
    }

    /** The step's tests in the order of the class's list of them. */
    private List<Object> tests(StepResult step, ClassAggregate.StepStats catalog) {
        Map<String, TestResult> byName = new HashMap<>();
        step.tests().forEach(test -> byName.putIfAbsent(test.name(), test));
        List<Object> tests = new ArrayList<>();
        for (ClassAggregate.TestStats known : catalog.tests()) {
            TestResult test = byName.get(known.name());
            if (test == null) {
                tests.add(null);
            } else if (test.message() == null || test.message().isBlank()) {
                tests.add(test.status().ordinal());
            } else {
                String message = ReportText.truncate(clean(test.message()).strip(), MAX_MESSAGE_CHARS);
                tests.add(List.of(test.status().ordinal(), strings.indexOf(message)));
            }
        }
        return tests;
    }

    /** When the student was last graded: the grade file's time, else the batch record's. */
    private static String gradedAt(StudentRecord student) {
        if (student.report() != null && student.report().gradedAt() != null) {
            return student.report().gradedAt().toString();
        }
        return student.batchRecord() == null ? null : student.batchRecord().gradedAt().toString();
    }

    /** The Classroom repository's address where there is one, else where the batch found the repository. */
    private static String repository(StudentRecord student) {
        String fromClassroom = student.classroom() == null ? null : cleanOrNull(student.classroom().repository());
        if (fromClassroom != null || student.batchRecord() == null) {
            return fromClassroom;
        }
        return cleanOrNull(student.batchRecord().repository());
    }

    private static Double rounded(Double value) {
        return value == null ? null : Math.round(value * 100) / 100.0;
    }

    private static String clean(String text) {
        return ReportText.clean(text);
    }

    private static String cleanOrNull(String text) {
        return text == null || text.isBlank() ? null : ReportText.clean(text);
    }
}
