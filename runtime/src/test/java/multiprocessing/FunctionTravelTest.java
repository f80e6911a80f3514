package multiprocessing;

import static multiprocessing.Range.range;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Serializable;
import java.math.BigInteger;
import java.util.List;
import multiprocessing.testing.ClassLoadLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

/**
 * Covers how tasks and Process targets reach their process: a method reference (or a lambda that
 * captures nothing) travels as the names of its method and is looked up there without Java
 * serialization, whatever kind of method it names; it behaves there as the lambda itself would; and
 * everything else (a capturing lambda, an object's bound method) still travels serialized and works.
 */
@DisplayName("Tasks and targets travel to their process")
@TestInstance(Lifecycle.PER_CLASS)
class FunctionTravelTest {
    private static final String SERIALIZATION = "java.io.ObjectInputStream";

    /** One pool for the tests that do not watch a worker's class loading. */
    private Pool pool;

    @BeforeAll
    void startPool() {
        pool = new Pool(2);
    }

    @AfterAll
    void closePool() {
        pool.close();
    }

    // ---- tasks and targets ----

    static int square(int x) {
        return x * x;
    }

    private static int privateCube(int x) {
        return x * x * x;
    }

    static void quietTarget(Integer ignored) {
        // nothing: the point is how it arrived
    }

    static String creatorMark(Integer ignored) {
        return System.getProperty(Creator.MARK);
    }

    /** A class that creates a task: its static initializer leaves a mark in the process that initializes it. */
    static final class Creator {
        static final String MARK = "function-travel-test.creator-initialized";

        static {
            System.setProperty(MARK, "pid " + ProcessHandle.current().pid());
        }

        private Creator() {
        }

        static Task<Integer, String> task() {
            return FunctionTravelTest::creatorMark;
        }
    }

    /** An object whose method is bound into a task: {@code new Multiplier(5)::times}. */
    record Multiplier(int factor) implements Serializable {
        int times(int x) {
            return factor * x;
        }
    }

    @Nested
    @DisplayName("a method reference travels by name")
    class ByName {

        @Test
        @DisplayName("a worker runs a static method reference without ever loading ObjectInputStream")
        void workerNeedsNoSerialization() {
            ClassLoadLog log = ClassLoadLog.during(() -> {
                try (Pool watched = new Pool(1)) {
                    return watched.map(FunctionTravelTest::square, range(5));
                }
            });
            assertFalse(log.onlyChild().contains(SERIALIZATION), "the worker loaded " + SERIALIZATION);
        }

        @Test
        @DisplayName("a Process runs a method reference target without ever loading ObjectInputStream")
        void processNeedsNoSerialization() {
            ClassLoadLog log = ClassLoadLog.during(() -> {
                Process process = new Process(FunctionTravelTest::quietTarget, 1);
                process.start();
                process.join();
                return process.exitCode();
            });
            assertFalse(log.onlyChild().contains(SERIALIZATION), "the process loaded " + SERIALIZATION);
        }

        @Test
        @DisplayName("the worker initializes the class that created the task, as deserializing it would")
        void creatorInitialized() {
            String mark = pool.apply(Creator.task(), 0);
            assertTrue(mark != null && !mark.equals("pid " + ProcessHandle.current().pid()),
                    "the worker's mark: " + mark);
        }
    }

    @Nested
    @DisplayName("every kind of method it names works")
    class Kinds {

        @Test
        @DisplayName("a private static method")
        void privateMethod() {
            assertEquals(List.of(0, 1, 8, 27), pool.map(FunctionTravelTest::privateCube, range(4)));
        }

        @Test
        @DisplayName("an instance method of the argument (String::length)")
        void unboundInstanceMethod() {
            assertEquals(List.of(1, 3), pool.map(String::length, List.of("a", "abc")));
        }

        @Test
        @DisplayName("a constructor (BigInteger::new)")
        void constructor() {
            assertEquals(new BigInteger("12345678901234567890"), pool.apply(BigInteger::new, "12345678901234567890"));
        }

        @Test
        @DisplayName("a lambda that captures nothing")
        void nonCapturingLambda() {
            assertEquals(List.of(0, 3, 6), pool.map((Integer x) -> 3 * x, range(3)));
        }
    }

    @Nested
    @DisplayName("it behaves as the lambda would")
    class SameAsLambda {

        @Test
        @DisplayName("an argument of the wrong type is a ClassCastException")
        @SuppressWarnings({"unchecked", "rawtypes"})
        void wrongType() {
            Task raw = (Task<Integer, Integer>) FunctionTravelTest::square;
            TaskFailedException thrown = assertThrows(TaskFailedException.class, () -> pool.apply(raw, "seven"));
            assertInstanceOf(ClassCastException.class, thrown.getCause());
        }

        @Test
        @DisplayName("null for a primitive parameter is a NullPointerException")
        void nullForPrimitive() {
            TaskFailedException thrown = assertThrows(TaskFailedException.class,
                    () -> pool.apply(FunctionTravelTest::square, null));
            assertInstanceOf(NullPointerException.class, thrown.getCause());
        }
    }

    @Nested
    @DisplayName("what is not a plain method reference still travels serialized")
    class Serialized {

        @Test
        @DisplayName("a lambda that captures a value runs with that value")
        void capturingLambda() {
            int offset = 100;
            assertEquals(List.of(100, 101), pool.map((Integer x) -> x + offset, range(2)));
        }

        @Test
        @DisplayName("a capturing lambda reaches the worker through Java serialization")
        void capturingLambdaIsSerialized() {
            int offset = 100;
            ClassLoadLog log = ClassLoadLog.during(() -> {
                try (Pool watched = new Pool(1)) {
                    return watched.apply((Integer x) -> x + offset, 1);
                }
            });
            assertTrue(log.onlyChild().contains(SERIALIZATION), "the worker never loaded " + SERIALIZATION);
        }

        @Test
        @DisplayName("an object's bound method (new Multiplier(5)::times) runs on a copy of that object")
        void boundMethod() {
            assertEquals(List.of(0, 5, 10), pool.map(new Multiplier(5)::times, range(3)));
        }
    }
}
