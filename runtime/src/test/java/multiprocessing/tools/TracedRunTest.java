package multiprocessing.tools;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import multiprocessing.fixtures.TracedMains;
import multiprocessing.internal.Config;
import multiprocessing.internal.Trace;
import multiprocessing.testing.Pids;
import multiprocessing.testing.Poll;
import multiprocessing.testing.SystemProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.io.TempDir;

/**
 * Covers {@link TracedRun}: it runs a class's {@code main} in a JVM of its own with a fresh trace, the
 * way the lab's tests run a student's program. The {@link TracedMains} programs return, throw, never
 * return, and print more than is kept; each runs once, and the tests look at what the run kept: its
 * output, its exit code, its trace read as a timeline, and what is left of it after a time limit.
 */
@DisplayName("TracedRun")
@TestInstance(Lifecycle.PER_CLASS)
class TracedRunTest {
    private static final Duration LIMIT = Duration.ofSeconds(120);
    /** Long enough for the program to start its pool, short enough to keep the test fast. */
    private static final Duration FOREVER_LIMIT = Duration.ofSeconds(10);
    private static final Duration GONE_WITHIN = Duration.ofSeconds(10);

    private Path directory;
    private Path thisJvmsTrace;
    private TracedRun hello;
    private TracedRun throwing;
    private TracedRun forever;
    private TracedRun loud;

    @BeforeAll
    void runPrograms() throws IOException {
        // Tracing is decided once per JVM: decide it (off) before this JVM gets a trace property below.
        assertFalse(Trace.ENABLED, "this test JVM must not trace");
        directory = Files.createTempDirectory("traced-run-test-");
        thisJvmsTrace = directory.resolve("this-jvm.jsonl");
        hello = SystemProperty.with(TracedMains.PASSED, "passed on",
                () -> SystemProperty.with(TracedMains.NOT_PASSED, "kept here",
                        () -> SystemProperty.with(Config.TRACE, thisJvmsTrace.toString(),
                                () -> TracedRun.start(TracedMains.Hello.class.getName(), LIMIT))));
        throwing = TracedRun.start(TracedMains.Throws.class.getName(), LIMIT);
        forever = TracedRun.start(TracedMains.Forever.class.getName(), FOREVER_LIMIT);
        loud = TracedRun.start(TracedMains.Loud.class.getName(), LIMIT);
    }

    @AfterAll
    void cleanUp() throws IOException {
        if (forever != null) {
            Pids.killAll(workers(forever));
        }
        if (directory != null) {
            try (var files = Files.walk(directory)) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static String describe(TracedRun run) {
        return run.mainClass() + " (exit " + run.exitCode() + ")\n--- stdout ---\n" + run.stdout() + "\n--- stderr ---\n"
                + run.stderr();
    }

    /** The worker pids the program printed as {@code WORKERS pid pid}. */
    private static List<Long> workers(TracedRun run) {
        return run.stdoutLines().stream().filter(line -> line.startsWith("WORKERS ")).findFirst()
                .map(line -> Arrays.stream(line.substring("WORKERS ".length()).split(" ")).map(Long::parseLong).toList())
                .orElse(List.of());
    }

    @Nested
    @DisplayName("a main that returns")
    class Returns {

        @Test
        @DisplayName("exits with 0, in time")
        void exitCode() {
            assertAll(() -> assertEquals(0, hello.exitCode(), describe(hello)),
                    () -> assertFalse(hello.timedOut(), "timed out"));
        }

        @Test
        @DisplayName("keeps main's lines in order")
        void mainLines() {
            List<String> lines = hello.stdoutLines().stream().filter(l -> !l.startsWith("WORKER ")).toList();
            assertEquals(List.of("HELLO", "SQUARES [0, 1, 4, 9]"), lines.subList(0, Math.min(2, lines.size())),
                    describe(hello));
        }

        @Test
        @DisplayName("keeps the lines its pool's workers printed")
        void workerLines() {
            assertTrue(hello.stdoutLines().containsAll(List.of("WORKER 0", "WORKER 1", "WORKER 2", "WORKER 3")),
                    describe(hello));
        }

        @Test
        @DisplayName("its timeline's main is the pid of the JVM that ran main")
        void mainPid() {
            assertAll(() -> assertTrue(hello.pid() > 0, "pid " + hello.pid()),
                    () -> assertEquals(hello.pid(), hello.timeline().mainPid(), describe(hello)));
        }

        @Test
        @DisplayName("its timeline shows the map's tasks on the pool's workers")
        void tasks() {
            assertEquals(4, hello.timeline().tasks().stream().mapToLong(Timeline.Bar::items).sum(), describe(hello));
        }

        @Test
        @DisplayName("the multiprocessing.* properties of this JVM are passed on")
        void passesProperties() {
            assertTrue(hello.stdoutLines().contains("PASSED[passed on]"), describe(hello));
        }

        @Test
        @DisplayName("other properties of this JVM are not")
        void keepsOthers() {
            assertTrue(hello.stdoutLines().contains("NOT_PASSED[null]"), describe(hello));
        }

        @Test
        @DisplayName("the trace is a fresh file of its own, never the trace this JVM names")
        void freshTrace() {
            assertAll(() -> assertTrue(Files.isRegularFile(hello.trace()), "no trace " + hello.trace()),
                    () -> assertFalse(Files.exists(thisJvmsTrace), "this JVM's trace was written: " + thisJvmsTrace));
        }

        @Test
        @DisplayName("knows its main class")
        void mainClass() {
            assertEquals(TracedMains.Hello.class.getName(), hello.mainClass());
        }
    }

    @Nested
    @DisplayName("a main that throws")
    class Throws {

        @Test
        @DisplayName("exits with 1")
        void exitCode() {
            assertEquals(1, throwing.exitCode(), describe(throwing));
        }

        @Test
        @DisplayName("keeps what it printed before, and the exception on stderr")
        void output() {
            assertAll(() -> assertEquals(List.of("BEFORE"), throwing.stdoutLines()),
                    () -> assertTrue(throwing.stderr().contains("IllegalStateException: planned failure"),
                            describe(throwing)));
        }

        @Test
        @DisplayName("without a pool or a Process, there is no trace, and the timeline is empty")
        void noTrace() {
            assertAll(() -> assertFalse(Files.exists(throwing.trace()), "trace " + throwing.trace()),
                    () -> assertTrue(throwing.timeline().lanes().isEmpty(), "lanes " + throwing.timeline().lanes()),
                    () -> assertEquals(0, throwing.timeline().mainPid()));
        }
    }

    @Nested
    @DisplayName("a main that never returns")
    class NeverReturns {

        @Test
        @DisplayName("is stopped at the time limit: timed out, no exit code")
        void timedOut() {
            assertAll(() -> assertTrue(forever.timedOut(), describe(forever)),
                    () -> assertNull(forever.exitCode(), "exit code"));
        }

        @Test
        @DisplayName("ran for the time limit, not much more")
        void elapsed() {
            assertAll(() -> assertTrue(forever.elapsed().compareTo(FOREVER_LIMIT) >= 0, "elapsed " + forever.elapsed()),
                    () -> assertTrue(forever.elapsed().compareTo(FOREVER_LIMIT.plusSeconds(20)) < 0,
                            "elapsed " + forever.elapsed()));
        }

        @Test
        @DisplayName("its JVM is gone")
        void jvmGone() {
            assertTrue(Poll.until(() -> !Pids.isAlive(forever.pid()), GONE_WITHIN), "pid " + forever.pid() + " runs");
        }

        @Test
        @DisplayName("the workers of the pool it left open are gone too")
        void workersGone() {
            List<Long> workers = workers(forever);
            assertAll(() -> assertEquals(2, workers.size(), "no WORKERS line before the limit: " + describe(forever)),
                    () -> assertTrue(Poll.until(() -> Pids.alive(workers).isEmpty(), GONE_WITHIN),
                            "still running: " + Pids.alive(workers)));
        }

        @Test
        @DisplayName("its trace has no program_exit: it was stopped from outside")
        void noProgramExit() {
            assertAll(() -> assertEquals(forever.pid(), forever.timeline().mainPid(), describe(forever)),
                    () -> assertTrue(forever.timeline().programExit().isEmpty(), "program_exit of a killed program"));
        }
    }

    @Nested
    @DisplayName("output")
    class Output {

        @Test
        @DisplayName("beyond 1 MiB is cut, and the cut says how many bytes were left out")
        void cut() {
            String note = "\n[... " + (TracedMains.LOUD_BYTES - TracedRun.MAX_KEPT_BYTES)
                    + " more bytes of output were cut here ...]\n";
            assertAll(() -> assertEquals(0, loud.exitCode(), describe(loud)),
                    () -> assertTrue(loud.stdout().endsWith(note), "end: " + loud.stdout().substring(
                            Math.max(0, loud.stdout().length() - 200))),
                    () -> assertEquals(TracedRun.MAX_KEPT_BYTES + note.length(), loud.stdout().length()));
        }
    }

    @Nested
    @DisplayName("writePage")
    class WritePage {

        @Test
        @DisplayName("creates the folders it needs and writes the timeline's page there")
        void createsFolders(@TempDir Path temp) throws IOException {
            Path page = temp.resolve("not").resolve("there yet").resolve("timeline.html");
            Path written = hello.writePage(page, "Hello run");
            assertAll(() -> assertEquals(page, written),
                    () -> assertTrue(Files.readString(page).contains("Hello run"), "title missing"));
        }

        @Test
        @DisplayName("says which page it could not write")
        void unwritable(@TempDir Path temp) throws IOException {
            Path file = Files.writeString(temp.resolve("a file"), "not a folder");
            Path page = file.resolve("timeline.html");
            UncheckedIOException error = assertThrows(UncheckedIOException.class, () -> hello.writePage(page, "x"));
            assertTrue(error.getMessage().contains("cannot write the timeline page " + page), error.getMessage());
        }
    }
}
