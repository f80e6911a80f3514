package grader.report;

/**
 * A place in the student's code that a message is about, such as a compile error or a forbidden call.
 *
 * @param file the path relative to the repository root, such as {@code exercises/src/main/java/lab/Square.java}
 * @param line the line number, 1-based
 */
public record SourceLocation(String file, int line) {
}
