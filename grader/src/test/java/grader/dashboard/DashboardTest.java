package grader.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Covers {@link Dashboard#run}: the command line, its output and its usage errors. */
@DisplayName("dashboard command")
class DashboardTest {
    @TempDir
    Path temp;
    private Path grades;
    private Path page;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void grades() throws IOException {
        grades = temp.resolve("grades");
        page = temp.resolve("site/dashboard.html");
        GradeFixtures.writeGrade(grades, "alice", GradeFixtures.perfect());
        GradeFixtures.writeGrade(grades, "bob", GradeFixtures.report().step("square", "PPPF").build());
    }

    private int run(String... args) throws IOException {
        return Dashboard.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String usageError(String... args) {
        return assertThrows(IllegalArgumentException.class, () -> run(args)).getMessage();
    }

    @SuppressWarnings("unchecked")
    private List<String> loginsOnPage() throws IOException {
        List<Map<String, Object>> students = (List<Map<String, Object>>) PageParts.data(Files.readString(page))
                .get("students");
        return students.stream().map(student -> (String) student.get("login")).toList();
    }

    @Nested
    @DisplayName("a run")
    class ARun {
        @Test
        @DisplayName("exits 0")
        void exitCode() throws IOException {
            assertEquals(0, run(grades.toString(), "--out", page.toString()));
        }

        @Test
        @DisplayName("writes the page, creating its folder")
        void writes() throws IOException {
            run(grades.toString(), "--out", page.toString());
            assertEquals(List.of("alice", "bob"), loginsOnPage());
        }

        @Test
        @DisplayName("prints one summary line: students, file, size and time")
        void summary() throws IOException {
            run(grades.toString(), "--out", page.toString());
            String printed = out.toString(StandardCharsets.UTF_8);
            assertTrue(printed.matches("Dashboard of 2 students written to .*dashboard\\.html \\(\\d+ KiB\\) in \\d+\\.\\d s\\.\\R"),
                    printed);
        }

        @Test
        @DisplayName("the same page can be written without the command line")
        void write() throws IOException {
            Path written = Dashboard.write(grades, null, page, Instant.parse("2025-03-02T08:00:00Z"));
            assertEquals("2025-03-02T08:00:00Z", PageParts.data(Files.readString(written)).get("generated"));
        }

        @Test
        @DisplayName("adds the students of the Classroom export")
        void classroom() throws IOException {
            Path csv = Files.writeString(temp.resolve("grades.csv"),
                    "github_username,student_repository_url,submission_timestamp\r\ncarol,,\r\nAlice,https://x/a,t\r\n");
            run(grades.toString(), "--classroom", csv.toString(), "--out", page.toString());
            assertEquals(List.of("alice", "bob", "carol"), loginsOnPage());
        }

        @Test
        @DisplayName("an unreadable grade file is a warning, not a failure")
        void unreadable() throws IOException {
            Files.writeString(grades.resolve("carol.json"), "{");
            assertEquals(0, run(grades.toString(), "--out", page.toString()));
        }

        @Test
        @DisplayName("warns about unreadable files")
        void warning() throws IOException {
            Files.writeString(grades.resolve("carol.json"), "{");
            run(grades.toString(), "--out", page.toString());
            assertEquals("dashboard: 1 student's files could not be read; the page flags them with "
                    + "\"grading error or timeout\".\n", err.toString(StandardCharsets.UTF_8).replace("\r\n", "\n"));
        }
    }

    @Nested
    @DisplayName("usage errors")
    class UsageErrors {
        @Test
        @DisplayName("no grades directory")
        void noDirectory() {
            assertEquals("dashboard needs the grades directory: " + Dashboard.USAGE, usageError());
        }

        @Test
        @DisplayName("a grades directory that does not exist")
        void missingDirectory() {
            Path missing = temp.resolve("nope");
            assertEquals("the grades directory " + missing + " does not exist or is not a directory",
                    usageError(missing.toString()));
        }

        @Test
        @DisplayName("--out without a file")
        void outWithoutValue() {
            assertEquals("--out needs the HTML file to write", usageError(grades.toString(), "--out"));
        }

        @Test
        @DisplayName("--classroom without a file")
        void classroomWithoutValue() {
            assertEquals("--classroom needs the Classroom grades CSV file",
                    usageError(grades.toString(), "--classroom", "--out", page.toString()));
        }

        @Test
        @DisplayName("a Classroom file that does not exist")
        void missingClassroom() {
            Path missing = temp.resolve("grades.csv");
            assertEquals("the Classroom grades file " + missing + " does not exist",
                    usageError(grades.toString(), "--classroom", missing.toString()));
        }

        @Test
        @DisplayName("a Classroom file without github_username")
        void classroomLayout() throws IOException {
            Path csv = Files.writeString(temp.resolve("grades.csv"), "name,points\r\nbob,1\r\n");
            assertTrue(usageError(grades.toString(), "--classroom", csv.toString(), "--out", page.toString())
                    .contains("has no github_username column"));
        }

        @Test
        @DisplayName("an unknown option")
        void unknownOption() {
            assertEquals("unknown option --verbose", usageError(grades.toString(), "--verbose"));
        }

        @Test
        @DisplayName("two grades directories")
        void twoDirectories() {
            assertTrue(usageError(grades.toString(), temp.toString()).startsWith("dashboard takes one grades directory"));
        }

        @Test
        @DisplayName("--out naming a directory")
        void outIsDirectory() {
            assertTrue(usageError(grades.toString(), "--out", temp.toString()).startsWith("--out " + temp + " is a directory"));
        }
    }
}
