package multiprocessing.internal;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import multiprocessing.testing.SystemProperty;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Covers {@link ChildLauncher}'s command line: the parent's own {@code java}, the fixed fast-start
 * options, the extra options, the class path in an argument file, and the quoting of argument-file
 * lines (how {@code java} reads them back is in {@code LaunchTest}).
 */
@DisplayName("ChildLauncher")
class ChildLauncherTest {

    @Nested
    @DisplayName("argumentFileLine")
    class ArgumentFileLine {

        @Test
        @DisplayName("puts a plain argument in double quotes")
        void plain() {
            assertEquals("\"-cp\"", ClassPathHandOver.argumentFileLine("-cp"));
        }

        @Test
        @DisplayName("keeps spaces inside the quotes")
        void spaces() {
            assertEquals("\"/home/me/my classes\"", ClassPathHandOver.argumentFileLine("/home/me/my classes"));
        }

        @Test
        @DisplayName("doubles backslashes, as in Windows paths")
        void backslashes() {
            assertEquals("\"C:\\\\Program Files\\\\lab\\\\classes\"",
                    ClassPathHandOver.argumentFileLine("C:\\Program Files\\lab\\classes"));
        }

        @Test
        @DisplayName("escapes double quotes")
        void quotes() {
            assertEquals("\"say \\\"cheese\\\"\"", ClassPathHandOver.argumentFileLine("say \"cheese\""));
        }

        @Test
        @DisplayName("escapes a backslash before a quote without ambiguity")
        void backslashBeforeQuote() {
            assertEquals("\"a\\\\\\\"b\"", ClassPathHandOver.argumentFileLine("a\\\"b"));
        }

        @Test
        @DisplayName("leaves single quotes, $ and % alone")
        void otherSpecials() {
            assertEquals("\"it's $HOME %PATH%\"", ClassPathHandOver.argumentFileLine("it's $HOME %PATH%"));
        }

        @Test
        @DisplayName("quotes an empty argument as two quotes")
        void empty() {
            assertEquals("\"\"", ClassPathHandOver.argumentFileLine(""));
        }

        @Test
        @DisplayName("writes line breaks as \\n and \\r, since a real one would end the argument")
        void lineBreaks() {
            assertEquals("\"a\\nb\\rc\"", ClassPathHandOver.argumentFileLine("a\nb\rc"));
        }
    }

    @Nested
    @DisplayName("command")
    class Command {

        @Test
        @DisplayName("starts with this JVM's java executable")
        void javaExecutable() throws Exception {
            assertEquals(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    ChildLauncher.command().get(0));
        }

        @Test
        @DisplayName("has the fast-start options, then the extra options, then the argument file and ChildMain")
        void order() throws Exception {
            List<String> command = SystemProperty.with(Config.WORKER_JVM_ARGS, "-Dextra=1 \"-Dspaced=a b\"", () -> {
                try {
                    return ChildLauncher.command();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            int serial = command.indexOf("-XX:+UseSerialGC");
            int exitOnOom = command.indexOf("-XX:+ExitOnOutOfMemoryError");
            int extra = command.indexOf("-Dextra=1");
            int spaced = command.indexOf("-Dspaced=a b");
            int argumentFile = command.size() - 2;
            assertAll(
                    () -> assertTrue(serial > 0 && exitOnOom > 0, "fast-start options missing: " + command),
                    () -> assertTrue(extra > exitOnOom && spaced == extra + 1, "extra options misplaced: " + command),
                    () -> assertTrue(command.get(argumentFile).startsWith("@"), "no argument file: " + command),
                    () -> assertEquals(ChildMain.class.getName(), command.get(command.size() - 1)));
        }

        @Test
        @DisplayName("passes the class path in an argument file, quoted")
        void argumentFile() throws Exception {
            List<String> command = ChildLauncher.command();
            Path file = Path.of(command.get(command.size() - 2).substring(1));
            assertEquals(List.of("-cp", ClassPathHandOver.argumentFileLine(System.getProperty("java.class.path"))),
                    Files.readAllLines(file));
        }
    }
}
