package multiprocessing;

import static multiprocessing.Range.range;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import multiprocessing.testing.Shapes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

/**
 * Covers lists of boxed numbers and strings, nested, through a real pool both ways: as the argument of
 * {@code apply} and {@code applyAsync} the task sees exactly the value that was passed (every element
 * with its class, nulls included), and as the result the caller gets exactly what the task returned.
 */
@DisplayName("Lists through a pool")
@TestInstance(Lifecycle.PER_CLASS)
class ListsThroughPoolTest {
    private static final int BIG = 1_000_000;

    private Pool pool;

    @BeforeAll
    void startPool() {
        pool = new Pool(1);
    }

    @AfterAll
    void closePool() {
        pool.close();
    }

    /** A nested list with every compact type, nulls at several depths and mixed numbers. */
    static List<Object> sample(int ignored) {
        List<Object> inner = new ArrayList<>(Arrays.asList(1, null, 3L, "four", 5.5));
        List<Object> numbers = new ArrayList<>(Arrays.asList(1, 2, 3));
        return new ArrayList<>(Arrays.asList(inner, numbers, null, "text", 'c', true, (short) 7, (byte) 8, 9.5f,
                new ArrayList<>(), range(4)));
    }

    /** The task's view of its argument, class by class. */
    static String shapeOf(List<Object> argument) {
        return Shapes.of(argument);
    }

    static long sum(List<Integer> numbers) {
        long total = 0;
        for (int number : numbers) {
            total += number;
        }
        return total;
    }

    static List<Integer> numbers(int count) {
        return new ArrayList<>(range(count));
    }

    @Nested
    @DisplayName("as the argument")
    class AsArgument {

        @Test
        @DisplayName("apply: the task sees the nested list exactly as passed")
        void applyArgument() {
            assertEquals(Shapes.of(sample(0)), pool.apply(ListsThroughPoolTest::shapeOf, sample(0)));
        }

        @Test
        @DisplayName("applyAsync: the task sees the nested list exactly as passed")
        void applyAsyncArgument() {
            assertEquals(Shapes.of(sample(0)), pool.applyAsync(ListsThroughPoolTest::shapeOf, sample(0)).get());
        }

        @Test
        @DisplayName("a list of a million Integers arrives whole")
        void bigArgument() {
            assertEquals((long) BIG * (BIG - 1) / 2, pool.apply(ListsThroughPoolTest::sum, numbers(BIG)));
        }
    }

    @Nested
    @DisplayName("as the result")
    class AsResult {

        @Test
        @DisplayName("apply: the caller gets the nested list exactly as returned")
        void applyResult() {
            assertEquals(Shapes.of(sample(0)), Shapes.of(pool.apply(ListsThroughPoolTest::sample, 0)));
        }

        @Test
        @DisplayName("applyAsync: the caller gets the nested list exactly as returned")
        void applyAsyncResult() {
            assertEquals(Shapes.of(sample(0)), Shapes.of(pool.applyAsync(ListsThroughPoolTest::sample, 0).get()));
        }

        @Test
        @DisplayName("a list of a million Integers comes back whole")
        void bigResult() {
            assertEquals(numbers(BIG), pool.apply(ListsThroughPoolTest::numbers, BIG));
        }
    }
}
