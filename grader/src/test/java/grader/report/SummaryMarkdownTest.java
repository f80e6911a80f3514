package grader.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Covers {@link SummaryMarkdown}: layout, safe rendering of hostile text, the size cap and the extension point. */
@DisplayName("summary.md")
class SummaryMarkdownTest {
    private static final Pattern OPENING_FENCE = Pattern.compile("^ {0,3}(`{3,})[^`]*$");

    /**
     * The Markdown split at its fenced code blocks, found the way CommonMark closes them: a line of at
     * least as many backticks as the opening fence, with at most three spaces before and only spaces after.
     *
     * @param outside the lines outside every block
     * @param blocks  the contents of each block, in order
     */
    private record Fenced(String outside, List<String> blocks) {
        static Fenced of(String markdown) {
            StringBuilder outside = new StringBuilder();
            List<String> blocks = new ArrayList<>();
            StringBuilder block = null;
            String fence = null;
            for (String line : markdown.split("\n", -1)) {
                Matcher opening = OPENING_FENCE.matcher(line);
                if (fence == null && opening.matches()) {
                    fence = opening.group(1);
                    block = new StringBuilder();
                } else if (fence == null) {
                    outside.append(line).append('\n');
                } else if (line.matches(" {0,3}`{" + fence.length() + ",} *")) {
                    blocks.add(block.toString());
                    fence = null;
                } else {
                    block.append(line).append('\n');
                }
            }
            return new Fenced(outside.toString(), blocks);
        }
    }

    private static String outsideCodeBlocks(String markdown) {
        return Fenced.of(markdown).outside();
    }

    private static List<String> codeBlocks(String markdown) {
        return Fenced.of(markdown).blocks();
    }

    private static String hostile(String message) {
        return SummaryMarkdown.render(SampleReports.withMessage(TestStatus.FAILED, "t", message));
    }

    @Nested
    @DisplayName("layout")
    class Layout {
        @Test
        @DisplayName("starts with the grade as a title")
        void title() {
            assertTrue(SummaryMarkdown.render(SampleReports.mixed()).startsWith("## Grade: 73 / 100\n"));
        }

        @Test
        @DisplayName("has a table row per step with score, max and a mark")
        void rows() {
            String markdown = SummaryMarkdown.render(SampleReports.mixed());
            assertTrue(markdown.contains("| Step 1: square | 20 | 20 | ✅ pass |\n"), markdown);
        }

        @Test
        @DisplayName("marks a step that lost points as failed, with a count")
        void failedRow() {
            String markdown = SummaryMarkdown.render(SampleReports.mixed());
            assertTrue(markdown.contains("| Step 3: queue | 15 | 25 | ❌ fail — 2 of 5 tests not passed |\n"), markdown);
        }

        @Test
        @DisplayName("ends the table with the total")
        void total() {
            assertTrue(SummaryMarkdown.render(SampleReports.mixed()).contains("| **Total** | **73** | **100** | |\n"));
        }

        @Test
        @DisplayName("gives a section to each step with failures, and none to a step without")
        void sections() {
            List<String> headings = SummaryMarkdown.render(SampleReports.mixed()).lines()
                    .filter(line -> line.startsWith("### ")).toList();
            assertEquals(List.of("### ❌ Step 2: complex\\_square (20 / 25)", "### ❌ Step 3: queue (15 / 25)",
                    "### ❌ Step 4: slow\\_square (18 / 30)"), headings);
        }

        @Test
        @DisplayName("lists each test that did not pass, with status, points and location")
        void failedTest() {
            assertTrue(SummaryMarkdown.render(SampleReports.mixed()).contains(
                    "**❌ uses starmap** — failed, 0 / 5 points — exercises/src/main/java/lab/ComplexSquare\\.java line 12\n"));
        }

        @Test
        @DisplayName("shows a short message whole in a code block")
        void shortMessage() {
            assertTrue(codeBlocks(SummaryMarkdown.render(SampleReports.mixed()))
                    .contains(SampleReports.MULTI_LINE_MESSAGE + "\n"));
        }

        @Test
        @DisplayName("collapses a long message in a details block")
        void longMessage() {
            String markdown = hostile("line\n".repeat(50));
            assertTrue(markdown.contains("<details><summary>Full message, with the output it quotes (50 lines)</summary>"
                    + "\n\n```text\n"), markdown);
        }

        @Test
        @DisplayName("shows what happened and the hint of a long message outside the details block")
        void longMessageKeepsItsAdviceVisible() {
            String message = "Step 1: square: the output of Square.main.\nExpected: 1 line:\n  | [0, 1]\n"
                    + "What happened: it printed 40 lines:\n" + "  | debug\n".repeat(40)
                    + "Hint: remove debug printing inside loops\nRead the guide (README.md), section \"Step 1: square\".";
            String markdown = hostile(message);
            String visible = codeBlocks(markdown.substring(0, markdown.indexOf("<details>"))).get(0);
            assertEquals(List.of("Step 1: square: the output of Square.main.", "Expected: 1 line:",
                    "What happened: it printed 40 lines:", "Hint: remove debug printing inside loops",
                    "Read the guide (README.md), section \"Step 1: square\"."), visible.lines().toList());
        }

        @Test
        @DisplayName("shows one message once for the tests of a step that all failed for it, naming each test")
        void oneMessageForTestsThatShareIt() {
            String markdown = SummaryMarkdown.render(SampleReports.zero());
            String square = markdown.substring(markdown.indexOf("### ❌ Step 1: square"), markdown.indexOf("### ❌ Step 2"));
            assertEquals(List.of(1L, 1L, 4L), List.of(
                    square.lines().filter(line -> line.contains("';' expected")).count(),
                    square.lines().filter(line -> line.startsWith("**❌ 4 tests, one reason** — error, 0 / 20 points")).count(),
                    square.lines().filter(line -> line.startsWith("- square test ")).count()), square);
        }

        @Test
        @DisplayName("a perfect report has no step sections")
        void perfect() {
            assertFalse(SummaryMarkdown.render(SampleReports.perfect()).contains("### "));
        }
    }

    @Nested
    @DisplayName("hostile text")
    class Hostile {
        @Test
        @DisplayName("a script tag in a message stays inside a code block")
        void script() {
            assertFalse(outsideCodeBlocks(hostile("<script>alert(1)</script>")).contains("<script"));
        }

        @Test
        @DisplayName("a closing details tag in a long message does not close ours")
        void details() {
            String markdown = hostile("</details>\n".repeat(40));
            assertEquals(List.of("<details><summary>Full message, with the output it quotes (40 lines)</summary>",
                            "</details>"),
                    outsideCodeBlocks(markdown).lines().filter(line -> line.contains("details>")).toList());
        }

        @Test
        @DisplayName("a backtick fence in a message cannot close the block")
        void fence() {
            String message = "before\n````````\n# Injected heading\n````````\nafter";
            assertTrue(codeBlocks(hostile(message)).contains(message + "\n"));
        }

        @Test
        @DisplayName("the fence is longer than any backtick run in the message")
        void fenceLength() {
            assertTrue(hostile("a ````` b").contains("\n``````text\n"));
        }

        @Test
        @DisplayName("HTML in a test name is entity-escaped")
        void htmlInName() {
            String markdown = SummaryMarkdown.render(
                    SampleReports.withMessage(TestStatus.FAILED, "<img src=x onerror=alert(1)> & co", "m"));
            assertTrue(markdown.contains("&lt;img src=x onerror=alert\\(1\\)&gt; &amp; co"), markdown);
        }

        @Test
        @DisplayName("a pipe in a step title does not split its table cell")
        void pipe() {
            GradeReport report = new SampleReports.Builder().step("square", "a | b", 5).passed("t").build();
            assertTrue(SummaryMarkdown.render(report).contains("| a \\| b | 5 | 5 | ✅ pass |\n"));
        }

        @Test
        @DisplayName("a line break in a name does not break the line")
        void lineBreakInName() {
            String markdown = SummaryMarkdown.render(SampleReports.withMessage(TestStatus.FAILED, "a\n# b", "m"));
            assertTrue(markdown.contains("**❌ a \\# b** — failed"), markdown);
        }

        @Test
        @DisplayName("control and bidi-override characters are removed from messages")
        void controls() {
            assertEquals(List.of("ab c\n"), codeBlocks(hostile("a\u0000\u001b\u202eb\u0007 c")));
        }
    }

    @Nested
    @DisplayName("size")
    class Size {
        private static GradeReport huge() {
            SampleReports.Builder builder = new SampleReports.Builder().step("square", "Step 1: square", 1);
            for (int i = 0; i < 60; i++) {
                builder.failed("test " + i, ("a long message with `ticks` and <tags> " + i + "\n").repeat(2_000), null);
            }
            return builder.build();
        }

        @Test
        @DisplayName("stays under the cap whatever the messages")
        void capped() {
            assertTrue(SummaryMarkdown.render(huge()).getBytes(StandardCharsets.UTF_8).length <= SummaryMarkdown.MAX_BYTES);
        }

        @Test
        @DisplayName("says that messages were left out")
        void saysSo() {
            assertTrue(SummaryMarkdown.render(huge()).contains("were left out"));
        }

        @Test
        @DisplayName("still names every test that did not pass")
        void namesAll() {
            assertEquals(60, SummaryMarkdown.render(huge()).lines().filter(line -> line.startsWith("**❌ test ")).count());
        }

        @Test
        @DisplayName("cuts one very long message and says so")
        void cutsOne() {
            String markdown = hostile("x".repeat(SummaryMarkdown.MAX_MESSAGE_CHARS * 2));
            assertTrue(markdown.contains("[... cut here: the summary shows at most"), markdown.substring(0, 300));
        }

        @Test
        @DisplayName("leaves nothing out of a normal report")
        void normal() {
            assertFalse(SummaryMarkdown.render(SampleReports.mixed()).contains("left out"));
        }
    }

    @Nested
    @DisplayName("extra Markdown per step")
    class Extra {
        private static final String CHART = "```mermaid\npie title square\n  \"passed\" : 4\n```";

        @Test
        @DisplayName("goes verbatim right under the step's heading")
        void underHeading() {
            String markdown = SummaryMarkdown.render(SampleReports.mixed(), Map.of("queue", CHART));
            assertTrue(markdown.contains("### ❌ Step 3: queue (15 / 25)\n\n" + CHART + "\n\n"), markdown);
        }

        @Test
        @DisplayName("gives a passed step a section of its own")
        void passedStep() {
            String markdown = SummaryMarkdown.render(SampleReports.mixed(), Map.of("square", CHART));
            assertTrue(markdown.contains("### ✅ Step 1: square (20 / 20)\n\n" + CHART), markdown);
        }

        @Test
        @DisplayName("is left out, with a note, when it would pass the cap")
        void tooBig() {
            String markdown = SummaryMarkdown.render(SampleReports.mixed(),
                    Map.of("square", "x".repeat(SummaryMarkdown.MAX_BYTES)));
            assertTrue(markdown.contains("1 chart(s) were left out"), markdown);
        }
    }
}
