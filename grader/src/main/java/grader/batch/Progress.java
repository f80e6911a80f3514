package grader.batch;

import java.time.Duration;
import java.util.Locale;

/**
 * The batch's progress line: {@code [########------------]  12/40  30%  3.1/min  ~9m left  alice 87/100}.
 *
 * <p>The rate counts only repositories actually graded in this run; skipped ones take no time and
 * would make the estimate of the time left absurdly short.
 */
final class Progress {
    private static final int BAR_WIDTH = 24;

    private Progress() {
    }

    /**
     * The line for {@code done} of {@code total} repositories, {@code graded} of them graded (not
     * skipped) in {@code elapsed}, the last one being {@code last}.
     */
    static String line(int done, int total, int graded, Duration elapsed, String last) {
        int filled = total == 0 ? BAR_WIDTH : (int) ((long) BAR_WIDTH * done / total);
        StringBuilder out = new StringBuilder("[").append("#".repeat(filled)).append("-".repeat(BAR_WIDTH - filled))
                .append("] ").append(String.format(Locale.ROOT, "%" + String.valueOf(total).length() + "d/%d", done, total))
                .append(String.format(Locale.ROOT, " %3d%%", total == 0 ? 100 : 100 * done / total));
        double minutes = elapsed.toMillis() / 60_000.0;
        if (graded > 0 && minutes > 0) {
            double perMinute = graded / minutes;
            out.append(String.format(Locale.ROOT, "  %.1f/min", perMinute));
            int remaining = total - done;
            if (remaining > 0) {
                out.append("  ~").append(human(Duration.ofSeconds(Math.round(remaining / perMinute * 60)))).append(" left");
            }
        }
        if (last != null && !last.isEmpty()) {
            out.append("  ").append(last);
        }
        return out.toString();
    }

    /** {@code 45s}, {@code 3m05s}, {@code 1h02m}. */
    static String human(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds % 3600 / 60);
    }
}
