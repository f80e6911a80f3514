package grader.dashboard;

import grader.batch.BatchRecord;
import grader.report.GradeReport;

/**
 * Everything known about one student: the grade file, the batch grader's record and the Classroom
 * row, any of which may be missing.
 *
 * @param login            the student's login, as shown on the dashboard
 * @param report           the trusted grade, or {@code null} when there is no readable grade file
 * @param gradeFileError   why the grade file could not be read, or {@code null}
 * @param batchRecord      the batch grader's record, or {@code null}
 * @param batchRecordError why the batch grader's record could not be read, or {@code null}
 * @param classroom        the student's row of the Classroom export, or {@code null}
 */
record StudentRecord(String login, GradeReport report, String gradeFileError, BatchRecord batchRecord,
                     String batchRecordError, ClassroomRow classroom) {

    /** The same student with the Classroom row attached. */
    StudentRecord withClassroom(ClassroomRow row) {
        return new StudentRecord(login, report, gradeFileError, batchRecord, batchRecordError, row);
    }

    /** Whether a grade file exists for the student, readable or not. */
    boolean hasGradeFile() {
        return report != null || gradeFileError != null;
    }

    /** Whether the batch grader found only the starter code, so the student has not submitted anything. */
    boolean starterCodeOnly() {
        return batchRecord != null && !batchRecord.submitted();
    }
}
