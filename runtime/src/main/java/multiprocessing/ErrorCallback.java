package multiprocessing;

import java.io.Serializable;

/**
 * Receives the failure of a task in the parent process: Python's {@code error_callback}.
 *
 * <p>Runs on the same thread as the pool's {@link Callback}s, before the {@link AsyncResult} becomes
 * ready. The argument is the {@link TaskFailedException} that {@link AsyncResult#get()} will throw.
 */
@FunctionalInterface
public interface ErrorCallback extends Serializable {
    /** Handles one failure. */
    void accept(TaskFailedException failure) throws Exception;
}
