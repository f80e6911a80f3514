package multiprocessing.tools;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import multiprocessing.fixtures.TracedMains;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Covers the command {@code TracedRun <main class> <page.html> [title]} that the lab's build runs. */
@DisplayName("TracedRun command")
class TracedRunCommandTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);

    /** What one run of the command did. */
    private record Outcome(int status, String out, String err) {
    }

    private static Outcome run(Duration limit, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = TracedRunCommand.run(args, limit, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Nested
    @DisplayName("on a program that uses a pool")
    class PoolProgram {

        @Test
        @DisplayName("repeats what the program printed, then says where the page went")
        void printsOutputThenPage(@TempDir Path directory) {
            Path page = directory.resolve("timeline-hello.html");
            Outcome outcome = run(LIMIT, TracedMains.Hello.class.getName(), page.toString(), "Hello");
            assertAll(() -> assertEquals(0, outcome.status(), outcome.err()),
                    () -> assertTrue(outcome.out().indexOf("Wrote the timeline to " + page.toAbsolutePath())
                            > outcome.out().indexOf("SQUARES [0, 1, 4, 9]"), outcome.out()),
                    () -> assertTrue(outcome.out().contains("SQUARES [0, 1, 4, 9]"), outcome.out()));
        }

        @Test
        @DisplayName("writes a page with the run's picture and the given title")
        void writesPage(@TempDir Path directory) throws IOException {
            Path page = directory.resolve("timeline-hello.html");
            run(LIMIT, TracedMains.Hello.class.getName(), page.toString(), "Hello run");
            assertEquals("Hello run", Page.of(Files.readString(page)).all("h1").get(0).getTextContent());
        }
    }

    @Nested
    @DisplayName("on a program that fails or hangs")
    class BadPrograms {

        @Test
        @DisplayName("exits with the program's own exit code when main throws")
        void throwing(@TempDir Path directory) {
            Outcome outcome = run(LIMIT, TracedMains.Throws.class.getName(), directory.resolve("t.html").toString());
            assertEquals(1, outcome.status(), outcome.out() + outcome.err());
        }

        @Test
        @DisplayName("stops a program at the limit, says so, and still draws the page")
        void stopped(@TempDir Path directory) {
            Path page = directory.resolve("forever.html");
            Outcome outcome = run(Duration.ofSeconds(3), TracedMains.Forever.class.getName(), page.toString());
            assertAll(() -> assertEquals(1, outcome.status()),
                    () -> assertTrue(outcome.err().contains("was stopped"), outcome.err()),
                    () -> assertTrue(Files.isRegularFile(page)));
        }
    }

    @Test
    @DisplayName("explains its usage and exits 2 when the page is not given")
    void usage() {
        Outcome outcome = run(LIMIT, "lab.Square");
        assertAll(() -> assertEquals(2, outcome.status()),
                () -> assertTrue(outcome.err().startsWith("usage:"), outcome.err()));
    }
}
