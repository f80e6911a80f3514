package grader.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

/** The one element a test expects a list to hold, failing with the list's size when it holds more or none. */
final class OnlyOne {
    private OnlyOne() {
    }

    static <T> T of(List<T> items, String what) {
        assertEquals(1, items.size(), what);
        return items.get(0);
    }
}
