package multiprocessing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import multiprocessing.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Covers {@link TaskNames}: readable names for method references, lambdas and ordinary classes. */
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
}
