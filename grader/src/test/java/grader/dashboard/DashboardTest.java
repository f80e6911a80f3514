package grader.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** Covers {@link Dashboard#run}: the page it writes and what it prints (its command line: grader.cli). */
@DisplayName("dashboard")
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

    private void run(Path classroom) throws IOException {
        Dashboard.run(grades, classroom, page, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
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
        @DisplayName("writes the page, creating its folder")
        void writes() throws IOException {
            run(null);
            assertEquals(List.of("alice", "bob"), loginsOnPage());
        }

        @Test
        @DisplayName("prints one summary line: students, file, size and time")
        void summary() throws IOException {
            run(null);
            String printed = out.toString(StandardCharsets.UTF_8);
            assertTrue(printed.matches("Dashboard of 2 students written to .*dashboard\\.html \\(\\d+ KiB\\) in \\d+\\.\\d s\\.\\R"),
                    printed);
        }

        @Test
        @DisplayName("the page alone can be written, dated as asked")
        void write() throws IOException {
            Path written = Dashboard.write(grades, null, page, Instant.parse("2025-03-02T08:00:00Z"));
            assertEquals("2025-03-02T08:00:00Z", PageParts.data(Files.readString(written)).get("generated"));
        }

        @Test
        @DisplayName("adds the students of the Classroom export")
        void classroom() throws IOException {
            Path csv = Files.writeString(temp.resolve("grades.csv"),
                    "github_username,student_repository_url,submission_timestamp\r\ncarol,,\r\nAlice,https://x/a,t\r\n");
            run(csv);
            assertEquals(List.of("alice", "bob", "carol"), loginsOnPage());
        }

        @Nested
        @DisplayName("with an unreadable grade file")
        class UnreadableFile {
            @BeforeEach
            void breakOneFile() throws IOException {
                Files.writeString(grades.resolve("carol.json"), "{");
                run(null);
            }

            @Test
            @DisplayName("still lists the student: a warning, not a failure")
            void listed() throws IOException {
                assertEquals(List.of("alice", "bob", "carol"), loginsOnPage());
            }

            @Test
            @DisplayName("warns about it")
            void warning() {
                assertEquals("dashboard: 1 student's files could not be read; the page flags them with "
                        + "\"grading error or timeout\".\n", err.toString(StandardCharsets.UTF_8).replace("\r\n", "\n"));
            }
        }
    }
}
