package multiprocessing.internal;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Handing the class path to a child JVM")
class ClassPathHandOverTest {
    private static final Charset WINDOWS_WESTERN = Charset.forName("windows-1252");
    private static final String JOSE = "C:\\Users\\José Müller\\OneDrive\\Lab\\classes";

    @Nested
    @DisplayName("where the native encoding can spell the path")
    class Spellable {

        @Test
        @DisplayName("writes the argument file in the native encoding, not in UTF-8")
        void nativeBytes(@TempDir Path temp) throws Exception {
            Path file = temp.resolve("cp.args");
            ClassPathHandOver.of(JOSE, file, WINDOWS_WESTERN);
            byte[] expected = ("-cp\n" + ClassPathHandOver.argumentFileLine(JOSE) + "\n").getBytes(WINDOWS_WESTERN);
            assertArrayEquals(expected, Files.readAllBytes(file));
        }

        @Test
        @DisplayName("passes the file as @file and leaves the environment alone")
        void argumentOnly(@TempDir Path temp) throws Exception {
            Path file = temp.resolve("cp.args");
            ClassPathHandOver handOver = ClassPathHandOver.of(JOSE, file, WINDOWS_WESTERN);
            ProcessBuilder builder = handOver.applyTo(new ProcessBuilder("java"));
            assertAll(() -> assertEquals(List.of("@" + file), handOver.arguments()),
                    () -> assertFalse(handOver.throughEnvironment()),
                    () -> assertEquals(System.getenv("CLASSPATH"), builder.environment().get("CLASSPATH")));
        }
    }

    @Nested
    @DisplayName("where the native encoding cannot spell the path")
    class Unspellable {
        private static final String LUKASZ = "C:\\Users\\Łukasz\\Lab\\classes";

        @Test
        @DisplayName("hands it over in CLASSPATH, with no argument and no file")
        void environment(@TempDir Path temp) throws Exception {
            Path file = temp.resolve("cp.args");
            ClassPathHandOver handOver = ClassPathHandOver.of(LUKASZ, file, WINDOWS_WESTERN);
            ProcessBuilder builder = handOver.applyTo(new ProcessBuilder("java"));
            assertAll(() -> assertTrue(handOver.throughEnvironment()),
                    () -> assertEquals(List.of(), handOver.arguments()),
                    () -> assertEquals(LUKASZ, builder.environment().get("CLASSPATH")),
                    () -> assertFalse(Files.exists(file)));
        }

        @Test
        @DisplayName("does so for any non-ASCII path under the POSIX C locale")
        void posixLocale(@TempDir Path temp) throws Exception {
            ClassPathHandOver handOver = ClassPathHandOver.of("/home/josé/lab", temp.resolve("cp.args"),
                    StandardCharsets.US_ASCII);
            assertTrue(handOver.throughEnvironment());
        }
    }
}
