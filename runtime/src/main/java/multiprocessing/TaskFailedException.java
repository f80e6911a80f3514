package multiprocessing;

/**
 * A task raised an exception in its worker: thrown by {@link AsyncResult#get()} and {@link Pool#map}.
 *
 * <p>Like {@link java.util.concurrent.ExecutionException}, the task's own exception is the
 * {@linkplain #getCause() cause}, with its type, message and the stack frames it had in the worker.
 * When the original cannot be rebuilt in this process, the cause is a {@link RemoteTraceback} that
 * carries the same facts.
 */
public class TaskFailedException extends MultiprocessingException {
    private static final long serialVersionUID = 1L;

    /** A failure described by {@code message}, caused by the task's own exception. */
    public TaskFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
