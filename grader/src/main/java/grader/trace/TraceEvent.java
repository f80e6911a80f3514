package grader.trace;

import java.util.List;
import java.util.Map;

/**
 * One line of the runtime's trace (see the runtime's README for the format).
 *
 * @param fields the line's JSON object
 */
public record TraceEvent(Map<String, Object> fields) {

    /** The event kind: {@code pool_start}, {@code task}, {@code callback}, ... */
    public String kind() {
        return text("event");
    }

    /** The pid of the process that wrote the event. */
    public long pid() {
        return number("pid");
    }

    /** A numeric field, or -1 when absent or not a number. */
    public long number(String name) {
        return fields.get(name) instanceof Number n ? n.longValue() : -1;
    }

    /** A text field, or "" when absent. */
    public String text(String name) {
        Object value = fields.get(name);
        return value instanceof String s ? s : "";
    }

    /** A field holding an array of numbers, or an empty list. */
    public List<Long> numbers(String name) {
        if (fields.get(name) instanceof List<?> list) {
            return list.stream().filter(Number.class::isInstance).map(o -> ((Number) o).longValue()).toList();
        }
        return List.of();
    }

    /** A boolean field, or false. */
    public boolean flag(String name) {
        return Boolean.TRUE.equals(fields.get(name));
    }
}
