package multiprocessing.internal;

import static multiprocessing.Range.range;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import multiprocessing.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Covers {@link TaskNames}: readable names for method references, lambdas and ordinary classes, and
 * for one call, whose big collection argument is cut short.
 */
@DisplayName("TaskNames")
class TaskNamesTest {

    static int square(int x) {
        return x * x;
    }

    /** A task written as an ordinary class. */
    static final class Doubler implements Task<Integer, Integer> {
        private static final long serialVersionUID = 1L;

        @Override
        public Integer apply(Integer x) {
            return 2 * x;
        }
    }

    @Test
    @DisplayName("a method reference is named Class.method")
    void methodReference() {
        Task<Integer, Integer> task = TaskNamesTest::square;
        assertEquals(TaskNamesTest.class.getName() + ".square", TaskNames.describe(task));
    }

    @Test
    @DisplayName("a lambda is named after its class and synthetic method")
    void lambda() {
        Task<Integer, Integer> task = x -> x + 1;
        String name = TaskNames.describe(task);
        assertTrue(name.startsWith(TaskNamesTest.class.getName() + ".lambda$"), name);
    }

    @Test
    @DisplayName("an ordinary class is named by its class name")
    void ordinaryClass() {
        assertEquals(Doubler.class.getName(), TaskNames.describe(new Doubler()));
    }

    @Test
    @DisplayName("a non-serializable lambda is named by its class name")
    void plainLambda() {
        Runnable plain = () -> { };
        assertEquals(plain.getClass().getName(), TaskNames.describe(plain));
    }

    @Test
    @DisplayName("a call with a small argument shows the argument whole")
    void smallCall() {
        assertEquals("lab.Square.square([1, 2, 3])", TaskNames.call("lab.Square.square", List.of(1, 2, 3)));
    }

    @Test
    @DisplayName("a call with a big collection shows its first ten elements and its size")
    void bigCall() {
        assertEquals("f([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, ...] (5000000 elements))",
                TaskNames.call("f", range(5_000_000)));
    }
}
