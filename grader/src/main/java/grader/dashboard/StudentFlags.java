package grader.dashboard;

import grader.batch.BatchRecord;
import grader.report.GradeReport;
import grader.report.ProtectedFiles;
import grader.report.StepResult;
import grader.report.TestResult;
import grader.report.TestStatus;
import java.util.ArrayList;
import java.util.List;

/** Decides which flags a student gets; each kind at most once, its reasons joined. */
final class StudentFlags {
    /** Points closer than this are equal: Classroom can record sums such as 3.0000000000000004. */
    private static final double POINTS_TOLERANCE = 0.005;

    private StudentFlags() {
    }

    /** The student's flags, in {@link FlagKind} order. */
    static List<Flag> of(StudentRecord student) {
        List<Flag> flags = new ArrayList<>();
        add(flags, FlagKind.NO_SUBMISSION, noSubmission(student));
        add(flags, FlagKind.NOT_GRADED, notGraded(student));
        add(flags, FlagKind.POINTS_DIFFER, pointsDiffer(student));
        add(flags, FlagKind.PROTECTED_FILES, protectedFiles(student.report()));
        add(flags, FlagKind.GRADING_ERROR, gradingErrors(student));
        return List.copyOf(flags);
    }

    private static void add(List<Flag> flags, FlagKind kind, List<String> reasons) {
        if (!reasons.isEmpty()) {
            flags.add(new Flag(kind, String.join("; ", reasons)));
        }
    }

    private static List<String> noSubmission(StudentRecord student) {
        if (student.starterCodeOnly()) {
            return List.of("the repository holds only the starter code");
        }
        ClassroomRow row = student.classroom();
        if (student.hasGradeFile() || student.batchRecord() != null || row == null || row.submitted()) {
            return List.of();
        }
        return List.of(row.accepted() ? "GitHub Classroom has no submission"
                : "no repository in GitHub Classroom: the assignment was not accepted");
    }

    private static List<String> notGraded(StudentRecord student) {
        boolean listedAsSubmitted = student.classroom() != null && student.classroom().submitted();
        if (listedAsSubmitted && !student.hasGradeFile() && student.batchRecord() == null) {
            return List.of("GitHub Classroom lists a submission, but there is no grade file");
        }
        return List.of();
    }

    private static List<String> pointsDiffer(StudentRecord student) {
        GradeReport report = student.report();
        ClassroomRow row = student.classroom();
        if (report == null || row == null || row.pointsAwarded() == null
                || Math.abs(row.pointsAwarded() - report.score()) < POINTS_TOLERANCE) {
            return List.of();
        }
        String available = row.pointsAvailable() == null ? "" : " / " + points(row.pointsAvailable());
        return List.of("GitHub Classroom " + points(row.pointsAwarded()) + available + ", regrade "
                + report.score() + " / " + report.maxScore());
    }

    private static List<String> protectedFiles(GradeReport report) {
        if (report == null) {
            return List.of();
        }
        ProtectedFiles files = report.protectedFiles();
        return files.checked() && !files.intact() ? List.of(String.join(", ", files.describe())) : List.of();
    }

    private static List<String> gradingErrors(StudentRecord student) {
        List<String> reasons = new ArrayList<>();
        if (student.gradeFileError() != null) {
            reasons.add("grade file unreadable: " + student.gradeFileError());
        }
        if (student.batchRecordError() != null) {
            reasons.add("batch record unreadable: " + student.batchRecordError());
        }
        BatchRecord batch = student.batchRecord();
        if (batch != null && batch.status() != BatchRecord.Status.GRADED) {
            boolean silent = batch.message() == null || batch.message().isBlank();
            reasons.add("batch grading ended in " + (batch.status() == BatchRecord.Status.TIMEOUT ? "a timeout" : "an error")
                    + (silent ? "" : ": " + batch.message()));
        } else if (batch != null && batch.submitted() && !student.hasGradeFile()) {
            reasons.add("the batch grader left no grade file");
        }
        if (student.report() != null) {
            List<String> timedOut = timedOutTests(student.report());
            if (!timedOut.isEmpty()) {
                reasons.add("timed out: " + String.join(", ", timedOut));
            }
        }
        return reasons;
    }

    private static List<String> timedOutTests(GradeReport report) {
        List<String> tests = new ArrayList<>();
        for (StepResult step : report.steps()) {
            for (TestResult test : step.tests()) {
                if (test.status() == TestStatus.TIMEOUT) {
                    tests.add(step.id() + " \u201c" + test.name() + "\u201d");
                }
            }
        }
        return tests;
    }

    /** Points as Classroom shows them: whole numbers without decimals, others with two at most. */
    static String points(double value) {
        double rounded = Math.round(value * 100) / 100.0;
        return rounded == Math.rint(rounded) ? Long.toString((long) rounded) : Double.toString(rounded);
    }
}
