package multiprocessing;

/**
 * The worker running a task exited before it returned a result: {@code System.exit}, a crash, an
 * {@link OutOfMemoryError} or a kill. Python's pool hangs forever here; this runtime fails the task
 * at once, starts a replacement worker and keeps the pool working.
 */
public class WorkerDiedException extends TaskFailedException {
    private static final long serialVersionUID = 1L;

    /** A worker death described by {@code message}. */
    public WorkerDiedException(String message) {
        super(message, null);
    }
}
