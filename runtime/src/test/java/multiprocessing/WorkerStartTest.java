package multiprocessing;

import static multiprocessing.Range.range;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import multiprocessing.testing.ClassLoadLog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

/**
 * Covers what a pool worker loads on its way from start to exit when it runs a method reference on
 * numbers: none of the JDK machinery that made workers slow to start (Java serialization, the security
 * providers that hash a default serialVersionUID, the JDK's loggers, the pid lookup's process reaper),
 * and no lambda or invokedynamic string concatenation of the runtime's own. The JDK's own socket code
 * still spins two lambdas; this test does not pretend otherwise.
 */
@DisplayName("A worker on its way from start to exit")
@TestInstance(Lifecycle.PER_CLASS)
class WorkerStartTest {
    private List<String> loaded;

    static long cube(int x) {
        return (long) x * x * x;
    }

    @BeforeAll
    void runOneWorker() {
        ClassLoadLog log = ClassLoadLog.during(() -> {
            try (Pool pool = new Pool(1)) {
                assertEquals(List.of(0L, 1L, 8L), pool.map(WorkerStartTest::cube, range(3)));
                return null;
            }
        });
        loaded = log.onlyChild();
    }

    private void assertNoneStartsWith(String prefix) {
        List<String> found = loaded.stream().filter(name -> name.startsWith(prefix)).toList();
        assertTrue(found.isEmpty(), "the worker loaded " + found);
    }

    @Test
    @DisplayName("runs the task (the log is the worker's)")
    void ranTheTask() {
        assertTrue(loaded.contains(WorkerStartTest.class.getName()), "the log shows no task class: " + loaded.size());
    }

    @Nested
    @DisplayName("never loads")
    class NeverLoads {

        @Test
        @DisplayName("Java serialization's ObjectInputStream")
        void noObjectInputStream() {
            assertNoneStartsWith("java.io.ObjectInputStream");
        }

        @Test
        @DisplayName("Java serialization's ObjectOutputStream")
        void noObjectOutputStream() {
            assertNoneStartsWith("java.io.ObjectOutputStream");
        }

        @Test
        @DisplayName("a security provider (the SHA of a default serialVersionUID)")
        void noSecurityProviders() {
            assertNoneStartsWith("sun.security.provider.");
        }

        @Test
        @DisplayName("the JDK's loggers")
        void noLoggers() {
            assertNoneStartsWith("jdk.internal.logger.");
        }

        @Test
        @DisplayName("the process reaper behind ProcessHandle")
        void noProcessHandle() {
            assertNoneStartsWith("java.lang.ProcessHandleImpl");
        }

        @Test
        @DisplayName("a lambda of the runtime's own")
        void noRuntimeLambda() {
            List<String> lambdas = loaded.stream()
                    .filter(name -> name.startsWith("multiprocessing.") && name.contains("$$Lambda")).toList();
            assertTrue(lambdas.isEmpty(), "the worker spun " + lambdas);
        }
    }

    @Nested
    @DisplayName("runs runtime code compiled")
    class Compiled {

        /*
         * A static check rather than a class-load one: every JVM loads StringConcatFactory while it boots,
         * but only indy concatenation makes it spin method handles on a worker's path.
         */
        @Test
        @DisplayName("with string concatenation as plain calls, not invokedynamic")
        void noIndyConcatenation() throws IOException, URISyntaxException {
            Path classes = Path.of(Pool.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            assumeTrue(Files.isDirectory(classes), "the runtime runs from a jar here: " + classes);
            List<String> indy;
            try (Stream<Path> files = Files.walk(classes)) {
                indy = files.filter(file -> file.toString().endsWith(".class"))
                        .filter(WorkerStartTest::usesIndyConcatenation).map(Path::toString).toList();
            }
            assertTrue(indy.isEmpty(), "invokedynamic concatenation in " + indy);
        }
    }

    private static boolean usesIndyConcatenation(Path classFile) {
        try {
            return new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1)
                    .contains("makeConcatWithConstants");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
