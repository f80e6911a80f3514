package multiprocessing.tools;

import java.util.ArrayList;
import java.util.List;
import multiprocessing.tools.Timeline.Bar;

/**
 * Keeps a picture small: when there are more bars than a picture may draw, neighbouring bars on the
 * same lane are merged into one bar that says how many tasks it stands for.
 *
 * <p>Bars merge when they start within one time window of the first bar of their group; the window is
 * the smallest (found by bisection) that leaves at most the allowed number of bars, so tasks stay
 * apart wherever the budget allows. A larger window never gives more groups, which is what makes the
 * bisection sound. Should there be more lanes than bars allowed, each lane becomes one bar and only
 * the first lanes are kept.
 */
final class BarMerger {
    private BarMerger() {
    }

    /** {@code bars} (ordered by lane, then start) merged down to at most {@code max} bars. */
    static List<Bar> merge(List<Bar> bars, int max) {
        if (bars.size() <= max) {
            return bars;
        }
        long first = bars.stream().mapToLong(Bar::startUs).min().orElse(0);
        long last = bars.stream().mapToLong(Bar::startUs).max().orElse(0);
        long low = 1;
        long high = last - first + 1;
        if (groups(bars, high) > max) {
            return group(bars, high).subList(0, Math.max(0, max));
        }
        while (low < high) {
            long window = low + (high - low) / 2;
            if (groups(bars, window) <= max) {
                high = window;
            } else {
                low = window + 1;
            }
        }
        return group(bars, high);
    }

    private static int groups(List<Bar> bars, long window) {
        int groups = 0;
        String lane = null;
        long groupStart = 0;
        for (Bar bar : bars) {
            if (!bar.lane().equals(lane) || bar.startUs() - groupStart >= window) {
                groups++;
                lane = bar.lane();
                groupStart = bar.startUs();
            }
        }
        return groups;
    }

    private static List<Bar> group(List<Bar> bars, long window) {
        List<Bar> merged = new ArrayList<>();
        List<Bar> current = new ArrayList<>();
        for (Bar bar : bars) {
            if (!current.isEmpty() && (!bar.lane().equals(current.get(0).lane())
                    || bar.startUs() - current.get(0).startUs() >= window)) {
                merged.add(combine(current));
                current.clear();
            }
            current.add(bar);
        }
        if (!current.isEmpty()) {
            merged.add(combine(current));
        }
        return merged;
    }

    private static Bar combine(List<Bar> group) {
        if (group.size() == 1) {
            return group.get(0);
        }
        Bar first = group.get(0);
        long end = first.endUs();
        int tasks = 0;
        long items = 0;
        boolean ok = true;
        boolean finished = true;
        String function = first.function();
        for (Bar bar : group) {
            end = Math.max(end, bar.endUs());
            tasks += bar.tasks();
            items = items + bar.items() < 0 ? Long.MAX_VALUE : items + bar.items();
            ok &= bar.ok();
            finished &= bar.finished();
            if (!bar.function().equals(function)) {
                function = "";
            }
        }
        return new Bar(first.lane(), first.pid(), first.startUs(), end, function, tasks, items, ok, finished);
    }
}
