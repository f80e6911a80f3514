package multiprocessing;

import java.io.Serializable;

/**
 * Code without arguments that runs in another process: a {@link Process} target with no arguments,
 * or a pool's per-worker initializer (Python's {@code initializer}).
 */
@FunctionalInterface
public interface Action extends Serializable {
    /** Runs in the other process. */
    void run() throws Exception;
}
