package grader.harness;

import java.util.Locale;
import java.util.Map;

/**
 * The probe's results as JSON text, written with the JDK alone: a sandboxed run's class path holds the
 * runtime and the harness and nothing else, so the grader's JSON library is not there. The grader reads
 * the file with its own JSON set-up ({@code grader.json.GraderJson}).
 *
 * <p>Values are what the checks record: maps with string keys, lists (any {@link Iterable}), strings,
 * numbers, booleans and {@code null}. A whole number in a {@code double} is written without its fraction,
 * NaN and the infinities as {@code null}. Every character outside printable ASCII is escaped, so the file
 * is ASCII: a student's message with half a surrogate pair cannot make it unwritable.
 */
final class ResultWriter {
    private ResultWriter() {
    }

    /**
     * {@code value} as compact JSON.
     *
     * @throws IllegalArgumentException for a value of any other kind
     */
    static String json(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value);
        return out.toString();
    }

    private static void write(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String text) {
            quote(out, text);
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long
                || value instanceof Short || value instanceof Byte) {
            out.append(value);
        } else if (value instanceof Number number) {
            double d = number.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                out.append("null");
            } else if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                out.append((long) d);
            } else {
                out.append(d);
            }
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            String separator = "";
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.append(separator);
                quote(out, String.valueOf(entry.getKey()));
                out.append(':');
                write(out, entry.getValue());
                separator = ",";
            }
            out.append('}');
        } else if (value instanceof Iterable<?> items) {
            out.append('[');
            String separator = "";
            for (Object item : items) {
                out.append(separator);
                write(out, item);
                separator = ",";
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("cannot write a " + value.getClass().getName() + " as JSON");
        }
    }

    private static void quote(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }
}
