package grader.dashboard;

/**
 * One reason a student needs attention.
 *
 * @param kind   which reason
 * @param detail what exactly, such as the changed files or the error message
 */
record Flag(FlagKind kind, String detail) {
}
