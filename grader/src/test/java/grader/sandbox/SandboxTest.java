package grader.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox on its own, with programs no lab submission can pass the rules with: processes that
 * leave the process tree, and programs that outlive their time limit. The corpus cannot cover these,
 * because code that starts programs never runs there (an integrity rule zeroes the step first).
 */
@DisplayName("The sandbox")
class SandboxTest {
    @TempDir
    static Path temp;
    private static Sandbox sandbox;
    private static Path classes;
    private static RunResult forever;
    private static long foreverSeconds;

    /** The run of a program that never ends, under a 3 s limit: run once, shared by the tests that look at it. */
    private static synchronized RunResult forever() {
        if (forever == null) {
            long start = System.nanoTime();
            forever = sandbox.run(new RunRequest("forever", classes, "main", List.of("lab.Forever"), Duration.ofSeconds(3)));
            foreverSeconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
        }
        return forever;
    }

    @BeforeAll
    static void compilePrograms() throws IOException {
        Path sources = Files.createDirectories(temp.resolve("src/lab"));
        Files.writeString(sources.resolve("Detach.java"), """
                package lab;

                public class Detach {
                    public static void main(String[] args) throws Exception {
                        // a new session, and a double fork: both leave the sandbox JVM's process tree
                        Runtime.getRuntime().exec(new String[] {"setsid", "sleep", "300"});
                        Runtime.getRuntime().exec(new String[] {"sh", "-c", "(sleep 300 &) &"});
                        Thread.sleep(1500);
                        System.out.println("detached");
                    }
                }
                """);
        Files.writeString(sources.resolve("Forever.java"), """
                package lab;

                public class Forever {
                    public static void main(String[] args) throws Exception {
                        System.out.println("started");
                        Thread.sleep(600_000);
                    }
                }
                """);
        classes = Files.createDirectories(temp.resolve("classes"));
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                sources.resolve("Detach.java").toString(), sources.resolve("Forever.java").toString());
        assertEquals(0, status, "the test programs compile");
        TrustedClasspath trusted = TrustedClasspath.extract(temp.resolve("trusted"));
        sandbox = new Sandbox(SandboxLimits.standard(), trusted, Files.createDirectories(temp.resolve("runs")));
    }

    @Nested
    @DisplayName("leaves nothing behind")
    class Leftovers {
        @Test
        @DisplayName("processes that left the process tree are found by their marker and killed")
        void detachedProcessesAreKilled() {
            assumeTrue(Files.isDirectory(Path.of("/proc")), "the marker scan reads /proc (Linux)");
            RunResult run = sandbox.run(new RunRequest("detach", classes, "main", List.of("lab.Detach"),
                    Duration.ofSeconds(30)));
            assertEquals(List.of("detached"), run.stdoutLines(), run.stderr());
            assertTrue(run.leftovers() >= 2, "both detached sleeps were found and killed, got " + run.leftovers());
            assertEquals(List.of(), markedSleeps(), "no marked sleep 300 is alive afterwards");
        }
    }

    @Nested
    @DisplayName("enforces its time limit")
    class TimeLimit {
        @Test
        @DisplayName("a program past its limit is stopped and reported as timed out")
        void stopsAProgramPastItsLimit() {
            RunResult run = forever();
            assertTrue(run.timedOut(), "the run is reported as timed out");
            assertTrue(foreverSeconds < 15, "the run was stopped soon after its limit, took " + foreverSeconds + " s");
            assertTrue(ProcessHandle.of(run.mainPid()).map(p -> !p.isAlive()).orElse(true), "its JVM is gone");
        }

        @Test
        @DisplayName("the run's start and end span its time limit, within its wall time")
        void startAndEnd() {
            RunResult run = forever();
            long span = run.endUs() - run.startUs();
            assertTrue(span >= 3_000_000 && span <= run.millis() * 1_000 + 1_000,
                    "from start to end " + span + " µs, wall time " + run.millis() + " ms");
        }

        @Test
        @DisplayName("its picture: a main lane up to the moment it was stopped, and why, though it wrote no trace")
        void picture() {
            RunResult run = forever();
            assertEquals("No pool and no Process ran: all the work happened in the main process. The grader stopped"
                    + " the run at its 3 s time limit; the main program was still running then.", run.picture().verdict());
        }
    }

    /** Pids of live {@code sleep 300} processes that carry a sandbox marker. */
    private static List<Long> markedSleeps() {
        try (var entries = Files.list(Path.of("/proc"))) {
            return entries.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> read(p.resolve("cmdline")).equals("sleep\0" + "300\0"))
                    .filter(p -> read(p.resolve("environ")).contains(ProcessReaper.MARKER_VARIABLE + "="))
                    .map(p -> Long.parseLong(p.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException | RuntimeException gone) {
            return "";
        }
    }
}
