package grader.report;

/**
 * One hidden test's outcome.
 *
 * @param name     what the test checks, in words a student understands
 * @param status   how it ended
 * @param score    points earned: {@code maxScore} when passed, else 0
 * @param maxScore points it is worth
 * @param message  for a test that did not pass: what was expected, what happened, and which guide
 *                 section to read; empty when passed
 * @param location the line of student code the message is about, or {@code null}
 */
public record TestResult(String name, TestStatus status, int score, int maxScore, String message,
                         SourceLocation location) {

    /** Whether the test passed. */
    public boolean passed() {
        return status == TestStatus.PASSED;
    }
}
