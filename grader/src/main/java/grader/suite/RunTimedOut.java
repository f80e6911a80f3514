package grader.suite;

/** A sandboxed run passed its time limit and was stopped. Reported as status {@code timeout}. */
public class RunTimedOut extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A timeout described by {@code message}. */
    public RunTimedOut(String message) {
        super(message, null, false, false);
    }
}
