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
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Covers the command {@code Timeline <trace.jsonl> <out.html> [title]}. */
@DisplayName("Timeline command")
class TimelineCommandTest {

    /** What one run of the command did. */
    private record Outcome(int status, List<String> out, String err) {
    }

    private static Outcome run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = TimelineCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(status, out.toString(StandardCharsets.UTF_8).lines().toList(),
                err.toString(StandardCharsets.UTF_8));
    }

    private static Path trace(Path directory) throws IOException {
        return Files.writeString(directory.resolve("trace.jsonl"), TimelineModelTest.slowSquareInWaves().text());
    }

    @Nested
    @DisplayName("with a trace")
    class WithTrace {

        @Test
        @DisplayName("writes the page and says where, then the verdict")
        void writes(@TempDir Path directory) throws IOException {
            Path page = directory.resolve("timeline.html");
            Outcome outcome = run(trace(directory).toString(), page.toString(), "Step 4");
            assertAll(() -> assertEquals(0, outcome.status(), outcome.err()),
                    () -> assertEquals(List.of("Wrote the timeline to " + page.toAbsolutePath(),
                            "10 tasks ran on 4 workers in 3 rounds: parallel."), outcome.out()),
                    () -> assertEquals("Step 4", Page.of(Files.readString(page)).all("h1").get(0).getTextContent()));
        }

        @Test
        @DisplayName("titles the page after the trace file when no title is given")
        void defaultTitle(@TempDir Path directory) throws IOException {
            Path page = directory.resolve("timeline.html");
            run(trace(directory).toString(), page.toString());
            assertEquals("Timeline of trace.jsonl", Page.of(Files.readString(page)).all("h1").get(0).getTextContent());
        }

        @Test
        @DisplayName("fails with a message when the page cannot be written")
        void unwritable(@TempDir Path directory) throws IOException {
            Outcome outcome = run(trace(directory).toString(), directory.toString());
            assertAll(() -> assertEquals(1, outcome.status()),
                    () -> assertTrue(outcome.err().startsWith("Cannot write the page " + directory), outcome.err()));
        }
    }

    @Nested
    @DisplayName("without a trace")
    class WithoutTrace {

        @Test
        @DisplayName("says how to make one")
        void missing(@TempDir Path directory) {
            Path missing = directory.resolve("missing.jsonl");
            Outcome outcome = run(missing.toString(), directory.resolve("out.html").toString());
            assertAll(() -> assertEquals(1, outcome.status()),
                    () -> assertEquals("No trace file at " + missing + ". Run the program with -Dmultiprocessing.trace="
                            + missing + " first.", outcome.err().strip()));
        }

        @Test
        @DisplayName("shows the usage for a wrong number of arguments")
        void usage() {
            Outcome outcome = run("only-one");
            assertAll(() -> assertEquals(2, outcome.status()),
                    () -> assertTrue(outcome.err().startsWith("usage: "), outcome.err()));
        }
    }
}
