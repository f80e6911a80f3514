package grader.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code summary.md}: the grade as GitHub-flavoured Markdown for the Actions job summary
 * ({@code cat summary.md >> "$GITHUB_STEP_SUMMARY"}).
 *
 * <p>It holds a title with the score, a table of the steps (score, maximum, a pass or fail mark) and,
 * for each step that lost points, the tests that did not pass with their messages. Tests of a step that
 * failed with the same message (a compile error fails them all) share one entry. What happened and the
 * hint are always visible: a long message shows its own lines, without the output it quotes, and keeps
 * the whole text in a collapsed {@code <details>}. Every string from the report goes through
 * {@link MarkdownText}: names and paths are escaped, messages are shown in fenced code blocks, so a
 * message quoting a hostile submission can neither inject HTML nor break the layout.
 *
 * <p>GitHub drops a step's whole summary when it passes 1 MiB, so the file is kept under
 * {@value #MAX_BYTES} bytes: long messages are cut, and when the budget runs out the remaining
 * messages are left out with a note saying so. {@code grade.json} keeps every message whole.
 *
 * <p><b>Extension point.</b> {@link #render(GradeReport, Map)} takes Markdown per step id, inserted
 * verbatim right under that step's heading (a step with extra Markdown gets a section even when it
 * lost no points). It is meant for charts the grader draws itself, such as a Mermaid diagram per
 * step; it is trusted, so never put text from the submission in it.
 */
public final class SummaryMarkdown {
    /** The file's name inside the report directory. */
    public static final String FILE_NAME = "summary.md";
    /** The most bytes (UTF-8) the file may hold, far below GitHub's 1 MiB per step. */
    public static final int MAX_BYTES = 200 * 1024;
    /** The longest message shown, in characters; longer ones are cut with a note. */
    static final int MAX_MESSAGE_CHARS = 16_000;
    /** Messages longer than this many lines, or {@link #LONG_MESSAGE_CHARS} characters, start collapsed. */
    static final int LONG_MESSAGE_LINES = 12;
    static final int LONG_MESSAGE_CHARS = 1_200;
    /** The longest name or title shown inline, in characters. */
    private static final int MAX_INLINE_CHARS = 200;
    /** Stands in for a message that did not fit. */
    private static final String LEFT_OUT = "_The message is left out: this summary reached its size limit._\n\n";
    /** Bytes kept back for the closing note about what was left out. */
    private static final int RESERVE_BYTES = 1_024;

    private SummaryMarkdown() {
    }

    /** Writes {@code summary.md} into {@code dir}, with no extra Markdown, and returns its path. */
    public static Path write(GradeReport report, Path dir) throws IOException {
        return write(report, dir, Map.of());
    }

    /** Writes {@code summary.md} into {@code dir} with extra Markdown per step id (see the class comment). */
    public static Path write(GradeReport report, Path dir, Map<String, String> extraMarkdownByStep) throws IOException {
        return ReportFiles.write(dir.resolve(FILE_NAME), render(report, extraMarkdownByStep));
    }

    /** The summary with no extra Markdown. */
    public static String render(GradeReport report) {
        return render(report, Map.of());
    }

    /**
     * The summary.
     *
     * @param extraMarkdownByStep trusted Markdown to insert under a step's heading, by step id; steps
     *                            without an entry get none, and {@code null} means none at all. The
     *                            extension point for per-step charts.
     */
    public static String render(GradeReport report, Map<String, String> extraMarkdownByStep) {
        Map<String, String> extras = extraMarkdownByStep == null ? Map.of() : extraMarkdownByStep;
        Budget out = new Budget(MAX_BYTES - RESERVE_BYTES);
        out.append("## Grade: " + report.score() + " / " + report.maxScore() + "\n\n");
        out.append(table(report));
        out.append(protectedFilesNote(report.protectedFiles()));
        int omittedMessages = 0;
        int omittedExtras = 0;
        // Every test that did not pass is named, whatever the messages cost: the room for each heading
        // (with the note that its message was left out) is set aside before any message is written.
        Map<StepResult, List<List<TestResult>>> groups = new LinkedHashMap<>();
        for (StepResult step : report.steps()) {
            groups.put(step, sameMessage(StepOutcome.notPassed(step)));
            groups.get(step).forEach(tests -> out.reserve(testHeading(tests) + LEFT_OUT));
        }
        for (StepResult step : report.steps()) {
            String extra = extras.get(step.id());
            boolean hasExtra = extra != null && !extra.isBlank();
            if (StepOutcome.passed(step) && !hasExtra) {
                continue;
            }
            out.tryAppend(stepHeading(step));
            if (hasExtra && !out.tryAppend(extra.strip() + "\n\n")) {
                omittedExtras++;
            }
            for (List<TestResult> tests : groups.get(step)) {
                String heading = testHeading(tests);
                out.release(heading + LEFT_OUT);
                if (!out.tryAppend(heading + message(tests.get(0).message()))) {
                    omittedMessages++;
                    out.append(heading + LEFT_OUT);
                }
            }
        }
        out.appendReserved(closingNote(omittedMessages, omittedExtras));
        return out.toString();
    }

    /** A word for the student who edited the set-up: it changes nothing, and the instructor sees it. */
    private static String protectedFilesNote(ProtectedFiles files) {
        if (!files.checked() || files.intact()) {
            return "";
        }
        List<String> changed = files.describe();
        StringBuilder out = new StringBuilder("> [!NOTE]\n> These files of the lab's set-up differ from the template: ");
        out.append(MarkdownText.inline(String.join(", ", changed.subList(0, Math.min(10, changed.size()))), 1_000));
        if (changed.size() > 10) {
            out.append(" and ").append(changed.size() - 10).append(" more");
        }
        out.append(". They do not change your grade: the grader uses its own copies. Your instructor sees the"
                + " change; see GRADING.md.\n\n");
        return out.toString();
    }

    private static String table(GradeReport report) {
        StringBuilder out = new StringBuilder("| Step | Score | Max | Result |\n| :--- | ---: | ---: | :--- |\n");
        for (StepResult step : report.steps()) {
            out.append("| ").append(MarkdownText.inline(step.title(), MAX_INLINE_CHARS))
                    .append(" | ").append(step.score())
                    .append(" | ").append(step.maxScore())
                    .append(" | ").append(StepOutcome.passed(step) ? "✅ pass" : "❌ fail — " + notPassedCount(step))
                    .append(" |\n");
        }
        out.append("| **Total** | **").append(report.score()).append("** | **").append(report.maxScore())
                .append("** | |\n\n");
        return out.toString();
    }

    private static String notPassedCount(StepResult step) {
        int total = step.tests().size();
        return (total - StepOutcome.passedCount(step)) + " of " + total + " tests not passed";
    }

    private static String stepHeading(StepResult step) {
        return "### " + (StepOutcome.passed(step) ? "✅ " : "❌ ") + MarkdownText.inline(step.title(), MAX_INLINE_CHARS)
                + " (" + step.score() + " / " + step.maxScore() + ")\n\n";
    }

    /** The tests in their order, those with one and the same message together (a compile error fails them all). */
    private static List<List<TestResult>> sameMessage(List<TestResult> tests) {
        Map<String, List<TestResult>> byMessage = new LinkedHashMap<>();
        for (TestResult test : tests) {
            byMessage.computeIfAbsent(ReportText.clean(test.message()).strip() + "\u0000" + test.status(),
                    message -> new ArrayList<>()).add(test);
        }
        return List.copyOf(byMessage.values());
    }

    /** One test's heading, or for tests that share a message, one heading that names them all. */
    private static String testHeading(List<TestResult> tests) {
        TestResult first = tests.get(0);
        StringBuilder out = new StringBuilder("**❌ ");
        if (tests.size() == 1) {
            out.append(MarkdownText.inline(first.name(), MAX_INLINE_CHARS)).append("** — ");
        } else {
            out.append(tests.size()).append(" tests, one reason** — ");
        }
        int score = tests.stream().mapToInt(TestResult::score).sum();
        int max = tests.stream().mapToInt(TestResult::maxScore).sum();
        out.append(first.status().word()).append(", ").append(score).append(" / ").append(max).append(" points");
        if (first.location() != null) {
            out.append(" — ").append(MarkdownText.inline(first.location().file(), MAX_INLINE_CHARS))
                    .append(" line ").append(first.location().line());
        }
        out.append("\n\n");
        if (tests.size() > 1) {
            for (TestResult test : tests) {
                out.append("- ").append(MarkdownText.inline(test.name(), MAX_INLINE_CHARS)).append('\n');
            }
            out.append('\n');
        }
        return out.toString();
    }

    /**
     * A message as a code block. A long one shows its own lines (what was checked, expected, what happened,
     * the hint) without the program output it quotes, and the whole text collapsed below, so what to fix
     * is readable without a click and the page stays scannable.
     */
    private static String message(String message) {
        String text = ReportText.clean(message).strip();
        if (text.isEmpty()) {
            return "";
        }
        text = ReportText.truncate(text, MAX_MESSAGE_CHARS,
                "\n[... cut here: the summary shows at most " + MAX_MESSAGE_CHARS + " characters; grade.json has it all]");
        long lines = text.lines().count();
        if (lines <= LONG_MESSAGE_LINES && text.length() <= LONG_MESSAGE_CHARS) {
            return MarkdownText.codeBlock(text) + "\n";
        }
        return MarkdownText.codeBlock(visiblePart(text)) + "\n"
                + "<details><summary>Full message, with the output it quotes (" + lines + " lines)</summary>\n\n"
                + MarkdownText.codeBlock(text) + "\n</details>\n\n";
    }

    /**
     * The lines a reader must see: the message without the lines it quotes ({@code "  | ..."}), cut to
     * {@link #LONG_MESSAGE_LINES} lines and {@link #LONG_MESSAGE_CHARS} characters at most.
     */
    static String visiblePart(String text) {
        List<String> own = text.lines().filter(line -> !line.startsWith("  |")).toList();
        List<String> shown = own.subList(0, Math.min(own.size(), LONG_MESSAGE_LINES));
        String visible = ReportText.truncate(String.join("\n", shown), LONG_MESSAGE_CHARS, " [...]");
        return own.size() > shown.size() ? visible + "\n[... " + (own.size() - shown.size()) + " more lines below ...]"
                : visible;
    }

    private static String closingNote(int omittedMessages, int omittedExtras) {
        if (omittedMessages == 0 && omittedExtras == 0) {
            return "";
        }
        return "---\n\n_This summary is capped at " + MAX_BYTES / 1024 + " KiB: " + omittedMessages
                + " message(s) and " + omittedExtras + " chart(s) were left out. grade.json in the run's artifact has every message._\n";
    }

    /**
     * A builder that counts UTF-8 bytes. The title and the step table ({@link #append}) always go in;
     * they are a few lines per step. Everything else ({@link #tryAppend}) goes in only if it fits under
     * the limit minus what is {@link #reserve reserved} for parts that must go in later, which leaves
     * room for every test's heading and for the closing note.
     */
    private static final class Budget {
        private final StringBuilder text = new StringBuilder();
        private final int limit;
        private int bytes;
        private int reserved;

        Budget(int limit) {
            this.limit = limit;
        }

        void append(String part) {
            text.append(part);
            bytes += utf8Length(part);
        }

        /** Sets room aside for {@code part}, which a later {@link #append} is sure to get. */
        void reserve(String part) {
            reserved += utf8Length(part);
        }

        /** Gives back the room {@link #reserve} set aside for {@code part}. */
        void release(String part) {
            reserved -= utf8Length(part);
        }

        boolean tryAppend(String part) {
            int size = utf8Length(part);
            if (bytes + reserved + size > limit) {
                return false;
            }
            text.append(part);
            bytes += size;
            return true;
        }

        void appendReserved(String part) {
            text.append(part);
        }

        private static int utf8Length(String part) {
            return part.getBytes(StandardCharsets.UTF_8).length;
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
