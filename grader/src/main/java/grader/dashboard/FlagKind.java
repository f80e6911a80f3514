package grader.dashboard;

/** The reasons a student needs the instructor's attention, in the order the dashboard lists them. */
enum FlagKind {
    /** Nothing to grade: the assignment was not accepted, nothing was pushed, or only the starter code. */
    NO_SUBMISSION("no-submission", "no submission"),
    /** Classroom lists a submission, but no grade file exists for it. */
    NOT_GRADED("not-graded", "not graded"),
    /** The points Classroom recorded are not the regrade's score, so the student's workflow may be edited. */
    POINTS_DIFFER("points-differ", "Classroom points differ"),
    /** The workflow, build files, runtime or public tests differ from the template. */
    PROTECTED_FILES("protected-files", "protected files changed"),
    /** The grade cannot be fully trusted: grading failed, ran out of time, or its file is unreadable. */
    GRADING_ERROR("grading-error", "grading error or timeout");

    private final String id;
    private final String label;

    FlagKind(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** A stable name for the page's filter and scripts, such as {@code points-differ}. */
    String id() {
        return id;
    }

    /** The words shown to the instructor. */
    String label() {
        return label;
    }
}
