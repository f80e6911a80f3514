package grader.dashboard;

/**
 * One student's row of GitHub Classroom's grades export. A column the file lacks reads as
 * {@code null}; an empty cell as the empty string.
 *
 * @param githubUsername      the student's GitHub login; empty when the roster entry never accepted
 * @param rosterIdentifier    the instructor's name for the student in the Classroom roster
 * @param repository          the student's assignment repository (its URL, or its name where the export
 *                            has no URL column); empty when the assignment was not accepted
 * @param submissionTimestamp when Classroom last saw a submission; empty when none
 * @param pointsAwarded       the points Classroom recorded, or {@code null} when empty or not a number
 * @param pointsAvailable     the points the assignment is worth, or {@code null}
 */
record ClassroomRow(String githubUsername, String rosterIdentifier, String repository, String submissionTimestamp,
                    Double pointsAwarded, Double pointsAvailable) {

    /**
     * Whether Classroom saw a submission: a repository and a submission time. A column the export
     * lacks cannot say no, so it counts as present.
     */
    boolean submitted() {
        return accepted() && (submissionTimestamp == null || !submissionTimestamp.isBlank());
    }

    /** Whether the student has a repository, that is whether the assignment was accepted. */
    boolean accepted() {
        return repository == null || !repository.isBlank();
    }
}
