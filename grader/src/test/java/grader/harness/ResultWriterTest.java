package grader.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.json.GraderJson;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Covers {@link ResultWriter}: the probe's results, written with the JDK alone, read back by the grader
 * ({@link GraderJson}) as the values the hidden tests expect.
 */
@DisplayName("the probe's result writer")
class ResultWriterTest {

    private static Map<String, Object> readBack(Object results) {
        return GraderJson.readObject(ResultWriter.json(results));
    }

    @Nested
    @DisplayName("read back by the grader")
    class ReadBack {
        @Test
        @DisplayName("gives back a check's outcome: maps in order, whole numbers as Long, lists, booleans and nulls")
        void outcome() {
            Map<String, Object> consumer = new LinkedHashMap<>();
            consumer.put("exited", true);
            consumer.put("exit_code", 0);
            consumer.put("left_in_queue", Arrays.asList(41, null, 42));
            Map<String, Object> results = new LinkedHashMap<>();
            results.put("main_pid", 4242L);
            results.put("consumer", Map.of("value", consumer));
            results.put("elapsed_ms", 17L);
            assertEquals(Map.of("main_pid", 4242L, "consumer", Map.of("value", Map.of("exited", true, "exit_code", 0L,
                    "left_in_queue", Arrays.asList(41L, null, 42L))), "elapsed_ms", 17L), readBack(results));
            assertEquals(List.of("main_pid", "consumer", "elapsed_ms"), List.copyOf(readBack(results).keySet()));
        }

        @Test
        @DisplayName("gives back any text a student's exception can carry, half a surrogate pair too")
        void hostileText() {
            String message = "</script> & é 😀 \"q\" \\ \t\n\r\u0000\u001b \u2028 half: \ud83d. \u007f";
            assertEquals(Map.of("error", message), readBack(Map.of("error", message)));
        }

        @Test
        @DisplayName("writes whole numbers of any kind as whole numbers, and a fraction as a Double")
        void numbers() {
            assertEquals(Map.of("values", List.of(7L, -3L, 2147395600L, 2147488281L, 2.5)),
                    readBack(Map.of("values", List.of((short) 7, (byte) -3, 2147395600L, BigInteger.valueOf(46341).pow(2), 2.5))));
        }

        @Test
        @DisplayName("writes a set as a list")
        void set() {
            assertEquals(Map.of("value", List.of("only")), readBack(Map.of("value", Set.of("only"))));
        }
    }

    @Nested
    @DisplayName("the text")
    class Text {
        @Test
        @DisplayName("is ASCII, so writing it can never fail on a character")
        void ascii() {
            String json = ResultWriter.json(Map.of("error", "é 😀 \ud83d"));
            assertTrue(json.chars().allMatch(c -> c >= 0x20 && c < 0x7f), json);
            assertEquals("{\"error\":\"\\u00e9 \\ud83d\\ude00 \\ud83d\"}", json);
        }

        @Test
        @DisplayName("is compact")
        void compact() {
            Map<String, Object> results = new LinkedHashMap<>();
            results.put("a", List.of(1, 2));
            results.put("b", null);
            assertEquals("{\"a\":[1,2],\"b\":null}", ResultWriter.json(results));
        }

        @Test
        @DisplayName("refuses a value of a kind it does not know, as before, rather than guess")
        void unknownKind() {
            assertThrows(IllegalArgumentException.class, () -> ResultWriter.json(Map.of("value", new Object())));
        }
    }
}
