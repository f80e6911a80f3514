package multiprocessing.tools;

import java.util.Arrays;
import java.util.Comparator;

/**
 * How time intervals (tasks, process lifetimes) relate: how many ran at once, and in how many rounds.
 * Intervals are half-open, {@code [start, end)}: a task that starts the very microsecond another ends
 * did not overlap it. An empty interval counts as one microsecond long, so it still takes part.
 */
final class Intervals {
    private Intervals() {
    }

    /** The most intervals that were running at the same moment; 0 for none. */
    static int maxOverlap(long[] starts, long[] ends) {
        int n = starts.length;
        long[][] edges = new long[2 * n][];
        for (int i = 0; i < n; i++) {
            edges[2 * i] = new long[] {starts[i], 1};
            edges[2 * i + 1] = new long[] {end(starts[i], ends[i]), -1};
        }
        // At the same instant, ends come before starts: touching intervals do not overlap.
        Arrays.sort(edges, Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1]));
        int running = 0;
        int most = 0;
        for (long[] edge : edges) {
            running += (int) edge[1];
            most = Math.max(most, running);
        }
        return most;
    }

    /**
     * The number of rounds: the longest chain of intervals in which each starts only after the previous
     * one ended. Equivalently, the fewest moments in time at which every interval is seen running: ten
     * one-second tasks on four workers run in three waves (4 + 4 + 2), so in three rounds; ten tasks
     * that each waited for the previous one run in ten. It is at least {@code n / maxOverlap}.
     */
    static int rounds(long[] starts, long[] ends) {
        int n = starts.length;
        Integer[] byEnd = new Integer[n];
        for (int i = 0; i < n; i++) {
            byEnd[i] = i;
        }
        Arrays.sort(byEnd, Comparator.comparingLong(i -> end(starts[i], ends[i])));
        // Greedy by earliest end: the classic optimum for a largest set of pairwise disjoint intervals.
        int rounds = 0;
        long lastEnd = Long.MIN_VALUE;
        for (int i : byEnd) {
            if (starts[i] >= lastEnd) {
                rounds++;
                lastEnd = end(starts[i], ends[i]);
            }
        }
        return rounds;
    }

    private static long end(long start, long end) {
        return Math.max(end, start + 1);
    }
}
