package multiprocessing.internal;

import static multiprocessing.Range.range;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import multiprocessing.Range;
import multiprocessing.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Covers {@link Codec}: every value it sends between processes comes back equal and of the same
 * class, through each compact form (null, Integer, Long, String, Range, lists of Integers and of Longs)
 * and through Java serialization; the compact forms really are compact; and a value that cannot be
 * serialized is refused with a message naming the culprit and "Serializable".
 */
@DisplayName("Codec")
class CodecTest {

    private static Object roundTrip(Object value) {
        return Codec.decode(Codec.encode(value, "a test value"));
    }

    record Point(int x, int y) implements Serializable {
    }

    static Stream<Arguments> values() {
        return Stream.of(
                Arguments.of("Integer", 42), Arguments.of("negative Integer", Integer.MIN_VALUE),
                Arguments.of("Long", 5_000_000_000L), Arguments.of("Long.MIN_VALUE", Long.MIN_VALUE),
                Arguments.of("String", "héllo, wörld ✓"), Arguments.of("empty String", ""),
                Arguments.of("String of 16000 chars (serialized)", "s".repeat(16_000)),
                Arguments.of("String of 100000 chars (serialized)", "t".repeat(100_000)),
                Arguments.of("ArrayList of Integers", new ArrayList<>(List.of(3, -1, 4, 1, 5))),
                Arguments.of("ArrayList of Longs", new ArrayList<>(List.of(3L, -1L, Long.MAX_VALUE))),
                Arguments.of("empty ArrayList", new ArrayList<>()),
                Arguments.of("ArrayList with a null", new ArrayList<>(Arrays.asList(1, null, 3))),
                Arguments.of("ArrayList of mixed numbers", new ArrayList<>(List.of(1, 2L))),
                Arguments.of("ArrayList of Strings", new ArrayList<>(List.of("a", "b"))),
                Arguments.of("LinkedList of Integers", new LinkedList<>(List.of(1, 2, 3))),
                Arguments.of("Double", 2.5),
                Arguments.of("record", new Point(3, 4)),
                Arguments.of("Map", Map.of("k", 1)),
                Arguments.of("int array (serialized)", new int[] {1, 2}));
    }

    @Nested
    @DisplayName("round-trips")
    class RoundTrips {

        @ParameterizedTest(name = "{0}")
        @MethodSource("multiprocessing.internal.CodecTest#values")
        @DisplayName("a value comes back equal and of the same class")
        void equalAndSameClass(String description, Object value) {
            Object back = roundTrip(value);
            assertAll(
                    () -> assertEquals(value.getClass(), back.getClass()),
                    () -> {
                        if (value instanceof int[] array) {
                            assertEquals(Arrays.toString(array), Arrays.toString((int[]) back));
                        } else {
                            assertEquals(value, back);
                        }
                    });
        }

        @Test
        @DisplayName("null comes back as null")
        void nullValue() {
            assertNull(roundTrip(null));
        }

        @Test
        @DisplayName("a mutable value comes back as a copy")
        void copy() {
            ArrayList<String> original = new ArrayList<>(List.of("x"));
            assertNotSame(original, roundTrip(original));
        }

        @ParameterizedTest(name = "range({0}, {1}, {2})")
        @MethodSource("rangeArguments")
        @DisplayName("a Range comes back as an equal Range")
        void rangeRoundTrip(int start, int stop, int step) {
            Range original = range(start, stop, step);
            Range back = assertInstanceOf(Range.class, roundTrip(original));
            assertAll(() -> assertEquals(original, back), () -> assertEquals(original.size(), back.size()),
                    () -> assertEquals(original.toString(), back.toString(), "start, stop and step"));
        }

        static Stream<Arguments> rangeArguments() {
            return Stream.of(Arguments.of(0, 10, 1), Arguments.of(10, 0, -3), Arguments.of(5, 5, 1),
                    Arguments.of(5, 2, 1), Arguments.of(3, 9, -1),
                    Arguments.of(-2_000_000_000, 2_000_000_000, 1_000_000_000),
                    Arguments.of(Integer.MAX_VALUE - 5, Integer.MAX_VALUE, 2),
                    Arguments.of(Integer.MIN_VALUE + 5, Integer.MIN_VALUE, -2));
        }

        @Test
        @DisplayName("a sub-range comes back as the same sub-range")
        void subRangeRoundTrip() {
            Range slice = range(0, 1000, 7).subList(10, 20);
            assertEquals(slice, roundTrip(slice));
        }

        @Test
        @DisplayName("a task method reference comes back and still works")
        void taskRoundTrip() throws Exception {
            Task<Integer, Integer> task = CodecTest::twice;
            @SuppressWarnings("unchecked")
            Task<Integer, Integer> back = (Task<Integer, Integer>) roundTrip(task);
            assertEquals(14, back.apply(7));
        }
    }

    static int twice(int x) {
        return 2 * x;
    }

    @Nested
    @DisplayName("is compact")
    class Compact {

        @Test
        @DisplayName("a Range of ten million numbers takes a few bytes")
        void compactRange() {
            assertTrue(Codec.encode(range(10_000_000), "r").length <= 16);
        }

        @Test
        @DisplayName("an Integer takes five bytes and a Long nine")
        void compactNumbers() {
            assertAll(() -> assertEquals(5, Codec.encode(7, "i").length),
                    () -> assertEquals(9, Codec.encode(7L, "l").length));
        }

        @Test
        @DisplayName("a list of Integers takes four bytes per element plus a header")
        void compactIntList() {
            ArrayList<Integer> list = new ArrayList<>(range(1000));
            assertEquals(1 + 4 + 4 * 1000, Codec.encode(list, "list").length);
        }

        @Test
        @DisplayName("a list of Longs takes eight bytes per element plus a header")
        void compactLongList() {
            ArrayList<Long> list = new ArrayList<>();
            for (long i = 0; i < 100; i++) {
                list.add(i);
            }
            assertEquals(1 + 4 + 8 * 100, Codec.encode(list, "list").length);
        }

        @Test
        @DisplayName("null takes one byte")
        void compactNull() {
            assertEquals(1, Codec.encode(null, "null").length);
        }
    }

    @Nested
    @DisplayName("refuses")
    class Refuses {

        @Test
        @DisplayName("a value holding a non-serializable object, naming it, what was sent and Serializable")
        void unserializable() {
            IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                    () -> Codec.encode(new ArrayList<>(List.of(new Object())), "the test's item"));
            String message = thrown.getMessage();
            assertAll(() -> assertTrue(message.contains("the test's item"), message),
                    () -> assertTrue(message.contains("java.lang.Object"), message),
                    () -> assertTrue(message.contains("Serializable"), message));
        }

        @Test
        @DisplayName("a lambda that captures a non-serializable object")
        void capturingLambda() {
            Object captured = new Object();
            Task<Integer, Integer> task = x -> x + captured.hashCode();
            IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                    () -> Codec.encodeFunction(task, "the task"));
            assertAll(() -> assertTrue(thrown.getMessage().contains("Serializable"), thrown.getMessage()),
                    () -> assertTrue(thrown.getMessage().contains("Pass a method reference"), thrown.getMessage()));
        }

        @Test
        @DisplayName("to decode an unknown tag, with an IllegalStateException")
        void unknownTag() {
            assertThrows(IllegalStateException.class, () -> Codec.decode(new byte[] {77}));
        }

        @Test
        @DisplayName("to decode truncated bytes, with an IllegalStateException")
        void truncated() {
            byte[] encoded = Codec.encode(5_000_000_000L, "l");
            assertThrows(IllegalStateException.class, () -> Codec.decode(Arrays.copyOf(encoded, 4)));
        }

        @Test
        @DisplayName("to decode a serialized class that does not exist here, with an IllegalStateException")
        void unknownClass() {
            byte[] encoded = Codec.encode(new Point(1, 2), "p");
            String text = new String(encoded, StandardCharsets.ISO_8859_1)
                    .replace("CodecTest$Point", "CodecTest$Pxint");
            byte[] tampered = text.getBytes(StandardCharsets.ISO_8859_1);
            assertThrows(IllegalStateException.class, () -> Codec.decode(tampered));
        }
    }
}
