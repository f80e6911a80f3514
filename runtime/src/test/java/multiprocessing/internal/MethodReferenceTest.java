package multiprocessing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import multiprocessing.Action;
import multiprocessing.Target;
import multiprocessing.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Covers {@link MethodReference} and its {@link ReflectiveFunction} within one process: which functions
 * travel by name and which stay serialized, that the names come back as a working function, and that
 * the function throws what the method throws.
 */
@DisplayName("MethodReference")
class MethodReferenceTest {
    private static final byte[] SERIALIZATION_MAGIC = {(byte) 0xAC, (byte) 0xED};

    static int square(int x) {
        return x * x;
    }

    private static String secret(String word) {
        return "secret " + word;
    }

    static void fail(Integer code) throws IOException {
        throw new IOException("code " + code);
    }

    static int counter;

    static void count() {
        counter++;
    }

    /** A task written as an ordinary class. */
    static final class Doubler implements Task<Integer, Integer> {
        private static final long serialVersionUID = 1L;

        @Override
        public Integer apply(Integer x) {
            return 2 * x;
        }
    }

    /** An object with a method to bind. */
    record Greeter(String greeting) implements Serializable {
        String greet(String name) {
            return greeting + name;
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T travel(Object function) {
        return (T) Codec.decode(Codec.encodeFunction(function, "the test's function"));
    }

    private static boolean contains(byte[] bytes, byte[] part) {
        return new String(bytes, StandardCharsets.ISO_8859_1).contains(new String(part, StandardCharsets.ISO_8859_1));
    }

    @Nested
    @DisplayName("travels by name")
    class ByName {

        @Test
        @DisplayName("a static method reference")
        void staticReference() {
            assertNotNull(MethodReference.of((Task<Integer, Integer>) MethodReferenceTest::square));
        }

        @Test
        @DisplayName("a lambda that captures nothing")
        void nonCapturingLambda() {
            assertNotNull(MethodReference.of((Task<Integer, Integer>) x -> x + 1));
        }

        @Test
        @DisplayName("with no Java serialization stream in its bytes")
        void noSerializationStream() {
            byte[] bytes = Codec.encodeFunction((Task<Integer, Integer>) MethodReferenceTest::square, "the task");
            assertFalse(contains(bytes, SERIALIZATION_MAGIC));
        }

        @Test
        @DisplayName("named after the method it points at")
        void describe() {
            MethodReference reference = MethodReference.of((Task<Integer, Integer>) MethodReferenceTest::square);
            assertEquals(MethodReferenceTest.class.getName() + ".square", reference.describe());
        }
    }

    @Nested
    @DisplayName("stays serialized")
    class StaysSerialized {

        @Test
        @DisplayName("a lambda that captures a value")
        void capturingLambda() {
            int offset = 3;
            assertNull(MethodReference.of((Task<Integer, Integer>) x -> x + offset));
        }

        @Test
        @DisplayName("an object's bound method")
        void boundMethod() {
            assertNull(MethodReference.of((Task<String, String>) new Greeter("hi ")::greet));
        }

        @Test
        @DisplayName("an ordinary class that implements Task")
        void ordinaryClass() {
            assertNull(MethodReference.of(new Doubler()));
        }

        @Test
        @DisplayName("and an object's bound method still works after the trip")
        void boundMethodWorks() throws Exception {
            Task<String, String> back = travel((Task<String, String>) new Greeter("hi ")::greet);
            assertEquals("hi Ada", back.apply("Ada"));
        }
    }

    @Nested
    @DisplayName("comes back as a working function")
    class ComesBack {

        @Test
        @DisplayName("a task")
        void task() throws Exception {
            Task<Integer, Integer> back = travel((Task<Integer, Integer>) MethodReferenceTest::square);
            assertEquals(49, back.apply(7));
        }

        @Test
        @DisplayName("a task on a private method")
        void privateMethod() throws Exception {
            Task<String, String> back = travel((Task<String, String>) MethodReferenceTest::secret);
            assertEquals("secret word", back.apply("word"));
        }

        @Test
        @DisplayName("a no-argument target")
        void action() throws Exception {
            int before = counter;
            Action back = travel((Action) MethodReferenceTest::count);
            back.run();
            assertEquals(before + 1, counter);
        }

        @Test
        @DisplayName("a target whose method throws, throwing that very exception")
        void throwsUnwrapped() {
            Target<Integer> back = travel((Target<Integer>) MethodReferenceTest::fail);
            IOException thrown = assertThrows(IOException.class, () -> back.run(5));
            assertEquals("code 5", thrown.getMessage());
        }

        @Test
        @DisplayName("a function whose Error propagates as that Error")
        void errorPropagates() {
            StackOverflowError error = new StackOverflowError("deep");
            ReflectiveFunction function = assertInstanceOf(ReflectiveFunction.class,
                    travel((Task<StackOverflowError, Object>) MethodReferenceTest::raise));
            assertSame(error, assertThrows(StackOverflowError.class, () -> function.apply(error)));
        }
    }

    static Object raise(StackOverflowError error) {
        throw error;
    }

    @Nested
    @DisplayName("refuses to decode")
    class Refuses {

        @Test
        @DisplayName("a method that does not exist here, with an IllegalStateException")
        void unknownMethod() {
            byte[] bytes = Codec.encodeFunction((Task<Integer, Integer>) MethodReferenceTest::square, "the task");
            byte[] tampered = new String(bytes, StandardCharsets.ISO_8859_1).replace("square", "sqxare")
                    .getBytes(StandardCharsets.ISO_8859_1);
            IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> Codec.decode(tampered));
            assertTrue(thrown.getMessage().contains("sqxare"), thrown.getMessage());
        }
    }
}
