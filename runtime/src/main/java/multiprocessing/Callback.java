package multiprocessing;

import java.io.Serializable;

/**
 * Receives a task's result in the parent process: Python's {@code callback} argument of
 * {@code apply_async} and {@code map_async}.
 *
 * <p>Callbacks of one pool run one at a time on a single thread of the process that created the pool,
 * and an {@link AsyncResult} is ready only after its callback has returned. A callback never travels
 * to another process: it is {@link Serializable} only so that messages and the trace can name the
 * method it refers to ({@code lab.SlowSquare.callback}), and may capture anything.
 *
 * @param <R> the result type
 */
@FunctionalInterface
public interface Callback<R> extends Serializable {
    /** Handles one result. */
    void accept(R result) throws Exception;
}
