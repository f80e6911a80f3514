package multiprocessing;

import static multiprocessing.Range.range;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Covers {@link Range} against Python's {@code range}: the same elements for positive and negative
 * steps and for empty ranges, lazy sub-ranges, membership and index lookups without iterating, a
 * Python-style {@code toString}, and refusal of a zero step or of more elements than a list can index.
 */
@DisplayName("Range")
class RangeTest {

    /** Python's range, the slow way: the reference the lazy implementation must match. */
    private static List<Integer> python(long start, long stop, long step) {
        List<Integer> out = new ArrayList<>();
        if (step > 0) {
            for (long i = start; i < stop; i += step) {
                out.add((int) i);
            }
        } else {
            for (long i = start; i > stop; i += step) {
                out.add((int) i);
            }
        }
        return out;
    }

    static Stream<Arguments> ranges() {
        return Stream.of(
                Arguments.of(0, 10, 1), Arguments.of(2, 5, 1), Arguments.of(0, 10, 3), Arguments.of(0, 11, 3),
                Arguments.of(10, 0, -3), Arguments.of(10, 0, -1), Arguments.of(5, -5, -2), Arguments.of(-5, 5, 4),
                Arguments.of(5, 5, 1), Arguments.of(5, 2, 1), Arguments.of(2, 5, -1), Arguments.of(0, 0, -1),
                Arguments.of(-3, -1, 1), Arguments.of(1, 2, 100), Arguments.of(100, -100, -7),
                Arguments.of(Integer.MAX_VALUE - 3, Integer.MAX_VALUE, 1),
                Arguments.of(Integer.MIN_VALUE + 3, Integer.MIN_VALUE, -1),
                Arguments.of(-2_000_000_000, 2_000_000_000, 1_000_000_000),
                Arguments.of(2_000_000_000, -2_000_000_000, -1_500_000_000));
    }

    @Nested
    @DisplayName("has Python's elements")
    class Elements {

        @ParameterizedTest(name = "range({0}, {1}, {2})")
        @MethodSource("multiprocessing.RangeTest#ranges")
        @DisplayName("element by element")
        void sameAsPython(int start, int stop, int step) {
            assertEquals(python(start, stop, step), new ArrayList<>(range(start, stop, step)));
        }

        @ParameterizedTest(name = "range({0}, {1}, {2})")
        @MethodSource("multiprocessing.RangeTest#ranges")
        @DisplayName("size without iterating")
        void sameSizeAsPython(int start, int stop, int step) {
            assertEquals(python(start, stop, step).size(), range(start, stop, step).size());
        }

        @Test
        @DisplayName("range(stop) counts from 0 and range(start, stop) steps by 1")
        void shortForms() {
            assertAll(() -> assertEquals(List.of(0, 1, 2, 3, 4), range(5)),
                    () -> assertEquals(List.of(2, 3, 4), range(2, 5)),
                    () -> assertEquals(List.of(), range(-3)));
        }

        @Test
        @DisplayName("equals and hashes like any list with the same elements")
        void equalsLikeAList() {
            assertAll(() -> assertEquals(List.of(10, 7, 4, 1), range(10, 0, -3)),
                    () -> assertEquals(List.of(10, 7, 4, 1).hashCode(), range(10, 0, -3).hashCode()));
        }

        @Test
        @DisplayName("get out of bounds is an IndexOutOfBoundsException")
        void outOfBounds() {
            assertAll(() -> assertThrows(IndexOutOfBoundsException.class, () -> range(3).get(3)),
                    () -> assertThrows(IndexOutOfBoundsException.class, () -> range(3).get(-1)),
                    () -> assertThrows(IndexOutOfBoundsException.class, () -> range(0).get(0)));
        }

        @Test
        @DisplayName("start(), stop() and step() are as given, as Python's attributes")
        void accessors() {
            Range r = range(10, 0, -3);
            assertAll(() -> assertEquals(10, r.start()), () -> assertEquals(0, r.stop()),
                    () -> assertEquals(-3, r.step()));
        }

        @Test
        @DisplayName("a range of a hundred million numbers costs no memory and answers at once")
        void lazy() {
            Range huge = range(0, 2_000_000_000, 20);
            assertAll(() -> assertEquals(100_000_000, huge.size()),
                    () -> assertEquals(1_999_999_980, huge.get(99_999_999)));
        }
    }

    @Nested
    @DisplayName("answers membership like Python")
    class Membership {

        @ParameterizedTest(name = "range({0}, {1}, {2})")
        @MethodSource("multiprocessing.RangeTest#ranges")
        @DisplayName("contains and indexOf agree with the elements, around every element")
        void containsAndIndexOf(int start, int stop, int step) {
            Range r = range(start, stop, step);
            List<Integer> reference = python(start, stop, step);
            List<Long> probes = new ArrayList<>(List.of((long) start, (long) stop, 0L, -1L, 1L));
            for (int x : reference) {
                probes.addAll(List.of((long) x - 1, (long) x, (long) x + 1));
            }
            assertAll(probes.stream()
                    .filter(p -> p >= Integer.MIN_VALUE && p <= Integer.MAX_VALUE)
                    .map(Long::intValue)
                    .map(x -> () -> assertAll(
                            () -> assertEquals(reference.contains(x), r.contains(x), "contains(" + x + ")"),
                            () -> assertEquals(reference.indexOf(x), r.indexOf(x), "indexOf(" + x + ")"),
                            () -> assertEquals(reference.lastIndexOf(x), r.lastIndexOf(x), "lastIndexOf(" + x + ")"))));
        }

        @Test
        @DisplayName("objects that are not Integers are never contained")
        void otherTypes() {
            assertAll(() -> assertFalse(range(5).contains(3L)), () -> assertFalse(range(5).contains("3")),
                    () -> assertFalse(range(5).contains(null)), () -> assertEquals(-1, range(5).indexOf(3.0)));
        }
    }

    @Nested
    @DisplayName("has lazy sub-ranges")
    class SubRanges {

        @ParameterizedTest(name = "range({0}, {1}, {2})")
        @MethodSource("multiprocessing.RangeTest#ranges")
        @DisplayName("every subList has the elements of the list's subList")
        void subListMatches(int start, int stop, int step) {
            Range r = range(start, stop, step);
            List<Integer> reference = python(start, stop, step);
            for (int from = 0; from <= r.size(); from++) {
                for (int to = from; to <= r.size(); to++) {
                    assertEquals(reference.subList(from, to), new ArrayList<>(r.subList(from, to)),
                            "subList(" + from + ", " + to + ") of " + r);
                }
            }
        }

        @Test
        @DisplayName("a subList is a Range again, so a chunk travels as three numbers")
        void subListIsRange() {
            assertInstanceOf(Range.class, range(0, 1_000_000).subList(1000, 2000));
        }

        @Test
        @DisplayName("a subList of a subList keeps the step")
        void nestedSubList() {
            assertEquals(List.of(14, 17), range(2, 50, 3).subList(2, 10).subList(2, 4));
        }

        @Test
        @DisplayName("subList bounds are checked")
        void subListBounds() {
            assertAll(() -> assertThrows(IndexOutOfBoundsException.class, () -> range(5).subList(-1, 2)),
                    () -> assertThrows(IndexOutOfBoundsException.class, () -> range(5).subList(2, 6)),
                    () -> assertThrows(IndexOutOfBoundsException.class, () -> range(5).subList(3, 2)));
        }
    }

    @Nested
    @DisplayName("prints like Python")
    class Printing {

        private final Pattern spelling = Pattern.compile("range\\((-?\\d+), (-?\\d+)(?:, (-?\\d+))?\\)");

        @Test
        @DisplayName("with the arguments as given, as Python's repr")
        void spelling() {
            assertAll(() -> assertEquals("range(0, 10)", range(10).toString()),
                    () -> assertEquals("range(2, 5)", range(2, 5).toString()),
                    () -> assertEquals("range(0, 10, 2)", range(0, 10, 2).toString()),
                    () -> assertEquals("range(0, 11, 3)", range(0, 11, 3).toString()),
                    () -> assertEquals("range(10, 0, -3)", range(10, 0, -3).toString()),
                    () -> assertEquals("range(5, 2)", range(5, 2).toString()));
        }

        @Test
        @DisplayName("a sub-range prints like Python's slice: range(0, 10, 2)[1:3] is range(2, 6, 2)")
        void subRangeSpelling() {
            assertAll(() -> assertEquals("range(2, 6, 2)", range(0, 10, 2).subList(1, 3).toString()),
                    () -> assertEquals("range(0, 12, 3)", range(0, 10, 3).subList(0, 4).toString()),
                    () -> assertEquals("range(7, 1, -3)", range(10, 0, -3).subList(1, 3).toString()));
        }

        @ParameterizedTest(name = "range({0}, {1}, {2})")
        @MethodSource("multiprocessing.RangeTest#ranges")
        @DisplayName("the printed form, read as Python, has the same elements")
        void printedFormRoundTrips(int start, int stop, int step) {
            String text = range(start, stop, step).toString();
            Matcher m = spelling.matcher(text);
            assertTrue(m.matches(), "not Python's spelling: " + text);
            long printedStep = m.group(3) == null ? 1 : Long.parseLong(m.group(3));
            assertEquals(python(start, stop, step),
                    python(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), printedStep), text);
        }
    }

    @Nested
    @DisplayName("refuses what Python refuses")
    class Refusals {

        @Test
        @DisplayName("a zero step is an IllegalArgumentException")
        void zeroStep() {
            IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> range(0, 10, 0));
            assertTrue(thrown.getMessage().contains("step"), thrown.getMessage());
        }

        @Test
        @DisplayName("more elements than a List can index is an IllegalArgumentException")
        void tooLarge() {
            assertThrows(IllegalArgumentException.class, () -> range(Integer.MIN_VALUE, Integer.MAX_VALUE));
        }

        @Test
        @DisplayName("it is immutable")
        void immutable() {
            assertAll(() -> assertThrows(UnsupportedOperationException.class, () -> range(3).add(3)),
                    () -> assertThrows(UnsupportedOperationException.class, () -> range(3).set(0, 1)));
        }
    }

    @Test
    @DisplayName("survives Java serialization")
    void serializable() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(range(10, 0, -3));
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(range(10, 0, -3), in.readObject());
        }
    }
}
