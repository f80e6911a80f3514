package grader.report;

/**
 * The final table the command line prints: one line per step and a total, such as
 * <pre>
 * Grade: 73 / 100
 *   square            20/20   PASS  4/4 tests passed
 *   complex_square    20/25   FAIL  4/5 tests passed
 *   ...
 *   total             73/100
 * </pre>
 * Plain ASCII only (words, not check marks) because Windows consoles and CI logs do not all render
 * other characters; anything else in a step id shows as {@code ?}.
 */
public final class ConsoleTable {
    /** The narrowest the step column gets, so the usual ids line up however long the longest is. */
    private static final int MIN_ID_WIDTH = 16;

    private ConsoleTable() {
    }

    /** The table, lines ending in {@code \n}. */
    public static String render(GradeReport report) {
        int idWidth = MIN_ID_WIDTH;
        for (StepResult step : report.steps()) {
            idWidth = Math.max(idWidth, ascii(step.id()).length());
        }
        int scoreWidth = Math.max(points(report.score(), report.maxScore()).length(), "00/00".length());
        StringBuilder out = new StringBuilder();
        out.append("Grade: ").append(report.score()).append(" / ").append(report.maxScore()).append('\n');
        for (StepResult step : report.steps()) {
            out.append("  ").append(pad(ascii(step.id()), idWidth))
                    .append("  ").append(padLeft(points(step.score(), step.maxScore()), scoreWidth))
                    .append("  ").append(StepOutcome.passed(step) ? "PASS" : "FAIL")
                    .append("  ").append(StepOutcome.passedCount(step)).append('/').append(step.tests().size())
                    .append(" tests passed\n");
        }
        out.append("  ").append("-".repeat(idWidth + 2 + scoreWidth)).append('\n');
        out.append("  ").append(pad("total", idWidth))
                .append("  ").append(padLeft(points(report.score(), report.maxScore()), scoreWidth)).append('\n');
        return out.toString();
    }

    private static String points(int score, int max) {
        return score + "/" + max;
    }

    /** Printable ASCII only, so the table prints the same on every console. */
    private static String ascii(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : ReportText.oneLine(text).toCharArray()) {
            out.append(c >= 0x20 && c < 0x7F ? c : '?');
        }
        return out.toString();
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }

    private static String padLeft(String text, int width) {
        return " ".repeat(Math.max(0, width - text.length())) + text;
    }
}
