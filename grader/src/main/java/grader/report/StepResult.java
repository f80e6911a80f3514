package grader.report;

import java.util.List;

/**
 * The outcome of one step of the lab.
 *
 * @param id       the step id: {@code square}, {@code complex_square}, {@code queue} or {@code slow_square}
 * @param title    the step's heading in the guide, such as {@code Step 1: square}
 * @param score    points earned
 * @param maxScore points the step is worth
 * @param tests    its tests, in the order the student should read them
 */
public record StepResult(String id, String title, int score, int maxScore, List<TestResult> tests) {
}
