package grader.report;

import java.util.List;

/** Questions every report (and the class dashboard) asks of a step, answered the same way everywhere. */
public final class StepOutcome {
    private StepOutcome() {
    }

    /**
     * Whether the step is fully done: full points and every test passed. A step without tests
     * passes only if it still has full points, so an empty step never shows as done by accident.
     */
    public static boolean passed(StepResult step) {
        return step.score() >= step.maxScore() && step.tests().stream().allMatch(TestResult::passed);
    }

    /** The step's tests that did not pass, in order. */
    static List<TestResult> notPassed(StepResult step) {
        return step.tests().stream().filter(test -> !test.passed()).toList();
    }

    /** How many of the step's tests passed. */
    static long passedCount(StepResult step) {
        return step.tests().stream().filter(TestResult::passed).count();
    }
}
