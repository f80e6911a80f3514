package grader.dashboard;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The spread of the class's scores, as percentages of the points available so that grades from
 * graders with other totals still compare.
 *
 * @param graded    how many scores there are
 * @param mean      the mean percentage, or {@code null} when no one was graded
 * @param median    the median percentage (the mean of the two middle ones for an even count), or {@code null}
 * @param histogram ten counts of 10-point bins: 0-9, 10-19, ..., 80-89, and 90-100, which holds full marks
 */
record ScoreSummary(int graded, Double mean, Double median, List<Integer> histogram) {
    /** How many bins the histogram has; each is this many points wide, but for the last, which takes 100 too. */
    static final int BINS = 10;

    /** Summarises {@code percentages}, each from 0 to 100. */
    static ScoreSummary of(List<Double> percentages) {
        int[] bins = new int[BINS];
        for (double percentage : percentages) {
            bins[Math.max(0, Math.min(BINS - 1, (int) Math.floor(percentage / BINS)))]++;
        }
        List<Integer> histogram = new ArrayList<>();
        for (int count : bins) {
            histogram.add(count);
        }
        if (percentages.isEmpty()) {
            return new ScoreSummary(0, null, null, List.copyOf(histogram));
        }
        List<Double> sorted = new ArrayList<>(percentages);
        Collections.sort(sorted);
        int n = sorted.size();
        double mean = sorted.stream().mapToDouble(Double::doubleValue).sum() / n;
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new ScoreSummary(n, mean, median, List.copyOf(histogram));
    }
}
