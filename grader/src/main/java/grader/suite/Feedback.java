package grader.suite;

import grader.report.SourceLocation;
import org.opentest4j.AssertionFailedError;

/**
 * Builds the message of a failed hidden test the way students should read it: which step, what was
 * checked, what was expected, what happened, and the guide section to read.
 *
 * <pre>{@code
 * throw Feedback.on(Step.SQUARE).checked("main's output")
 *         .expected("[0, 1, 4, 9, 16, 25, 36, 49, 64, 81]").actual("nothing").fail();
 * }</pre>
 */
public final class Feedback {
    private final Step step;
    private String checked = "";
    private String expected = "";
    private String actual = "";
    private String hint = "";
    private SourceLocation location;

    private Feedback(Step step) {
        this.step = step;
    }

    /** Feedback about {@code step}. */
    public static Feedback on(Step step) {
        return new Feedback(step);
    }

    /** What the test checked, in a few words. */
    public Feedback checked(String what) {
        this.checked = what;
        return this;
    }

    /** What a correct submission does. */
    public Feedback expected(String what) {
        this.expected = what;
        return this;
    }

    /** What this submission did. */
    public Feedback actual(String what) {
        this.actual = what;
        return this;
    }

    /** A likely cause or next step, optional. */
    public Feedback hint(String what) {
        this.hint = what;
        return this;
    }

    /** The student's line the message is about, optional. */
    public Feedback at(SourceLocation where) {
        this.location = where;
        return this;
    }

    /** The message as one text. */
    public String message() {
        StringBuilder text = new StringBuilder(step.title()).append(": ").append(checked).append('.');
        if (!expected.isEmpty()) {
            text.append("\nExpected: ").append(expected);
        }
        if (!actual.isEmpty()) {
            text.append("\nWhat happened: ").append(actual);
        }
        if (!hint.isEmpty()) {
            text.append("\nHint: ").append(hint);
        }
        return text.append('\n').append(step.guideReference()).toString();
    }

    /** An assertion failure carrying the message (and location): throw it. */
    public AssertionFailedError fail() {
        return location == null ? new AssertionFailedError(message()) : new LocatedFailure(message(), location);
    }

    /** The same message as a "cannot be graded" error. */
    public NotGradable notGradable() {
        return new NotGradable(message(), location);
    }

    /** The same message as a timeout. */
    public RunTimedOut timedOut() {
        return new RunTimedOut(message());
    }

    /** An assertion failure about a particular line of the student's code. */
    public static final class LocatedFailure extends AssertionFailedError {
        private static final long serialVersionUID = 1L;
        private final transient SourceLocation location;

        LocatedFailure(String message, SourceLocation location) {
            super(message);
            this.location = location;
        }

        /** The student's line. */
        public SourceLocation location() {
            return location;
        }
    }
}
