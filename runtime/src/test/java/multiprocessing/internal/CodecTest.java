package multiprocessing.internal;

import static multiprocessing.Range.range;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
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
import multiprocessing.testing.Shapes;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Covers {@link Codec}: every value it sends between processes comes back equal and of the same
 * class, through each compact form (null, boxed numbers, booleans, characters, strings, Range, and
 * ArrayLists of these nested to any depth, nulls and mixed types included) and through Java
 * serialization; nested lists come back exactly, class by class, without serialization; what the
 * compact form would change (a list subclass, an unmodifiable list, shared or cyclic lists, very deep
 * nesting) is serialized whole; the compact forms really are compact; and a value that cannot be
 * serialized, or bytes that are corrupt, are refused with a clear exception.
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
                Arguments.of("String of 16000 chars", "s".repeat(16_000)),
                Arguments.of("String of 100000 chars", "t".repeat(100_000)),
                Arguments.of("String of 30000 three-byte chars", "✓".repeat(30_000)),
                Arguments.of("String with a NUL and an unpaired surrogate", "a\u0000b\uD800c"),
                Arguments.of("ArrayList of Integers", new ArrayList<>(List.of(3, -1, 4, 1, 5))),
                Arguments.of("ArrayList of Longs", new ArrayList<>(List.of(3L, -1L, Long.MAX_VALUE))),
                Arguments.of("empty ArrayList", new ArrayList<>()),
                Arguments.of("ArrayList with a null", new ArrayList<>(Arrays.asList(1, null, 3))),
                Arguments.of("ArrayList of mixed numbers", new ArrayList<>(List.of(1, 2L))),
                Arguments.of("ArrayList of Strings", new ArrayList<>(List.of("a", "b"))),
                Arguments.of("LinkedList of Integers", new LinkedList<>(List.of(1, 2, 3))),
                Arguments.of("Double", 2.5),
                Arguments.of("negative zero Double", -0.0),
                Arguments.of("Float", 1.5f),
                Arguments.of("Short", (short) -3),
                Arguments.of("Byte", (byte) 7),
                Arguments.of("Character", 'ß'),
                Arguments.of("Boolean true", true),
                Arguments.of("Boolean false", false),
                Arguments.of("ArrayList of lists of Integers", nested(nested(1, 2), nested(3), nested())),
                Arguments.of("ArrayList with nulls at every depth", nested(null, nested(null, nested(1, null)))),
                Arguments.of("ArrayList of every compact type", nested(1, 2L, "three", 4.0, 5.0f, (short) 6, (byte) 7,
                        '8', true, null, range(3), nested("x"))),
                Arguments.of("ArrayList of Strings and lists of Longs", nested("a", nested(1L, 2L), "b")),
                Arguments.of("record", new Point(3, 4)),
                Arguments.of("Map", Map.of("k", 1)),
                Arguments.of("int array (serialized)", new int[] {1, 2}));
    }

    /** An ArrayList of {@code elements}, nulls allowed. */
    static ArrayList<Object> nested(Object... elements) {
        return new ArrayList<>(Arrays.asList(elements));
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

    static Stream<Arguments> nestedValues() {
        return Stream.of(
                Arguments.of("lists of lists of Integers", nested(nested(1, 2), nested(3), nested())),
                Arguments.of("nulls at every depth", nested(null, nested(null, nested(1, null)), null)),
                Arguments.of("every compact type in one list", nested(1, 2L, "three", 4.0, 5.0f, (short) 6, (byte) 7,
                        '8', true, false, null, range(3), nested("x"))),
                Arguments.of("the same number as Integer and as Long", nested(2, 2L, nested(2L, 2))),
                Arguments.of("a list of Integers but one Long", nested(1, 2, 3L)),
                Arguments.of("a NaN with a payload", nested(Double.longBitsToDouble(0x7ff8_0000_0000_0001L))),
                Arguments.of("Strings beside lists", nested("a", nested("b", nested("c")), "d")));
    }

    @Nested
    @DisplayName("gives nested lists back exactly")
    class NestedLists {

        @ParameterizedTest(name = "{0}")
        @MethodSource("multiprocessing.internal.CodecTest#nestedValues")
        @DisplayName("every element keeps its value and its class at every depth")
        void sameShape(String description, Object value) {
            assertEquals(Shapes.of(value), Shapes.of(roundTrip(value)));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("multiprocessing.internal.CodecTest#nestedValues")
        @DisplayName("without Java serialization")
        void notSerialized(String description, Object value) {
            assertFalse(serialized(Codec.encode(value, "a nested list")));
        }

        @Test
        @DisplayName("a list of a million Integers inside a list")
        void bigInnerList() {
            ArrayList<Integer> numbers = new ArrayList<>(range(1_000_000));
            ArrayList<Object> outer = nested(numbers);
            assertEquals(outer, roundTrip(outer));
        }
    }

    /** Whether the bytes hold a Java serialization stream (its magic number, 0xACED). */
    private static boolean serialized(byte[] bytes) {
        for (int i = 0; i + 1 < bytes.length; i++) {
            if (bytes[i] == (byte) 0xAC && bytes[i + 1] == (byte) 0xED) {
                return true;
            }
        }
        return false;
    }

    /** A list class of the user's own: the compact form would give back a plain ArrayList. */
    static final class Numbers extends ArrayList<Integer> {
        private static final long serialVersionUID = 1L;
    }

    @Nested
    @DisplayName("leaves to Java serialization, whole, what the compact form would change")
    class Fallback {

        @Test
        @DisplayName("a subclass of ArrayList comes back as that subclass")
        void subclass() {
            Numbers numbers = new Numbers();
            numbers.add(1);
            assertEquals(Numbers.class, roundTrip(numbers).getClass());
        }

        @Test
        @DisplayName("an unmodifiable list inside a list stays unmodifiable")
        void unmodifiable() {
            List<?> back = (List<?>) ((List<?>) roundTrip(nested(List.of(1, 2)))).get(0);
            assertThrows(UnsupportedOperationException.class, () -> back.remove(0));
        }

        @Test
        @DisplayName("the same inner list twice comes back as one list, twice")
        void sharedInnerList() {
            ArrayList<Object> inner = nested(1, 2);
            List<?> back = (List<?>) roundTrip(nested(inner, inner));
            assertSame(back.get(0), back.get(1));
        }

        @Test
        @DisplayName("a list that holds itself comes back holding itself")
        void cycle() {
            ArrayList<Object> list = nested(1);
            list.add(list);
            List<?> back = (List<?>) roundTrip(list);
            assertSame(back, back.get(1));
        }

        @Test
        @DisplayName("lists nested deeper than the compact form's limit come back as deep")
        void deep() {
            ArrayList<Object> deepest = nested(42);
            ArrayList<Object> list = deepest;
            for (int i = 0; i < CompactForm.MAX_DEPTH + 5; i++) {
                list = nested(list);
            }
            assertEquals(Shapes.of(list), Shapes.of(roundTrip(list)));
        }

        @Test
        @DisplayName("a record inside a list comes back equal")
        void recordInside() {
            ArrayList<Object> list = nested(1, new Point(2, 3));
            assertEquals(list, roundTrip(list));
        }
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
        @DisplayName("a list of lists of Integers takes four bytes per number plus a header per list")
        void compactNestedIntLists() {
            ArrayList<Object> list = nested(nested(1, 2, 3), nested(4, 5));
            assertEquals(5 + (5 + 3 * 4) + (5 + 2 * 4), Codec.encode(list, "list").length);
        }

        @Test
        @DisplayName("an ASCII string takes a byte per char plus a header")
        void compactString() {
            assertEquals(1 + 4 + 5, Codec.encode("hello", "s").length);
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
        @DisplayName("to decode a list whose count is larger than its bytes, with an IllegalStateException")
        void corruptCount() {
            assertThrows(IllegalStateException.class,
                    () -> Codec.decode(new byte[] {CompactForm.INT_LIST, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff}));
        }

        @Test
        @DisplayName("to decode lists nested past the limit, with an IllegalStateException")
        void tooDeep() {
            byte[] bytes = new byte[5 * (CompactForm.MAX_DEPTH + 1) + 1];
            for (int level = 0; level <= CompactForm.MAX_DEPTH; level++) {
                bytes[5 * level] = CompactForm.LIST;
                bytes[5 * level + 4] = 1;
            }
            assertThrows(IllegalStateException.class, () -> Codec.decode(bytes));
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
