package grader.dashboard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Values stored once and referred to by index. Hundreds of students get the same failure message or
 * the same lanes in their run timelines, so the page keeps one copy of each and the students refer to it.
 *
 * @param <T> the values' type, compared by {@code equals}
 */
final class IndexTable<T> {
    private final Map<T, Integer> indexes = new HashMap<>();
    private final List<T> values = new ArrayList<>();

    /** The index of {@code value}, added if new. */
    int indexOf(T value) {
        return indexes.computeIfAbsent(value, added -> {
            values.add(added);
            return values.size() - 1;
        });
    }

    /** Every value, at its index. */
    List<T> values() {
        return List.copyOf(values);
    }
}
