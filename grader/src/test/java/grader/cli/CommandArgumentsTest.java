package grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each command's arguments: what it refuses as a usage error (exit 2) before it starts its work, and
 * that it runs (exit 0) where that is quick. Grading itself is covered end to end elsewhere.
 */
@DisplayName("each command's arguments")
class CommandArgumentsTest {
    @TempDir
    Path temp;

    @Nested
    @DisplayName("grade")
    class Grade {
        @Test
        @DisplayName("without a submission: exit 2")
        void missing() {
            assertEquals(Main.USAGE_ERROR, CliRun.of("grade").exitCode());
        }

        @Test
        @DisplayName("without a submission: says so")
        void missingMessage() {
            assertEquals("grader: missing required parameter: '<submission>'", CliRun.of("grade").problem());
        }

        @Test
        @DisplayName("a submission that is not a directory: exit 2")
        void notADirectory() {
            assertEquals(Main.USAGE_ERROR, CliRun.of("grade", temp.resolve("nope").toString()).exitCode());
        }

        @Test
        @DisplayName("a submission that is not a directory: says so")
        void notADirectoryMessage() {
            Path missing = temp.resolve("nope");
            assertEquals("grader: the submission " + missing + " is not a directory",
                    CliRun.of("grade", missing.toString()).problem());
        }

        @Test
        @DisplayName("a directory without lab sources: exit 2, before grading starts")
        void noSources() {
            CliRun run = CliRun.of("grade", temp.toString());
            assertEquals(new CliRun(Main.USAGE_ERROR, "", run.err()), run);
        }

        @Test
        @DisplayName("a directory without lab sources: says where they belong")
        void noSourcesMessage() {
            assertEquals("grader: the submission " + temp + " has no src/main/java/lab or exercises/src/main/java/lab"
                    + " directory: give the exercises module or the repository root",
                    CliRun.of("grade", temp.toString()).problem());
        }

        @Test
        @DisplayName("two submissions: exit 2")
        void two() {
            assertEquals(Main.USAGE_ERROR, CliRun.of("grade", temp.toString(), temp.toString()).exitCode());
        }
    }

    @Nested
    @DisplayName("export")
    class Export {
        @Test
        @DisplayName("writes the template: exit 0")
        void writes() {
            CliRun run = CliRun.of("export", temp.resolve("template").toString());
            assertEquals(Main.OK, run.exitCode(), run.err());
        }

        @Test
        @DisplayName("writes the template where it is told")
        void where() {
            CliRun.of("export", temp.resolve("template").toString());
            assertTrue(Files.isRegularFile(temp.resolve("template/exercises/src/main/java/lab/Square.java")));
        }

        @Test
        @DisplayName("without a directory: exit 2")
        void missing() {
            assertEquals(Main.USAGE_ERROR, CliRun.of("export").exitCode());
        }

        @Test
        @DisplayName("a file in the directory's place: exit 2")
        void file() throws IOException {
            Path file = Files.writeString(temp.resolve("template"), "");
            assertEquals(Main.USAGE_ERROR, CliRun.of("export", file.toString()).exitCode());
        }

        @Test
        @DisplayName("a file in the directory's place: says so")
        void fileMessage() throws IOException {
            Path file = Files.writeString(temp.resolve("template"), "");
            assertEquals("grader: " + file + " exists and is not a directory", CliRun.of("export", file.toString()).problem());
        }
    }

    @Nested
    @DisplayName("batch")
    class Batch {
        private Path students;
        private Path grades;

        @BeforeEach
        void folders() throws IOException {
            students = Files.createDirectories(temp.resolve("students"));
            grades = temp.resolve("grades");
        }

        @Test
        @DisplayName("a class of no one: exit 0")
        void empty() {
            CliRun run = CliRun.of("batch", students.toString(), "--out", grades.toString(), "--jobs", "2");
            assertEquals(Main.OK, run.exitCode(), run.err());
        }

        @Test
        @DisplayName("--jobs is taken as told")
        void jobs() {
            String out = CliRun.of("batch", students.toString(), "--out", grades.toString(), "--jobs", "3").out();
            assertTrue(out.contains(", 3 at a time."), out);
        }

        @Test
        @DisplayName("without --out: exit 2, naming it")
        void withoutOut() {
            assertEquals(new CliRun(Main.USAGE_ERROR, "", "grader: missing required option: '--out=<grades-dir>'\n"
                    + "Run java -jar grader.jar batch --help for its arguments and options.\n"),
                    CliRun.of("batch", students.toString()));
        }

        @Test
        @DisplayName("a batch directory that does not exist: exit 2")
        void missingDirectory() {
            assertEquals(Main.USAGE_ERROR, CliRun.of("batch", temp.resolve("nope").toString(), "--out", grades.toString())
                    .exitCode());
        }

        @Test
        @DisplayName("a batch directory that does not exist: says so")
        void missingDirectoryMessage() {
            Path missing = temp.resolve("nope");
            assertEquals("grader: the batch directory " + missing + " is not a directory",
                    CliRun.of("batch", missing.toString(), "--out", grades.toString()).problem());
        }

        @ParameterizedTest(name = "--jobs {0}")
        @ValueSource(strings = {"0", "-1", "two", "1.5", "", "99999999999"})
        @DisplayName("--jobs that is not a whole number of at least 1: exit 2")
        void badJobs(String jobs) {
            assertEquals(Main.USAGE_ERROR, CliRun.of("batch", students.toString(), "--out", grades.toString(), "--jobs", jobs)
                    .exitCode());
        }

        @ParameterizedTest(name = "--jobs {0}")
        @ValueSource(strings = {"0", "-1", "two", "1.5", "", "99999999999"})
        @DisplayName("--jobs that is not a whole number of at least 1: says what it needs")
        void badJobsMessage(String jobs) {
            assertEquals("grader: --jobs needs a whole number of at least 1, not '" + jobs + "'",
                    CliRun.of("batch", students.toString(), "--out", grades.toString(), "--jobs", jobs).problem());
        }

        @Test
        @DisplayName("a bad --jobs is refused before anything is written")
        void badJobsWritesNothing() {
            CliRun.of("batch", students.toString(), "--out", grades.toString(), "--jobs", "0");
            assertTrue(Files.notExists(grades));
        }
    }

    @Nested
    @DisplayName("dashboard")
    class Dashboard {
        private Path grades;
        private Path page;

        @BeforeEach
        void folders() throws IOException {
            grades = Files.createDirectories(temp.resolve("grades"));
            page = temp.resolve("site/dashboard.html");
        }

        @Test
        @DisplayName("writes the page: exit 0")
        void writes() {
            CliRun run = CliRun.of("dashboard", grades.toString(), "--out", page.toString());
            assertEquals(Main.OK, run.exitCode(), run.err());
        }

        @Test
        @DisplayName("writes the page where --out says")
        void where() {
            CliRun.of("dashboard", grades.toString(), "--out", page.toString());
            assertTrue(Files.isRegularFile(page));
        }

        @Test
        @DisplayName("an unreadable grade file is flagged on the page, not fatal: exit 0")
        void unreadableGradeFile() throws IOException {
            Files.writeString(grades.resolve("carol.json"), "{");
            assertEquals(Main.OK, CliRun.of("dashboard", grades.toString(), "--out", page.toString()).exitCode());
        }

        @Test
        @DisplayName("without a grades directory: exit 2")
        void missing() {
            assertEquals(Main.USAGE_ERROR, CliRun.of("dashboard", "--out", page.toString()).exitCode());
        }

        @Test
        @DisplayName("a grades directory that does not exist: says so, exit 2")
        void missingDirectory() {
            Path missing = temp.resolve("nope");
            CliRun run = CliRun.of("dashboard", missing.toString(), "--out", page.toString());
            assertEquals(new CliRun(Main.USAGE_ERROR, "", "grader: the grades directory " + missing
                    + " does not exist or is not a directory\n"
                    + "Run java -jar grader.jar dashboard --help for its arguments and options.\n"), run);
        }

        @Test
        @DisplayName("a Classroom file that does not exist: says so, exit 2")
        void missingClassroom() {
            Path missing = temp.resolve("grades.csv");
            CliRun run = CliRun.of("dashboard", grades.toString(), "--classroom", missing.toString(), "--out", page.toString());
            assertEquals(new CliRun(Main.USAGE_ERROR, "", "grader: the Classroom grades file " + missing + " does not exist\n"
                    + "Run java -jar grader.jar dashboard --help for its arguments and options.\n"), run);
        }

        @Test
        @DisplayName("--out naming a directory: says so, exit 2")
        void outIsDirectory() {
            CliRun run = CliRun.of("dashboard", grades.toString(), "--out", temp.toString());
            assertEquals(new CliRun(Main.USAGE_ERROR, "", "grader: --out " + temp + " is a directory; give the HTML file"
                    + " to write\nRun java -jar grader.jar dashboard --help for its arguments and options.\n"), run);
        }

        @Test
        @DisplayName("two grades directories: exit 2")
        void twoDirectories() {
            assertEquals(Main.USAGE_ERROR, CliRun.of("dashboard", grades.toString(), temp.toString()).exitCode());
        }
    }
}
