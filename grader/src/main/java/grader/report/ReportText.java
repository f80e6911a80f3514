package grader.report;

/**
 * Text clean-up shared by the report files and the class dashboard.
 *
 * <p>Messages are teaching text written by the grader, but they may quote what a student's program
 * printed or threw, so every report treats them as hostile: {@link #clean} removes the characters
 * that could hide text, move the cursor in a terminal or reorder what a reader sees, and the
 * truncation helpers keep a single runaway message from swelling a file past a platform limit.
 */
public final class ReportText {
    /** What {@link #truncate} appends, so a reader knows the text goes on elsewhere. */
    public static final String TRUNCATED = " [... truncated; the full text is in grade.json]";

    private ReportText() {
    }

    /**
     * {@code text} with line breaks normalised to {@code \n} and without control characters (other
     * than tab and newline), bidirectional-override characters, non-characters and unpaired
     * surrogates (those become U+FFFD). {@code null} becomes the empty string.
     */
    public static String clean(String text) {
        if (text == null) {
            return "";
        }
        String lines = text.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder(lines.length());
        for (int i = 0; i < lines.length(); ) {
            int cp = lines.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.getType(cp) == Character.SURROGATE) {
                out.append('\uFFFD');
            } else if (cp == '\t' || cp == '\n' || !hidden(cp)) {
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }

    /** Whether a code point is invisible trouble: controls (ESC starts terminal escapes), bidi overrides, non-characters. */
    private static boolean hidden(int cp) {
        return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)
                || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)
                || cp == 0xFFFE || cp == 0xFFFF;
    }

    /** {@link #clean} text on one line: each run of whitespace that holds a line break becomes one space. */
    public static String oneLine(String text) {
        return clean(text).replaceAll("[ \\t]*\\n\\s*", " ").replace('\t', ' ').strip();
    }

    /** The first non-blank line of {@link #clean} text, or the empty string. */
    public static String firstLine(String text) {
        for (String line : clean(text).split("\n")) {
            if (!line.isBlank()) {
                return line.strip();
            }
        }
        return "";
    }

    /** {@link #truncate(String, int, String)} with the note {@link #TRUNCATED}. */
    public static String truncate(String text, int maxChars) {
        return truncate(text, maxChars, TRUNCATED);
    }

    /**
     * {@code text} cut to at most {@code maxChars} characters, {@code note} included, never between
     * the two halves of a surrogate pair; unchanged when it already fits.
     */
    public static String truncate(String text, int maxChars, String note) {
        if (text.length() <= maxChars) {
            return text;
        }
        int keep = Math.max(0, maxChars - note.length());
        if (keep > 0 && Character.isHighSurrogate(text.charAt(keep - 1))) {
            keep--;
        }
        return text.substring(0, keep) + note;
    }
}
