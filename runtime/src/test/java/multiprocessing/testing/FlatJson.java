package multiprocessing.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict reader for the trace's lines: one flat JSON object whose values are strings, whole
 * numbers, booleans, {@code null} or arrays of whole numbers. Anything else is an
 * {@link IllegalArgumentException}, so a malformed trace line fails the test that reads it.
 */
public final class FlatJson {
    private final String text;
    private int at;

    private FlatJson(String text) {
        this.text = text;
    }

    /** The fields of the object in {@code line}, in their order; numbers are {@link Long}s. */
    public static Map<String, Object> parse(String line) {
        FlatJson reader = new FlatJson(line);
        Map<String, Object> fields = reader.object();
        if (reader.at != line.length()) {
            throw reader.error("text after the object");
        }
        return fields;
    }

    private Map<String, Object> object() {
        expect('{');
        Map<String, Object> fields = new LinkedHashMap<>();
        if (peek() == '}') {
            at++;
            return fields;
        }
        while (true) {
            String name = string();
            expect(':');
            if (fields.put(name, value()) != null) {
                throw error("duplicate field " + name);
            }
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

    private List<Long> numbers() {
        expect('[');
        List<Long> values = new ArrayList<>();
        if (peek() == ']') {
            at++;
            return values;
        }
        while (true) {
            values.add(number());
            char next = next();
            if (next == ']') {
                return values;
            }
            if (next != ',') {
                throw error("expected , or ]");
            }
        }
    }

    private Long number() {
        int start = at;
        if (peek() == '-') {
            at++;
        }
        while (at < text.length() && Character.isDigit(text.charAt(at))) {
            at++;
        }
        if (at == start || text.charAt(at - 1) == '-') {
            throw error("expected a value");
        }
        return Long.parseLong(text.substring(start, at));
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
                case 'u' -> {
                    if (at + 4 > text.length()) {
                        throw error("short \\u escape");
                    }
                    out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                    at += 4;
                }
                default -> throw error("bad escape \\" + escaped);
            }
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
        return new IllegalArgumentException(problem + " at " + at + " in: " + text);
    }
}
