package grader.suite;

import grader.report.SourceLocation;

/**
 * The step could not be exercised at all: it does not compile, a class or method is missing, or the
 * grader's harness could not run it. Reported as status {@code error}.
 */
public class NotGradable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient SourceLocation location;

    /** A step that cannot be graded, for the reason in {@code message}, about {@code location} (may be null). */
    public NotGradable(String message, SourceLocation location) {
        super(message, null, false, false);
        this.location = location;
    }

    /** The student's line this is about, or null. */
    public SourceLocation location() {
        return location;
    }
}
