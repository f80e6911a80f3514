package grader.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Covers {@link GraderJson}: the look of every JSON file the grader writes, and how strictly and how
 * clearly it reads them back.
 */
@DisplayName("the grader's JSON")
class GraderJsonTest {

    /** Components out of alphabetical order, one renamed, one a list of records. */
    record Sample(@JsonProperty(value = "zebra", required = true) int zebra,
                  @JsonProperty(value = "max_score", required = true) int maxScore,
                  @JsonProperty(value = "name", required = true) String name,
                  @JsonProperty(value = "items", required = true) List<Item> items) {
    }

    record Item(@JsonProperty(value = "label", required = true) String label,
                @JsonProperty(value = "done", required = true) boolean done,
                @JsonProperty(value = "level", required = true) Level level,
                @JsonProperty(value = "at", required = true) Instant at,
                @JsonProperty(value = "tags", required = true) List<String> tags) {
    }

    enum Level {
        LOW, HIGH;

        @JsonValue
        String word() {
            return name().toLowerCase();
        }
    }

    private static final String ITEM = "{\"label\": \"a\", \"done\": true, \"level\": \"low\", \"at\": \"2025-03-01T12:00:00Z\", \"tags\": []}";

    private static String sample(String item) {
        return "{\"zebra\": 1, \"max_score\": 5, \"name\": \"n\", \"items\": [" + item + "]}";
    }

    private static String readError(String json) {
        return assertThrows(IllegalArgumentException.class, () -> GraderJson.read(json, Sample.class)).getMessage();
    }

    @Nested
    @DisplayName("writing")
    class Writing {
        @Test
        @DisplayName("writes a record's keys in the order of its components, nulls included, compactly")
        void recordOrder() {
            assertEquals("{\"zebra\":1,\"max_score\":5,\"name\":null,\"items\":[]}",
                    GraderJson.write(new Sample(1, 5, null, List.of())));
        }

        @Test
        @DisplayName("keeps a map's order")
        void mapOrder() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("b", 1);
            map.put("a", List.of(2, 3));
            assertEquals("{\"b\":1,\"a\":[2,3]}", GraderJson.write(map));
        }

        @Test
        @DisplayName("pretty-prints with two spaces, an element a line, empty containers closed, and a final line feed")
        void pretty() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("list", List.of(1, 2));
            map.put("empty_list", List.of());
            map.put("empty_map", Map.of());
            map.put("nested", Map.of("k", List.of(Map.of("x", true))));
            assertEquals("""
                    {
                      "list": [
                        1,
                        2
                      ],
                      "empty_list": [],
                      "empty_map": {},
                      "nested": {
                        "k": [
                          {
                            "x": true
                          }
                        ]
                      }
                    }
                    """, GraderJson.writePretty(map));
        }

        @ParameterizedTest(name = "{0} as {1}")
        @CsvSource({"20.0, 20", "-3.0, -3", "61.5, 61.5", "0.1, 0.1", "1.0E-5, 1.0E-5", "1.0E15, 1.0E15",
                "NaN, null", "Infinity, null"})
        @DisplayName("writes a double without a fraction as a whole number, and one that is no number as null")
        void doubles(double value, String written) {
            assertEquals("[" + written + "]", GraderJson.write(List.of(value)));
        }

        @Test
        @DisplayName("writes whole numbers as they are")
        void wholeNumbers() {
            assertEquals("[0,-7,9007199254740993]", GraderJson.write(List.of(0, -7, 9007199254740993L)));
        }

        @Test
        @DisplayName("writes an instant as ISO-8601 text, to the nanosecond")
        void instant() {
            assertEquals("\"2025-03-01T12:34:56.123456789Z\"", GraderJson.write(Instant.parse("2025-03-01T12:34:56.123456789Z")));
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                markup                 | <script>&</script>  | \\u003cscript\\u003e\\u0026\\u003c/script\\u003e
                quote and backslash    | "\\                 | \\"\\\\
                non-ASCII, kept        | é ✓ 😀              | é ✓ 😀
                slash, kept            | a/b                 | a/b
                """)
        @DisplayName("escapes what may not appear raw in a web page, and nothing else")
        void htmlSafe(String name, String raw, String escaped) {
            assertEquals("\"" + escaped + "\"", GraderJson.write(raw));
        }

        @Test
        @DisplayName("escapes the line and paragraph separators U+2028 and U+2029, which end a line in older JavaScript")
        void separators() {
            assertEquals("\"a\\u2028b\\u2029\"", GraderJson.write("a\u2028b\u2029"));
        }

        @Test
        @DisplayName("escapes tab, line feed and carriage return by name and other control characters as lower-case hex")
        void controls() {
            assertEquals("\"\\t\\n\\r \\u0000\\u0001\\u0008\\u000c\\u001b\\u001f\"",
                    GraderJson.write("\t\n\r \u0000\u0001\b\f\u001b\u001f"));
        }

        @Test
        @DisplayName("writes an enum as its JSON value")
        void enumValue() {
            assertEquals("[\"low\",\"high\"]", GraderJson.write(Arrays.asList(Level.values())));
        }
    }

    @Nested
    @DisplayName("reading a record")
    class ReadingRecords {
        @Test
        @DisplayName("gives back what was written")
        void roundTrip() {
            Sample sample = new Sample(1, 5, "n", List.of(new Item("a", true, Level.HIGH,
                    Instant.parse("2025-03-01T12:00:00.5Z"), List.of("x", "y"))));
            assertEquals(sample, GraderJson.read(GraderJson.writePretty(sample), Sample.class));
        }

        @Test
        @DisplayName("skips keys it does not know, so an older grader reads a newer file")
        void unknownKeys() {
            assertEquals("n", GraderJson.read(sample(ITEM).replace("\"name\"", "\"new\": {\"x\": [1]}, \"name\""),
                    Sample.class).name());
        }

        @Test
        @DisplayName("names a missing key by its path")
        void missing() {
            assertEquals("items[0].done is missing", readError(sample(ITEM.replace("\"done\": true, ", ""))));
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                a fraction for a whole number  | "max_score": 5       | "max_score": 5.5     | max_score is not a whole number
                text for a whole number        | "max_score": 5       | "max_score": "5"     | max_score is not a whole number
                null for a whole number        | "max_score": 5       | "max_score": null    | max_score is not a whole number
                a number beyond int            | "max_score": 5       | "max_score": 9999999999 | max_score is not a whole number
                a number for text              | "name": "n"          | "name": 7            | name is not a string
                a number for true or false     | "done": true         | "done": 1            | items[0].done is not true or false
                text for true or false         | "done": true         | "done": "true"       | items[0].done is not true or false
                an object for an array         | "tags": []           | "tags": {}           | items[0].tags is not an array
                null for an array              | "tags": []           | "tags": null         | items[0].tags is not an array
                null in an array               | "tags": []           | "tags": ["a", null]  | items[0].tags[1] is not a string
                an unknown word                | "level": "low"       | "level": "medium"    | items[0].level is not one of "low", "high": "medium"
                a bad time                     | "at": "2025-03-01T12:00:00Z" | "at": "yesterday" | items[0].at is not an ISO-8601 instant: "yesterday"
                """)
        @DisplayName("names a value of the wrong kind by its path")
        void wrongKind(String name, String from, String to, String message) {
            String json = sample(ITEM).replace(from, to);
            assertEquals(message, readError(json), json);
        }

        @Test
        @DisplayName("names an array where an object should be by its path")
        void arrayForObject() {
            assertEquals("items[0] is not an object", readError(sample("[]")));
        }
    }

    @Nested
    @DisplayName("reading text that is not JSON, or not one value")
    class BadText {
        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
                cut short          | {"zebra": 1                | bad JSON at line 1, column 12: unexpected end of text
                empty              | ~~                         | bad JSON at line 1: unexpected end of text
                a key twice        | {"zebra": 1, "zebra": 2}   | bad JSON at line 1, column 21: Duplicate field 'zebra'
                text after it      | {"zebra": 1, "max_score": 5, "name": "n", "items": []} {} | bad JSON at line 1, column 56: unexpected text after the value
                a word             | {"zebra": yes}             | bad JSON at line 1, column 11: Unrecognized token 'yes'
                single quotes      | {'zebra': 1}               | bad JSON at line 1, column 2: Unexpected character
                a comment          | {"zebra": 1 /* one */}     | bad JSON at line 1, column 13: Unexpected character
                a leading zero     | {"zebra": 01}              | bad JSON at line 1, column 12: Invalid numeric value: Leading zeroes not allowed
                a raw tab          | {"name": "a\tb"}           | bad JSON at line 1, column 12: Illegal unquoted character
                """)
        @DisplayName("says where it stops being JSON, and why")
        void where(String name, String json, String message) {
            String error = readError(json);
            assertEquals(true, error.startsWith(message), error);
        }

        @Test
        @DisplayName("refuses text nested past Jackson's depth limit instead of overflowing the stack")
        void deep() {
            String json = "{\"zebra\": " + "[".repeat(5_000) + "]".repeat(5_000) + "}";
            String error = assertThrows(IllegalArgumentException.class, () -> GraderJson.readObject(json)).getMessage();
            assertEquals(true, error.startsWith("bad JSON: ") && error.contains("nesting depth"), error);
        }

        @Test
        @DisplayName("reports a line break's line")
        void line() {
            assertEquals("bad JSON at line 3, column 1: unexpected end of text", readError("{\n\"zebra\": 1,\n"));
        }
    }

    @Nested
    @DisplayName("reading any object")
    class ReadingObjects {
        @Test
        @DisplayName("gives maps in the file's order, whole numbers as Long, fractions as Double, and nulls")
        void kinds() {
            Map<String, Object> read = GraderJson.readObject("{\"b\": [1, 2.5, null, true, \"x\"], \"a\": {\"c\": null}}");
            assertEquals(List.of("b", "a"), new ArrayList<>(read.keySet()));
            assertEquals(Arrays.asList(1L, 2.5, null, true, "x"), read.get("b"));
            assertEquals(true, ((Map<?, ?>) read.get("a")).containsKey("c"));
        }

        @Test
        @DisplayName("refuses an array where the object should be")
        void notAnObject() {
            assertEquals("the value is not an object",
                    assertThrows(IllegalArgumentException.class, () -> GraderJson.readObject("[1]")).getMessage());
        }

        @Test
        @DisplayName("refuses a key twice")
        void duplicate() {
            assertThrows(IllegalArgumentException.class, () -> GraderJson.readObject("{\"a\": 1, \"a\": 1}"));
        }
    }
}
