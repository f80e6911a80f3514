package grader.dashboard;

import grader.report.GradeReport;
import grader.report.StepOutcome;
import grader.report.StepResult;
import grader.report.TestResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The numbers for the whole class: who submitted, how scores spread, how each step and test went and
 * which failures were most common. Everyone counts towards the head counts; the scores, pass rates and
 * failures count only students who submitted and have a readable grade file, because a grade of the
 * untouched starter code says nothing about how the lab went and would top every failure list.
 *
 * @param students     everyone listed
 * @param submitted    students without the {@link FlagKind#NO_SUBMISSION} flag
 * @param notSubmitted students with it
 * @param scores       the spread of the submitted and graded students' scores
 * @param steps        each step seen in any grade file, in lab order, with its tests
 * @param topFailures  the tests most students did not pass, most first, at most {@value #TOP_FAILURES}
 */
record ClassAggregate(int students, int submitted, int notSubmitted, ScoreSummary scores, List<StepStats> steps,
                      List<FailingTest> topFailures) {
    /** How many tests the most-failed list holds. */
    static final int TOP_FAILURES = 10;
    /** How many distinct messages each of them shows. */
    static final int TOP_MESSAGES = 3;

    /**
     * How one step went.
     *
     * @param id       the step id
     * @param title    its heading in the guide
     * @param maxScore its points
     * @param graded   students whose grade has the step
     * @param passed   of those, students who passed every test of it
     * @param tests    its tests, in order
     */
    record StepStats(String id, String title, int maxScore, int graded, int passed, List<TestStats> tests) {
    }

    /**
     * How one test went.
     *
     * @param name   what the test checks
     * @param graded students whose grade has the test
     * @param passed of those, students who passed it
     */
    record TestStats(String name, int graded, int passed) {
        /** Students who failed it, errored or timed out. */
        int notPassed() {
            return graded - passed;
        }
    }

    /**
     * A test many students did not pass, with what it told them.
     *
     * @param stepId    the step's id
     * @param stepTitle the step's heading
     * @param testName  what the test checks
     * @param graded    students whose grade has the test
     * @param notPassed of those, students who did not pass it
     * @param messages  the commonest {@link FailureMessages#normalize normalised} messages, commonest first
     */
    record FailingTest(String stepId, String stepTitle, String testName, int graded, int notPassed,
                       List<MessageCount> messages) {
    }

    /**
     * A failure message and how many students got it.
     *
     * @param message  the normalised message
     * @param students how many students got it
     */
    record MessageCount(String message, int students) {
    }

    /** The numbers for {@code students}. */
    static ClassAggregate of(List<StudentRecord> students) {
        int notSubmitted = 0;
        List<Double> percentages = new ArrayList<>();
        Map<String, StepTally> steps = new LinkedHashMap<>();
        for (StudentRecord student : students) {
            boolean submitted = StudentFlags.of(student).stream().noneMatch(f -> f.kind() == FlagKind.NO_SUBMISSION);
            notSubmitted += submitted ? 0 : 1;
            GradeReport report = student.report();
            if (report == null || !submitted) {
                continue;
            }
            percentages.add(percentage(report));
            for (StepResult step : report.steps()) {
                steps.computeIfAbsent(step.id(), id -> new StepTally(step)).add(step);
            }
        }
        List<StepStats> stepStats = steps.values().stream().map(StepTally::stats).toList();
        List<FailingTest> failures = steps.values().stream().flatMap(step -> step.failures().stream())
                .sorted(Comparator.comparingInt(FailingTest::notPassed).reversed())
                .limit(TOP_FAILURES)
                .toList();
        return new ClassAggregate(students.size(), students.size() - notSubmitted, notSubmitted,
                ScoreSummary.of(percentages), stepStats, failures);
    }

    private static double percentage(GradeReport report) {
        return report.maxScore() <= 0 ? 0 : 100.0 * report.score() / report.maxScore();
    }

    /** Counts for one step while the grades are read. */
    private static final class StepTally {
        private final String id;
        private final String title;
        private final int maxScore;
        private final Map<String, TestTally> tests = new LinkedHashMap<>();
        private int graded;
        private int passed;

        StepTally(StepResult first) {
            this.id = first.id();
            this.title = first.title();
            this.maxScore = first.maxScore();
        }

        void add(StepResult step) {
            graded++;
            passed += StepOutcome.passed(step) ? 1 : 0;
            for (TestResult test : step.tests()) {
                tests.computeIfAbsent(test.name(), TestTally::new).add(test);
            }
        }

        StepStats stats() {
            return new StepStats(id, title, maxScore, graded, passed,
                    tests.values().stream().map(TestTally::stats).toList());
        }

        List<FailingTest> failures() {
            return tests.values().stream().filter(test -> test.notPassed() > 0)
                    .map(test -> test.failure(id, title)).toList();
        }
    }

    /** Counts for one test while the grades are read. */
    private static final class TestTally {
        private final String name;
        private final Map<String, Integer> messages = new HashMap<>();
        private int graded;
        private int passed;

        TestTally(String name) {
            this.name = name;
        }

        void add(TestResult test) {
            graded++;
            if (test.passed()) {
                passed++;
            } else {
                messages.merge(FailureMessages.normalize(test.message()), 1, Integer::sum);
            }
        }

        int notPassed() {
            return graded - passed;
        }

        TestStats stats() {
            return new TestStats(name, graded, passed);
        }

        FailingTest failure(String stepId, String stepTitle) {
            List<MessageCount> common = messages.entrySet().stream()
                    .map(entry -> new MessageCount(entry.getKey(), entry.getValue()))
                    .sorted(Comparator.comparingInt(MessageCount::students).reversed()
                            .thenComparing(MessageCount::message))
                    .limit(TOP_MESSAGES)
                    .toList();
            return new FailingTest(stepId, stepTitle, name, graded, notPassed(), common);
        }
    }
}
