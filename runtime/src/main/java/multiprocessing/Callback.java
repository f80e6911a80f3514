package multiprocessing;

/**
 * Receives a task's result in the parent process: Python's {@code callback} argument of
 * {@code apply_async} and {@code map_async}.
 *
 * <p>Callbacks of one pool run one at a time on a single thread of the process that created the pool,
 * and an {@link AsyncResult} is ready only after its callback has returned. A callback never travels
 * to another process, so it need not be serializable.
 *
 * @param <R> the result type
 */
@FunctionalInterface
public interface Callback<R> {
    /** Handles one result. */
    void accept(R result) throws Exception;
}
