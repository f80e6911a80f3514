package grader.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.Grader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Command;

/**
 * Covers {@link Main}: the top of the command line, its help, and which failures are usage errors
 * (exit 2) and which mean the grader could not run (exit 1).
 */
@DisplayName("grader command line")
class MainTest {
    @TempDir
    Path temp;

    @Nested
    @DisplayName("--help")
    class Help {
        @Test
        @DisplayName("exits 0")
        void exitCode() {
            assertEquals(Main.OK, CliRun.of("--help").exitCode());
        }

        @Test
        @DisplayName("starts with the grader's name and version, then the usage")
        void header() {
            assertTrue(CliRun.of("--help").out().matches("(?s)multiprocessing-lab grader \\S+\nUsage: java -jar grader\\.jar .*"),
                    CliRun.of("--help").out());
        }

        @Test
        @DisplayName("lists every command with what it does")
        void commands() {
            String help = CliRun.of("--help").out();
            assertAll(help,
                    () -> assertTrue(help.contains("\n  grade      Grade one submission and write the reports.\n")),
                    () -> assertTrue(help.contains("\n  export     Write the student template into a directory.\n")),
                    () -> assertTrue(help.contains("\n  batch      Grade every student repository under a directory.\n")),
                    () -> assertTrue(help.contains("\n  dashboard  Write the class dashboard from a directory of grades.\n")));
        }

        @Test
        @DisplayName("tells the exit codes")
        void exitCodes() {
            assertTrue(CliRun.of("--help").out().contains("""
                    Exit codes:
                       0   the command did its job (grade: grading completed, whatever the score)
                       1   the grader itself could not run
                       2   usage error: the command line does not fit the usage
                    """), CliRun.of("--help").out());
        }

        @Test
        @DisplayName("prints nothing on standard error")
        void quiet() {
            assertEquals("", CliRun.of("--help").err());
        }

        @Test
        @DisplayName("-h prints the same")
        void shortOption() {
            assertEquals(CliRun.of("--help"), CliRun.of("-h"));
        }

        @Test
        @DisplayName("help prints the same")
        void helpCommand() {
            assertEquals(CliRun.of("--help"), CliRun.of("help"));
        }

        @Test
        @DisplayName("--version prints the grader's name and version, exit 0")
        void version() {
            assertEquals(new CliRun(Main.OK, "multiprocessing-lab grader " + Grader.version() + "\n", ""),
                    CliRun.of("--version"));
        }
    }

    @Nested
    @DisplayName("a command line without a known command")
    class NoCommand {
        @Test
        @DisplayName("no arguments at all: exit 2")
        void noArguments() {
            assertEquals(Main.USAGE_ERROR, CliRun.of().exitCode());
        }

        @Test
        @DisplayName("no arguments at all: says that a command is missing and lists them")
        void noArgumentsMessage() {
            assertEquals("grader: missing a command: grade, export, batch, dashboard, help", CliRun.of().problem());
        }

        @Test
        @DisplayName("an unknown command: exit 2")
        void unknownCommand() {
            assertEquals(Main.USAGE_ERROR, CliRun.of("grde", "solutions").exitCode());
        }

        @Test
        @DisplayName("an unknown command is named")
        void unknownCommandMessage() {
            assertEquals("grader: unknown command 'grde'", CliRun.of("grde", "solutions").problem());
        }

        @Test
        @DisplayName("an unknown option before the command: exit 2, named")
        void unknownOption() {
            CliRun run = CliRun.of("--verbose", "grade", "solutions");
            assertEquals(new CliRun(Main.USAGE_ERROR, "", "grader: unknown option: '--verbose'\n"
                    + "Run java -jar grader.jar --help for the commands and options.\n"), run);
        }

        @Test
        @DisplayName("help for an unknown command: exit 2")
        void helpOfUnknownCommand() {
            assertEquals(Main.USAGE_ERROR, CliRun.of("help", "grde").exitCode());
        }

        @Test
        @DisplayName("the hint sends to the grader's help")
        void hint() {
            assertEquals("Run java -jar grader.jar --help for the commands and options.", CliRun.of("grde").hint());
        }

        @Test
        @DisplayName("nothing is printed on standard output")
        void quiet() {
            assertEquals("", CliRun.of("grde").out());
        }
    }

    @Nested
    @DisplayName("a file the command reads is broken: the grader could not run, exit 1, not a usage error")
    class BrokenInput {
        private Path grades;
        private Path page;

        @BeforeEach
        void grades() throws IOException {
            grades = Files.createDirectories(temp.resolve("grades"));
            page = temp.resolve("dashboard.html");
        }

        private Path csv(String text) throws IOException {
            return Files.writeString(temp.resolve("grades.csv"), text);
        }

        private CliRun dashboard(Path classroom) {
            return CliRun.of("dashboard", grades.toString(), "--classroom", classroom.toString(), "--out", page.toString());
        }

        @Test
        @DisplayName("a Classroom export without github_username exits 1")
        void classroomLayout() throws IOException {
            CliRun run = dashboard(csv("name,points\r\nbob,1\r\n"));
            assertEquals(Main.COULD_NOT_RUN, run.exitCode(), run.err());
        }

        @Test
        @DisplayName("a Classroom export with a quote never closed exits 1")
        void classroomQuote() throws IOException {
            CliRun run = dashboard(csv("github_username\r\n\"bob\r\n"));
            assertEquals(Main.COULD_NOT_RUN, run.exitCode(), run.err());
        }

        @Test
        @DisplayName("the message names the file and the problem")
        void message() throws IOException {
            Path csv = csv("name,points\r\nbob,1\r\n");
            String problem = dashboard(csv).problem();
            assertTrue(problem.startsWith("grader: could not run: " + csv + ": the Classroom CSV has no github_username column"),
                    problem);
        }

        @Test
        @DisplayName("and does not send the user to the help")
        void noHelpHint() throws IOException {
            String err = dashboard(csv("name,points\r\nbob,1\r\n")).err();
            assertFalse(err.contains("--help"), err);
        }
    }

    /** A command whose work fails with the exception it is given. */
    @Command(name = "fail")
    private static final class Failing implements Callable<Integer> {
        private final Exception failure;

        Failing(Exception failure) {
            this.failure = failure;
        }

        @Override
        public Integer call() throws Exception {
            throw failure;
        }
    }

    @Nested
    @DisplayName("a command's work fails: the grader could not run, whatever the exception")
    class FailedWork {
        private final ByteArrayOutputStream err = new ByteArrayOutputStream();

        private int run(Exception failure) {
            PrintStream stream = new PrintStream(err, true, StandardCharsets.UTF_8);
            return Main.commandLine(stream, stream).addSubcommand(new Failing(failure)).execute("fail");
        }

        @Test
        @DisplayName("an IllegalArgumentException exits 1, not 2")
        void illegalArgument() {
            assertEquals(Main.COULD_NOT_RUN, run(new IllegalArgumentException("bad JSON at character 1")));
        }

        @Test
        @DisplayName("an IllegalArgumentException is told by its message")
        void illegalArgumentMessage() {
            run(new IllegalArgumentException("grade.json: score is missing"));
            assertEquals("grader: could not run: grade.json: score is missing\n", err.toString(StandardCharsets.UTF_8));
        }

        @Test
        @DisplayName("an IOException exits 1")
        void ioException() {
            assertEquals(Main.COULD_NOT_RUN, run(new NoSuchFileException("grades/alice.json")));
        }

        @Test
        @DisplayName("another exception is told with its type, which is part of the story")
        void otherMessage() {
            run(new NoSuchFileException("grades/alice.json"));
            assertEquals("grader: could not run: java.nio.file.NoSuchFileException: grades/alice.json\n",
                    err.toString(StandardCharsets.UTF_8));
        }

        @Test
        @DisplayName("an interruption exits 1")
        void interrupted() {
            try {
                assertEquals(Main.COULD_NOT_RUN, run(new InterruptedException()));
            } finally {
                Thread.interrupted();
            }
        }

        @Test
        @DisplayName("an interruption leaves the thread interrupted, for whoever called")
        void interruptKept() {
            run(new InterruptedException());
            assertTrue(Thread.interrupted());
        }
    }
}
