package multiprocessing.tools;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tests' view of a trace line, read by the runtime's own reader ({@link JsonLine}, the one the
 * timelines and the grader trust), so a test and the product can never disagree on what a line says.
 * Arrays come back as lists of {@link Long}, which tests compare with {@code List.of(...)}.
 */
public final class FlatJson {
    private FlatJson() {
    }

    /**
     * The fields of the object in {@code line}, in their order; numbers are {@link Long}s.
     *
     * @throws IllegalArgumentException if the line is not one flat JSON object
     */
    public static Map<String, Object> parse(String line) {
        Map<String, Object> fields = new LinkedHashMap<>();
        JsonLine.parse(line).forEach((name, value) -> fields.put(name, value instanceof long[] numbers ? list(numbers) : value));
        return fields;
    }

    private static List<Long> list(long[] numbers) {
        List<Long> values = new ArrayList<>(numbers.length);
        for (long number : numbers) {
            values.add(number);
        }
        return values;
    }
}
