package bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The one statistic the report uses: the median, which one slow run on a busy machine cannot drag. */
final class Stats {
    private Stats() {
    }

    /** The median of {@code values} (the mean of the middle two for an even count); null when empty. */
    static Double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>();
        for (Double value : values) {
            if (value != null && !value.isNaN()) {
                sorted.add(value);
            }
        }
        if (sorted.isEmpty()) {
            return null;
        }
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
