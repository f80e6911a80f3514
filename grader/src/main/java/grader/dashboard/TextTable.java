package grader.dashboard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Texts stored once and referred to by index. Hundreds of students get the same failure message, so
 * the page keeps one copy of each and the students refer to it.
 */
final class TextTable {
    private final Map<String, Integer> indexes = new HashMap<>();
    private final List<String> texts = new ArrayList<>();

    /** The index of {@code text}, added if new. */
    int indexOf(String text) {
        return indexes.computeIfAbsent(text, added -> {
            texts.add(added);
            return texts.size() - 1;
        });
    }

    /** Every text, at its index. */
    List<String> texts() {
        return List.copyOf(texts);
    }
}
