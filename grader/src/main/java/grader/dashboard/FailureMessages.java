package grader.dashboard;

import grader.report.ReportText;

/**
 * Groups failure messages: two students who hit the same problem get messages that differ after the
 * first line (their own output, their line numbers), so messages are compared by a short first line.
 */
final class FailureMessages {
    /** The longest grouped message; longer ones are cut and end with {@value #CUT}. */
    static final int MAX_CHARS = 160;
    /** What ends a cut message. */
    static final String CUT = "\u2026";
    /** What stands for an empty message. */
    static final String NONE = "(no message)";

    private FailureMessages() {
    }

    /** The message's first non-blank line, cleaned, trimmed and cut to {@link #MAX_CHARS}. */
    static String normalize(String message) {
        String line = ReportText.firstLine(message);
        return line.isEmpty() ? NONE : ReportText.truncate(line, MAX_CHARS, CUT);
    }
}
