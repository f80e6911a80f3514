package multiprocessing;

/**
 * A timed wait ran out: {@link AsyncResult#get(long, java.util.concurrent.TimeUnit)} (Python's
 * {@code multiprocessing.TimeoutError}) or {@link Queue#get(long, java.util.concurrent.TimeUnit)}
 * (Python's {@code queue.Empty}). The message says what was awaited and for how long.
 */
public class WaitTimeoutException extends MultiprocessingException {
    private static final long serialVersionUID = 1L;

    /** A timeout described by {@code message}. */
    public WaitTimeoutException(String message) {
        super(message);
    }
}
