package grader.report;

/**
 * Puts untrusted text into GitHub-flavoured Markdown so it shows as typed and can do nothing else.
 *
 * <p>Two forms: {@link #inline} for text inside a line (a table cell, a heading, a test's name),
 * where HTML is entity-escaped and Markdown punctuation backslash-escaped; and {@link #codeBlock}
 * for whole messages, where a fenced block shows text literally as long as its fence is longer than
 * any backtick run inside. Text inside a code block must not be entity-escaped: GitHub would show
 * {@code &lt;} as typed.
 */
final class MarkdownText {
    /**
     * ASCII punctuation that starts Markdown syntax somewhere on GitHub: emphasis, links, images,
     * code spans, headings, lists, table cells ({@code |}), strikethrough, math ({@code $}) and
     * mentions ({@code @}). CommonMark lets any ASCII punctuation be backslash-escaped.
     */
    private static final String PUNCTUATION = "\\`*_{}[]()#+-.!|~^$@";

    private MarkdownText() {
    }

    /**
     * {@code text} on one line, at most {@code maxChars} characters before escaping, safe anywhere
     * inside a line of Markdown, table cells included.
     */
    static String inline(String text, int maxChars) {
        String line = ReportText.truncate(ReportText.oneLine(text), maxChars, "...");
        StringBuilder out = new StringBuilder(line.length() + 16);
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                default -> {
                    if (PUNCTUATION.indexOf(c) >= 0) {
                        out.append('\\');
                    }
                    out.append(c);
                }
            }
        }
        return out.toString();
    }

    /**
     * A fenced code block holding {@code text} verbatim (after {@link ReportText#clean}), starting and
     * ending on lines of its own and followed by a newline. Its fence is one backtick longer than the
     * longest backtick run in the text, and at least three, so no line of the text can close it.
     */
    static String codeBlock(String text) {
        String body = ReportText.clean(text);
        String fence = "`".repeat(Math.max(3, longestBacktickRun(body) + 1));
        StringBuilder out = new StringBuilder(body.length() + 2 * fence.length() + 8);
        out.append(fence).append("text\n").append(body);
        if (!body.endsWith("\n")) {
            out.append('\n');
        }
        return out.append(fence).append('\n').toString();
    }

    /** The length of the longest run of consecutive backticks in {@code text}. */
    static int longestBacktickRun(String text) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }
}
