package grader.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import grader.batch.BatchRecord;
import grader.report.GradeReport;
import grader.report.ProtectedFiles;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Covers {@link StudentFlags}: which students need the instructor's attention, and why. */
@DisplayName("student flags")
class StudentFlagsTest {
    private static final String REPOSITORY = "https://github.com/my-org/lab-alice";

    private static BatchRecord batch(BatchRecord.Status status, boolean submitted, String message) {
        return GradeFixtures.batchRecord("alice", status, submitted, message);
    }

    private static ClassroomRow row(String repository, String timestamp, Double points) {
        return new ClassroomRow("alice", "Alice", repository, timestamp, points, 100.0);
    }

    private static StudentRecord graded(GradeReport report) {
        return new StudentRecord("alice", report, null, null, null, null);
    }

    private static List<Flag> flags(StudentRecord student) {
        return StudentFlags.of(student);
    }

    private static Flag flag(FlagKind kind, String detail) {
        return new Flag(kind, detail);
    }

    @Nested
    @DisplayName("no flag")
    class None {
        @Test
        @DisplayName("for a graded student with intact files and matching points")
        void clean() {
            StudentRecord alice = new StudentRecord("alice", GradeFixtures.perfect(), null,
                    batch(BatchRecord.Status.GRADED, true, ""), null, row(REPOSITORY, "2025-02-28", 100.0));
            assertEquals(List.of(), flags(alice));
        }

        @Test
        @DisplayName("for protected files that were not checked")
        void notChecked() {
            GradeReport report = GradeFixtures.report().step("square", "PPPP")
                    .protectedFiles(ProtectedFiles.notChecked()).build();
            assertEquals(List.of(), flags(graded(report)));
        }
    }

    @Nested
    @DisplayName("no submission")
    class NoSubmission {
        @Test
        @DisplayName("when the batch found only the starter code")
        void starterCode() {
            StudentRecord alice = new StudentRecord("alice", GradeFixtures.perfect(), null, batch(BatchRecord.Status.GRADED, false, ""),
                    null, null);
            assertEquals(List.of(flag(FlagKind.NO_SUBMISSION, "the repository holds only the starter code")), flags(alice));
        }

        @Test
        @DisplayName("when Classroom has a repository but no submission time")
        void noTimestamp() {
            StudentRecord alice = new StudentRecord("alice", null, null, null, null, row(REPOSITORY, "", null));
            assertEquals(List.of(flag(FlagKind.NO_SUBMISSION, "GitHub Classroom has no submission")), flags(alice));
        }

        @Test
        @DisplayName("when Classroom has no repository: the assignment was not accepted")
        void notAccepted() {
            StudentRecord alice = new StudentRecord("alice", null, null, null, null, row("", "", null));
            assertEquals(List.of(flag(FlagKind.NO_SUBMISSION,
                    "no repository in GitHub Classroom: the assignment was not accepted")), flags(alice));
        }
    }

    @Nested
    @DisplayName("not graded")
    class NotGraded {
        @Test
        @DisplayName("when Classroom lists a submission that has no grade file")
        void missingGrade() {
            StudentRecord alice = new StudentRecord("alice", null, null, null, null, row(REPOSITORY, "2025-02-28", 80.0));
            assertEquals(List.of(flag(FlagKind.NOT_GRADED, "GitHub Classroom lists a submission, but there is no grade file")),
                    flags(alice));
        }
    }

    @Nested
    @DisplayName("Classroom points differ")
    class PointsDiffer {
        @Test
        @DisplayName("shows both scores")
        void both() {
            GradeReport report = GradeFixtures.report().step("square", "PPPF").step("complex_square", "PPPPP").build();
            StudentRecord alice = new StudentRecord("alice", report, null, null, null, row(REPOSITORY, "2025-02-28", 45.0));
            assertEquals(List.of(flag(FlagKind.POINTS_DIFFER, "GitHub Classroom 45 / 100, regrade 40 / 45")), flags(alice));
        }

        @Test
        @DisplayName("shows fractional Classroom points with at most two decimals")
        void fractional() {
            StudentRecord alice = new StudentRecord("alice", GradeFixtures.perfect(), null, null, null,
                    row(REPOSITORY, "2025-02-28", 87.456));
            assertEquals(List.of(flag(FlagKind.POINTS_DIFFER, "GitHub Classroom 87.46 / 100, regrade 100 / 100")),
                    flags(alice));
        }

        @Test
        @DisplayName("not for a rounding difference in Classroom's sum")
        void rounding() {
            StudentRecord alice = new StudentRecord("alice", GradeFixtures.perfect(), null, null, null,
                    row(REPOSITORY, "2025-02-28", 100.00000000000001));
            assertEquals(List.of(), flags(alice));
        }

        @Test
        @DisplayName("not when Classroom recorded no points")
        void noPoints() {
            StudentRecord alice = new StudentRecord("alice", GradeFixtures.perfect(), null, null, null,
                    row(REPOSITORY, "2025-02-28", null));
            assertEquals(List.of(), flags(alice));
        }
    }

    @Nested
    @DisplayName("protected files changed")
    class ProtectedFilesChanged {
        @Test
        @DisplayName("lists every differing file with what happened to it")
        void lists() {
            GradeReport report = GradeFixtures.report().step("square", "PPPP")
                    .protectedFiles(new ProtectedFiles(true, List.of("pom.xml"), List.of("mvnw"),
                            List.of(".github/workflows/x.yml")))
                    .build();
            assertEquals(List.of(flag(FlagKind.PROTECTED_FILES,
                    "pom.xml (modified), mvnw (missing), .github/workflows/x.yml (added)")), flags(graded(report)));
        }
    }

    @Nested
    @DisplayName("grading error or timeout")
    class GradingError {
        @Test
        @DisplayName("for an unreadable grade file, with the parser's message")
        void unreadableGrade() {
            StudentRecord alice = new StudentRecord("alice", null, "bad JSON at character 3", null, null, null);
            assertEquals(List.of(flag(FlagKind.GRADING_ERROR, "grade file unreadable: bad JSON at character 3")),
                    flags(alice));
        }

        @Test
        @DisplayName("for an unreadable batch record")
        void unreadableBatchRecord() {
            StudentRecord alice = new StudentRecord("alice", GradeFixtures.perfect(), null, null, "status is not a string",
                    null);
            assertEquals(List.of(flag(FlagKind.GRADING_ERROR, "batch record unreadable: status is not a string")),
                    flags(alice));
        }

        @Test
        @DisplayName("for a batch error, with its message")
        void batchError() {
            StudentRecord alice = new StudentRecord("alice", null, null, batch(BatchRecord.Status.ERROR, true, "clone failed"), null, null);
            assertEquals(List.of(flag(FlagKind.GRADING_ERROR, "batch grading ended in an error: clone failed")),
                    flags(alice));
        }

        @Test
        @DisplayName("for a batch timeout")
        void batchTimeout() {
            StudentRecord alice = new StudentRecord("alice", null, null, batch(BatchRecord.Status.TIMEOUT, true, null), null, null);
            assertEquals(List.of(flag(FlagKind.GRADING_ERROR, "batch grading ended in a timeout")), flags(alice));
        }

        @Test
        @DisplayName("for a batch that says graded but left no grade file")
        void noGradeFile() {
            StudentRecord alice = new StudentRecord("alice", null, null, batch(BatchRecord.Status.GRADED, true, ""), null, null);
            assertEquals(List.of(flag(FlagKind.GRADING_ERROR, "the batch grader left no grade file")), flags(alice));
        }

        @Test
        @DisplayName("for tests that timed out, naming them")
        void testTimeouts() {
            GradeReport report = GradeFixtures.report().step("square", "PPPT").step("queue", "TPPPP").build();
            assertEquals(List.of(flag(FlagKind.GRADING_ERROR,
                    "timed out: square \u201csquare test 4\u201d, queue \u201cqueue test 1\u201d")), flags(graded(report)));
        }

        @Test
        @DisplayName("joins several reasons into one flag")
        void several() {
            GradeReport report = GradeFixtures.report().step("square", "PPPT").build();
            StudentRecord alice = new StudentRecord("alice", report, null, batch(BatchRecord.Status.ERROR, true, "late"), null, null);
            assertEquals(List.of(flag(FlagKind.GRADING_ERROR,
                    "batch grading ended in an error: late; timed out: square \u201csquare test 4\u201d")), flags(alice));
        }
    }

    @Nested
    @DisplayName("several flags")
    class Several {
        @Test
        @DisplayName("come in a fixed order, each kind once")
        void order() {
            GradeReport report = GradeFixtures.report().step("square", "PPPT")
                    .protectedFiles(new ProtectedFiles(true, List.of("pom.xml"), List.of(), List.of())).build();
            StudentRecord alice = new StudentRecord("alice", report, null, null, null, row(REPOSITORY, "2025-02-28", 20.0));
            assertEquals(List.of(FlagKind.POINTS_DIFFER, FlagKind.PROTECTED_FILES, FlagKind.GRADING_ERROR),
                    flags(alice).stream().map(Flag::kind).toList());
        }
    }
}
