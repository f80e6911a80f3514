package grader.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Covers {@link Roster}: the grades joined with GitHub Classroom's export. */
@DisplayName("roster")
class RosterTest {
    private static StudentRecord graded(String login) {
        return new StudentRecord(login, GradeFixtures.perfect(), null, null, null, null);
    }

    private static ClassroomRow row(String username, String rosterIdentifier) {
        return new ClassroomRow(username, rosterIdentifier, "https://github.com/my-org/lab-" + username,
                "2025-02-28T23:59:00Z", 100.0, 100.0);
    }

    @Nested
    @DisplayName("matching")
    class Matching {
        @Test
        @DisplayName("attaches a row to the graded student with that username")
        void attaches() {
            List<StudentRecord> students = Roster.merge(List.of(graded("alice")), List.of(row("alice", "A. Liddell")));
            assertEquals("A. Liddell", students.get(0).classroom().rosterIdentifier());
        }

        @Test
        @DisplayName("ignores case, keeping the grade file's spelling")
        void ignoresCase() {
            StudentRecord alice = Roster.merge(List.of(graded("Alice")), List.of(row("aLICE", "x"))).get(0);
            assertEquals(List.of("Alice", "x"), List.of(alice.login(), alice.classroom().rosterIdentifier()));
        }

        @Test
        @DisplayName("keeps a graded student the export lacks, without a row")
        void notInExport() {
            assertNull(Roster.merge(List.of(graded("alice")), List.of(row("bob", "b"))).get(0).classroom());
        }

        @Test
        @DisplayName("a username listed twice keeps its last row")
        void twice() {
            StudentRecord alice = Roster.merge(List.of(graded("alice")), List.of(row("alice", "first"), row("alice", "last")))
                    .get(0);
            assertEquals("last", alice.classroom().rosterIdentifier());
        }
    }

    @Nested
    @DisplayName("students without a grade file")
    class WithoutGrade {
        @Test
        @DisplayName("are listed, in login order")
        void listed() {
            List<StudentRecord> students = Roster.merge(List.of(graded("carol")), List.of(row("bob", "b"), row("dave", "d")));
            assertEquals(List.of("bob", "carol", "dave"), students.stream().map(StudentRecord::login).toList());
        }

        @Test
        @DisplayName("a roster entry that never accepted is listed by its roster identifier")
        void rosterOnly() {
            List<StudentRecord> students = Roster.merge(List.of(), List.of(row("", "Jane Doe")));
            assertEquals("Jane Doe", students.get(0).login());
        }

        @Test
        @DisplayName("a row with neither username nor roster identifier is left out")
        void nameless() {
            assertEquals(List.of(), Roster.merge(List.of(), List.of(row("", ""))));
        }
    }
}
