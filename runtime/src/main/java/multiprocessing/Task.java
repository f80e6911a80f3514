package multiprocessing;

import java.io.Serializable;

/**
 * A function that a {@link Pool} runs in a worker process: Python's {@code func} argument of
 * {@code map} and {@code apply_async}.
 *
 * <p>Pass a method reference such as {@code Square::square}. The task travels to another JVM, so it
 * is {@link Serializable}; a lambda may capture only serializable values. It may throw checked
 * exceptions, so {@code Thread.sleep} inside a task needs no try/catch.
 *
 * @param <T> the argument type
 * @param <R> the result type
 */
@FunctionalInterface
public interface Task<T, R> extends Serializable {
    /** Computes the result for one argument. */
    R apply(T argument) throws Exception;
}
