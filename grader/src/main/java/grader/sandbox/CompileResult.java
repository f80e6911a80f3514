package grader.sandbox;

import grader.report.SourceLocation;
import java.nio.file.Path;
import java.util.List;

/**
 * What compiling one step produced.
 *
 * @param classes  the directory of class files (only package {@code lab}), or {@code null} if it failed
 * @param errors   the compiler's errors, each with its place in the student's code
 * @param millis   how long compiling took
 */
public record CompileResult(Path classes, List<CompileError> errors, long millis) {

    /** Whether the step compiled. */
    public boolean succeeded() {
        return classes != null && errors.isEmpty();
    }

    /**
     * One compiler error.
     *
     * @param location the file (as the student's repository names it) and line
     * @param message  the compiler's message
     */
    public record CompileError(SourceLocation location, String message) {
        /** {@code Square.java:12: ';' expected}. */
        @Override
        public String toString() {
            String file = location.file().substring(location.file().lastIndexOf('/') + 1);
            return file + ":" + location.line() + ": " + message;
        }
    }
}
