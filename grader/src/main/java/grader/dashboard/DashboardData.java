package grader.dashboard;

import grader.json.GraderJson;
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
 * <p>All text is {@link ReportText#clean cleaned}, and {@link GraderJson} escapes {@code <}, {@code >},
 * {@code &}, U+2028 and U+2029, so the JSON can sit inside a {@code <script>} element whatever students
 * wrote. The records below are the data's objects, their keys in the order of their components; the
 * compact tuples (a student's tests, timelines and flags) are lists.
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
        // Students first: they fill the string and lane tables that the data then lists.
        List<Student> studentRows = students.stream().map(this::student).toList();
        return GraderJson.write(new Page(generated, strings.values(), laneSets.values(), RunBit.forScript(),
                Arrays.stream(TestStatus.values()).map(TestStatus::word).toList(),
                Arrays.stream(FlagKind.values()).map(kind -> new Kind(kind.id(), kind.label())).toList(),
                overview(), aggregate.steps().stream().map(DashboardData::step).toList(),
                aggregate.topFailures().stream().map(DashboardData::failure).toList(), studentRows));
    }

    /** The whole data. */
    private record Page(Instant generated, List<String> strings, List<List<String>> laneSets, Map<String, Object> runBits,
                        List<String> statuses, List<Kind> flagKinds, Overview overview, List<StepRow> steps,
                        List<Failure> topFailures, List<Student> students) {
    }

    /** A kind of flag. */
    private record Kind(String id, String label) {
    }

    /** The class at a glance. */
    private record Overview(int students, int submitted, int notSubmitted, int graded, Double mean, Double median,
                            List<Integer> histogram) {
    }

    /** A step of the class. */
    private record StepRow(String id, String title, int max, boolean pool, int graded, int passed, List<TestRow> tests) {
    }

    /** A test of a step of the class. */
    private record TestRow(String name, int graded, int passed) {
    }

    /** A test that many did not pass. */
    private record Failure(String step, String title, String test, int graded, int notPassed, List<Message> messages) {
    }

    /** One of a failing test's messages, with how many students got it. */
    private record Message(String text, int students) {
    }

    /** One student; the lists are the compact tuples the class description gives. */
    private record Student(String login, Integer score, Integer max, String graded, List<Object> steps,
                           List<Object> passed, List<Object> tests, List<Object> timelines, List<List<Integer>> flags,
                           String repository, String commit, String roster, Double classroomPoints) {
    }

    private Overview overview() {
        ScoreSummary scores = aggregate.scores();
        return new Overview(aggregate.students(), aggregate.submitted(), aggregate.notSubmitted(), scores.graded(),
                rounded(scores.mean()), rounded(scores.median()), scores.histogram());
    }

    private static StepRow step(ClassAggregate.StepStats step) {
        return new StepRow(clean(step.id()), clean(step.title()), step.maxScore(),
                Arrays.stream(Step.values()).anyMatch(known -> known.id().equals(step.id()) && known.usesPool()),
                step.graded(), step.passed(),
                step.tests().stream().map(test -> new TestRow(clean(test.name()), test.graded(), test.passed())).toList());
    }

    private static Failure failure(ClassAggregate.FailingTest failure) {
        return new Failure(clean(failure.stepId()), clean(failure.stepTitle()), clean(failure.testName()),
                failure.graded(), failure.notPassed(),
                failure.messages().stream().map(message -> new Message(message.message(), message.students())).toList());
    }

    private Student student(StudentRecord student) {
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
        List<List<Integer>> flags = StudentFlags.of(student).stream()
                .map(flag -> List.of(flag.kind().ordinal(), strings.indexOf(clean(flag.detail())))).toList();
        return new Student(clean(student.login()), report == null ? null : report.score(),
                report == null ? null : report.maxScore(), gradedAt(student), scores, passed, tests, timelines, flags,
                repository(student), student.batchRecord() == null ? null : cleanOrNull(student.batchRecord().commit()),
                student.classroom() == null ? null : cleanOrNull(student.classroom().rosterIdentifier()),
                student.classroom() == null ? null : student.classroom().pointsAwarded());
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
