package grader.suite;

import java.util.Map;

/**
 * The submission being graded, as the hidden tests reach it. The grader sets it before it launches
 * the suite and clears it afterwards; the tests only read it. One submission is graded at a time per
 * grader JVM (batch grading uses one JVM per submission).
 */
public final class GradingSession {
    private static volatile Map<Step, StepEvidence> current;

    private GradingSession() {
    }

    /** Opens a session over the evidence of every step. */
    public static void open(Map<Step, StepEvidence> evidence) {
        current = Map.copyOf(evidence);
    }

    /** Closes the session. */
    public static void close() {
        current = null;
    }

    /** The evidence of {@code step} in the open session. */
    public static StepEvidence evidence(Step step) {
        Map<Step, StepEvidence> session = current;
        if (session == null) {
            throw new IllegalStateException("the hidden tests run only inside the grader: no submission is open");
        }
        return session.get(step);
    }
}
