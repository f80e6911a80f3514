package grader.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Covers {@link ClassroomCsv}: GitHub Classroom's grades export, found by column name. */
@DisplayName("Classroom grades export")
class ClassroomCsvTest {
    /** The export as Classroom writes it: its columns in its order, CRLF, a quoted roster name. */
    private static final String EXPORT = "assignment_name,assignment_url,starter_code_url,github_username,"
            + "roster_identifier,student_repository_name,student_repository_url,submission_timestamp,points_awarded,"
            + "points_available\r\n"
            + "lab,https://classroom.github.com/classrooms/1/assignments/lab,https://github.com/my-org/lab-template,"
            + "alice,\"Liddell, Alice\",lab-alice,https://github.com/my-org/lab-alice,2025-02-28 23:59:00 UTC,"
            + "87,100\r\n";

    private static ClassroomRow only(String csv) {
        return OnlyOne.of(ClassroomCsv.parse(csv), "rows");
    }

    @Nested
    @DisplayName("Classroom's own layout")
    class OwnLayout {
        @Test
        @DisplayName("reads every field of a row")
        void row() {
            assertEquals(new ClassroomRow("alice", "Liddell, Alice", "https://github.com/my-org/lab-alice",
                    "2025-02-28 23:59:00 UTC", 87.0, 100.0), only(EXPORT));
        }

        @Test
        @DisplayName("reads a file that starts with a byte order mark")
        void byteOrderMark() {
            assertEquals("alice", only("\uFEFF" + EXPORT).githubUsername());
        }

        @Test
        @DisplayName("reads fractional points, as Classroom sums them")
        void fractionalPoints() {
            assertEquals(3.0000000000000004,
                    only("github_username,points_awarded\nbob,3.0000000000000004\n").pointsAwarded());
        }

        @Test
        @DisplayName("reads empty points as none")
        void emptyPoints() {
            assertNull(only("github_username,points_awarded\nbob,\n").pointsAwarded());
        }

        @Test
        @DisplayName("reads a row shorter than the header with empty cells")
        void shortRow() {
            assertEquals("", only("github_username,submission_timestamp\nbob\n").submissionTimestamp());
        }
    }

    @Nested
    @DisplayName("other layouts")
    class OtherLayouts {
        @Test
        @DisplayName("finds columns by name in any order")
        void anyOrder() {
            ClassroomRow row = only("points_awarded,student_repository_url,github_username\n42,https://x/lab-bob,bob\n");
            assertEquals(List.of("bob", "https://x/lab-bob", 42.0),
                    List.of(row.githubUsername(), row.repository(), row.pointsAwarded()));
        }

        @Test
        @DisplayName("matches header names ignoring case and surrounding spaces")
        void headerSpelling() {
            assertEquals("bob", only(" GitHub_Username ,x\nbob,1\n").githubUsername());
        }

        @Test
        @DisplayName("reads a missing column as null")
        void missingColumn() {
            assertNull(only("github_username\nbob\n").submissionTimestamp());
        }

        @Test
        @DisplayName("falls back to the repository name when there is no repository URL column")
        void repositoryName() {
            assertEquals("lab-bob", only("github_username,student_repository_name\nbob,lab-bob\n").repository());
        }
    }

    @Nested
    @DisplayName("CSV text as spreadsheet programs write it")
    class CsvText {
        @Test
        @DisplayName("keeps a comma, a doubled quote and a line break inside a quoted cell")
        void quotedCell() {
            assertEquals("Doe, \"Jane\"\r\nB.", only("github_username,roster_identifier\r\nbob,\"Doe, \"\"Jane\"\"\r\nB.\"\r\n")
                    .rosterIdentifier());
        }

        @Test
        @DisplayName("ends rows at a bare LF or CR as well as CRLF")
        void lineEnds() {
            assertEquals(List.of("a", "b", "c"), ClassroomCsv.parse("github_username\na\rb\r\nc").stream()
                    .map(ClassroomRow::githubUsername).toList());
        }

        @Test
        @DisplayName("skips blank lines")
        void blankLines() {
            assertEquals(List.of("a", "b"), ClassroomCsv.parse("github_username\r\n\r\na\n\nb\r\n\r\n").stream()
                    .map(ClassroomRow::githubUsername).toList());
        }

        @Test
        @DisplayName("keeps a quote inside an unquoted cell, and text after a closing quote, as text")
        void strayQuotes() {
            assertEquals(List.of("5\" disk", "ab"), ClassroomCsv.parse("github_username\n5\" disk\n\"a\"b\n").stream()
                    .map(ClassroomRow::githubUsername).toList());
        }

        @Test
        @DisplayName("rejects a quoted cell that is never closed, saying the file is not CSV")
        void unclosedQuote() {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> ClassroomCsv.parse("github_username\r\n\"bob\r\n"));
            assertTrue(error.getMessage().startsWith("it is not valid CSV: "), error.getMessage());
        }
    }

    @Nested
    @DisplayName("submission")
    class Submission {
        @Test
        @DisplayName("a repository and a submission time mean submitted")
        void submitted() {
            assertTrue(only(EXPORT).submitted());
        }

        @Test
        @DisplayName("an empty submission time means not submitted")
        void noTimestamp() {
            assertFalse(only("github_username,student_repository_url,submission_timestamp\nbob,https://x/lab-bob,\n")
                    .submitted());
        }

        @Test
        @DisplayName("an empty repository means not accepted")
        void noRepository() {
            assertFalse(only("github_username,student_repository_url,submission_timestamp\nbob,,\n").accepted());
        }

        @Test
        @DisplayName("missing columns cannot say no, so they count as submitted")
        void unknown() {
            assertTrue(only("github_username\nbob\n").submitted());
        }
    }

    @Nested
    @DisplayName("unusable files")
    class Unusable {
        @TempDir
        Path temp;

        @Test
        @DisplayName("a file without github_username is rejected, naming the column and the columns found")
        void noUsername() {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> ClassroomCsv.parse("name,points\nbob,1\n"));
            assertEquals("the Classroom CSV has no github_username column, so its rows cannot be matched to students. "
                    + "Expected GitHub Classroom's grades export (" + ClassroomCsv.EXPECTED_COLUMNS + "); found: name, points",
                    error.getMessage());
        }

        @Test
        @DisplayName("an empty file is rejected")
        void empty() {
            assertThrows(IllegalArgumentException.class, () -> ClassroomCsv.parse(""));
        }

        @Test
        @DisplayName("an error in a file names the file")
        void namesFile() throws IOException {
            Path file = Files.writeString(temp.resolve("grades.csv"), "name\nbob\n");
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> ClassroomCsv.read(file));
            assertTrue(error.getMessage().startsWith(file + ": the Classroom CSV has no github_username column"),
                    error.getMessage());
        }
    }
}
