package multiprocessing.tools;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads one trace line: a flat JSON object whose values are strings, whole numbers, booleans,
 * {@code null}, or arrays of whole numbers (the only shapes the runtime's trace writer produces).
 *
 * <p>Anything else (nested objects, fractions, numbers beyond {@code long}, duplicate fields, text
 * after the object) makes the whole line unreadable: a line that does not look like the writer's
 * output is not trusted in part. Numbers come back as {@link Long}, arrays as {@code long[]}.
 */
final class JsonLine {
    /** Most fields and array elements one line may hold; the runtime writes at most a dozen fields. */
    private static final int MAX_ITEMS = 4_096;

    private final String text;
    private int at;

    private JsonLine(String text) {
        this.text = text;
    }

    /**
     * The fields of the object on {@code line}.
     *
     * @throws IllegalArgumentException if the line is not one flat JSON object
     */
    static Map<String, Object> parse(String line) {
        JsonLine reader = new JsonLine(line);
        Map<String, Object> fields = reader.object();
        reader.skipSpace();
        if (reader.at != line.length()) {
            throw reader.error("text after the object");
        }
        return fields;
    }

    private Map<String, Object> object() {
        skipSpace();
        expect('{');
        Map<String, Object> fields = new LinkedHashMap<>(); // in the line's order, for messages and tests
        skipSpace();
        if (peek() == '}') {
            at++;
            return fields;
        }
        while (true) {
            skipSpace();
            String name = string();
            skipSpace();
            expect(':');
            skipSpace();
            if (fields.containsKey(name)) {
                throw error("field " + name + " twice");
            }
            if (fields.size() == MAX_ITEMS) {
                throw error("too many fields");
            }
            fields.put(name, value());
            skipSpace();
            char next = next();
            if (next == '}') {
                return fields;
            }
            if (next != ',') {
                throw error("expected , or }");
            }
        }
    }

    private Object value() {
        char c = peek();
        if (c == '"') {
            return string();
        }
        if (c == '[') {
            return numbers();
        }
        if (text.startsWith("true", at)) {
            at += 4;
            return Boolean.TRUE;
        }
        if (text.startsWith("false", at)) {
            at += 5;
            return Boolean.FALSE;
        }
        if (text.startsWith("null", at)) {
            at += 4;
            return null;
        }
        return number();
    }

    private long[] numbers() {
        expect('[');
        long[] values = new long[8];
        int count = 0;
        skipSpace();
        if (peek() == ']') {
            at++;
            return new long[0];
        }
        while (true) {
            skipSpace();
            if (count == MAX_ITEMS) {
                throw error("array too long");
            }
            if (count == values.length) {
                values = Arrays.copyOf(values, count * 2);
            }
            values[count++] = number();
            skipSpace();
            char next = next();
            if (next == ']') {
                return Arrays.copyOf(values, count);
            }
            if (next != ',') {
                throw error("expected , or ]");
            }
        }
    }

    private long number() {
        int start = at;
        if (at < text.length() && text.charAt(at) == '-') {
            at++;
        }
        int digits = at;
        while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
            at++;
        }
        if (at == digits) {
            throw error("expected a value");
        }
        try {
            return Long.parseLong(text.substring(start, at));
        } catch (NumberFormatException tooLarge) {
            throw error("number out of range");
        }
    }

    private String string() {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                throw error("raw control character in a string");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char escaped = next();
            switch (escaped) {
                case '"', '\\', '/' -> out.append(escaped);
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> out.append(hexChar());
                default -> throw error("bad escape \\" + escaped);
            }
        }
    }

    private char hexChar() {
        int value = 0;
        for (int i = 0; i < 4; i++) {
            char c = next();
            // Character.digit would also take non-ASCII digits, which JSON does not.
            int digit = c < 0x80 ? Character.digit(c, 16) : -1;
            if (digit < 0) {
                throw error("bad \\u escape");
            }
            value = value * 16 + digit;
        }
        return (char) value;
    }

    private void skipSpace() {
        while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\t' || text.charAt(at) == '\r')) {
            at++;
        }
    }

    private void expect(char wanted) {
        if (next() != wanted) {
            throw error("expected " + wanted);
        }
    }

    private char peek() {
        if (at >= text.length()) {
            throw error("unexpected end");
        }
        return text.charAt(at);
    }

    private char next() {
        char c = peek();
        at++;
        return c;
    }

    private IllegalArgumentException error(String problem) {
        // The line itself stays out of the message: it may be huge or hostile.
        return new IllegalArgumentException(problem + " at character " + at);
    }
}
