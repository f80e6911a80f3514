package grader.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Covers {@link ReportText} and {@link MarkdownText}: the clean-up and escaping every report relies on. */
@DisplayName("report text helpers")
class ReportTextTest {

    @Nested
    @DisplayName("clean")
    class Clean {
        @Test
        @DisplayName("turns CRLF and CR into LF")
        void lineBreaks() {
            assertEquals("a\nb\nc", ReportText.clean("a\r\nb\rc"));
        }

        @Test
        @DisplayName("keeps tabs, drops other controls, DEL, C1 and bidi overrides")
        void controls() {
            assertEquals("a\tb", ReportText.clean("a\u0000\t\u007f\u0085\u202e\u2066b\u001b"));
        }

        @Test
        @DisplayName("turns an unpaired surrogate into U+FFFD and keeps a pair")
        void surrogates() {
            assertEquals("\uFFFD 😀", ReportText.clean("\udc00 😀"));
        }

        @Test
        @DisplayName("turns null into the empty string")
        void nullText() {
            assertEquals("", ReportText.clean(null));
        }
    }

    @Nested
    @DisplayName("truncate")
    class Truncate {
        @Test
        @DisplayName("leaves text that fits alone")
        void fits() {
            assertEquals("abc", ReportText.truncate("abc", 3, "!"));
        }

        @Test
        @DisplayName("cuts to the limit, note included")
        void cuts() {
            assertEquals("ab!", ReportText.truncate("abcdef", 3, "!"));
        }

        @Test
        @DisplayName("never splits a surrogate pair")
        void pair() {
            assertEquals("a!", ReportText.truncate("a😀bc", 3, "!"));
        }
    }

    @Nested
    @DisplayName("Markdown")
    class Markdown {
        @Test
        @DisplayName("inline text escapes HTML and Markdown punctuation")
        void inline() {
            assertEquals("&lt;b&gt; \\*x\\* \\[l\\]\\(u\\) \\| \\$m\\$ \\@u &amp;", MarkdownText.inline("<b> *x* [l](u) | $m$ @u &", 100));
        }

        @Test
        @DisplayName("inline text is one line")
        void oneLine() {
            assertEquals("a b", MarkdownText.inline("a\n\n  b", 100));
        }

        @Test
        @DisplayName("a code block's fence is at least three backticks")
        void shortFence() {
            assertEquals("```text\nx\n```\n", MarkdownText.codeBlock("x"));
        }

        @Test
        @DisplayName("a code block's fence outgrows the longest backtick run")
        void longFence() {
            assertEquals("`````text\na ```` b\n`````\n", MarkdownText.codeBlock("a ```` b"));
        }

        @Test
        @DisplayName("a code block does not entity-escape, which GitHub would show literally")
        void noEntities() {
            assertEquals("```text\n<b> & </b>\n```\n", MarkdownText.codeBlock("<b> & </b>"));
        }
    }
}
