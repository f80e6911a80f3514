package grader.batch;

import java.nio.file.Path;

/** Grades one student repository into a report directory; the batch's unit of work. */
@FunctionalInterface
public interface SingleGrading {

    /**
     * How one grading ended.
     *
     * @param status  graded, error or timeout
     * @param message what went wrong, for an error or a timeout; empty otherwise
     */
    record Outcome(BatchRecord.Status status, String message) {
    }

    /**
     * Grades {@code repository} and writes its reports, {@code grade.json} among them, into
     * {@code reportDir}. Never throws for a problem of the repository: that is an {@link Outcome}.
     */
    Outcome grade(StudentRepository repository, Path reportDir) throws InterruptedException;
}
