package multiprocessing;

/**
 * The unchecked base of every failure that the runtime itself reports: a worker that cannot start,
 * a queue whose owner is gone, an interrupted wait. Bad arguments are {@link IllegalArgumentException}s
 * and calls in the wrong state {@link IllegalStateException}s, as elsewhere in Java.
 */
public class MultiprocessingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A failure described by {@code message}. */
    public MultiprocessingException(String message) {
        super(message);
    }

    /** A failure described by {@code message}, caused by {@code cause}. */
    public MultiprocessingException(String message, Throwable cause) {
        super(message, cause);
    }
}
