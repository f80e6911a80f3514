package grader.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.batch.BatchRecord;
import grader.report.GradeJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Covers {@link GradeDirectory}: one grade file per student, batch records beside them. */
@DisplayName("grades directory")
class GradeDirectoryTest {
    @TempDir
    Path grades;

    private List<String> logins() throws IOException {
        return GradeDirectory.read(grades).stream().map(StudentRecord::login).toList();
    }

    private StudentRecord only() throws IOException {
        return OnlyOne.of(GradeDirectory.read(grades), "students");
    }

    @Nested
    @DisplayName("grade files")
    class GradeFiles {
        @Test
        @DisplayName("a student's login is the file name without .json")
        void loginFromFileName() throws IOException {
            GradeFixtures.writeGrade(grades, "alice", GradeFixtures.perfect());
            assertEquals(List.of("alice"), logins());
        }

        @Test
        @DisplayName("reads the grade back")
        void report() throws IOException {
            GradeFixtures.writeGrade(grades, "alice", GradeFixtures.perfect());
            assertEquals(GradeFixtures.perfect(), only().report());
        }

        @Test
        @DisplayName("orders students by login, ignoring case")
        void order() throws IOException {
            for (String login : List.of("carol", "Bob", "alice")) {
                GradeFixtures.writeGrade(grades, login, GradeFixtures.perfect());
            }
            assertEquals(List.of("alice", "Bob", "carol"), logins());
        }

        @Test
        @DisplayName("ignores other files, hidden files and folders")
        void ignoresOthers() throws IOException {
            GradeFixtures.writeGrade(grades, "alice", GradeFixtures.perfect());
            Files.writeString(grades.resolve("notes.txt"), "x");
            Files.writeString(grades.resolve(".hidden.json"), "{}");
            Files.createDirectories(grades.resolve("folder.json"));
            assertEquals(List.of("alice"), logins());
        }

        @Test
        @DisplayName("an invalid grade file keeps its student, with what is wrong and where")
        void invalid() throws IOException {
            Files.writeString(grades.resolve("bob.json"), "{\"score\": 1");
            StudentRecord bob = only();
            assertEquals(List.of("bob", "grade.json: bad JSON at line 1, column 12: unexpected end of text"),
                    List.of(bob.login(), bob.gradeFileError()));
        }

        @Test
        @DisplayName("a grade file with a field of the wrong kind keeps its student, with the field's path")
        void wrongKind() throws IOException {
            Files.writeString(grades.resolve("bob.json"),
                    GradeJson.toJson(GradeFixtures.perfect()).replaceFirst("\"max_score\": 5", "\"max_score\": \"5\""));
            assertEquals("grade.json: steps[0].tests[0].max_score is not a whole number", only().gradeFileError());
        }

        @Test
        @DisplayName("an invalid grade file does not stop the others from being read")
        void invalidAmongValid() throws IOException {
            Files.writeString(grades.resolve("bob.json"), "not json");
            GradeFixtures.writeGrade(grades, "alice", GradeFixtures.perfect());
            assertNotNull(GradeDirectory.read(grades).get(0).report());
        }

        @Test
        @DisplayName("a directory that does not exist is a usage error")
        void missingDirectory() {
            assertThrows(IllegalArgumentException.class, () -> GradeDirectory.read(grades.resolve("nope")));
        }
    }

    @Nested
    @DisplayName("batch records")
    class BatchRecords {
        private void writeBatchRecord(String login, BatchRecord.Status status, boolean submitted, String message)
                throws IOException {
            GradeFixtures.batchRecord(login, status, submitted, message).write(grades);
        }

        @Test
        @DisplayName("are attached to the student with the same file name")
        void attached() throws IOException {
            GradeFixtures.writeGrade(grades, "alice", GradeFixtures.perfect());
            writeBatchRecord("alice", BatchRecord.Status.GRADED, true, "");
            assertEquals(GradeFixtures.batchRecord("alice", BatchRecord.Status.GRADED, true, ""), only().batchRecord());
        }

        @Test
        @DisplayName("match grade files ignoring case")
        void ignoreCase() throws IOException {
            GradeFixtures.writeGrade(grades, "Alice", GradeFixtures.perfect());
            writeBatchRecord("alice", BatchRecord.Status.GRADED, true, "");
            StudentRecord alice = only();
            assertEquals(List.of("Alice", BatchRecord.Status.GRADED), List.of(alice.login(), alice.batchRecord().status()));
        }

        @Test
        @DisplayName("list a student whose grading left no grade file")
        void withoutGradeFile() throws IOException {
            writeBatchRecord("bob", BatchRecord.Status.ERROR, true, "clone failed");
            StudentRecord bob = only();
            assertEquals(List.of("bob", "clone failed"), List.of(bob.login(), bob.batchRecord().message()));
        }

        @Test
        @DisplayName("a damaged record keeps its student, with the reason")
        void damaged() throws IOException {
            GradeFixtures.writeGrade(grades, "alice", GradeFixtures.perfect());
            Files.createDirectories(grades.resolve(".batch"));
            Files.writeString(grades.resolve(".batch/alice.json"), "{\"login\": \"alice\"}");
            StudentRecord alice = only();
            assertEquals(List.of(true, ".batch/alice.json is damaged or incomplete"),
                    List.of(alice.report() != null, alice.batchRecordError()));
        }

        @Test
        @DisplayName("the folder may be missing")
        void noFolder() throws IOException {
            GradeFixtures.writeGrade(grades, "alice", GradeFixtures.perfect());
            assertTrue(GradeDirectory.read(grades).stream().allMatch(student -> student.batchRecord() == null));
        }
    }
}
