package multiprocessing;

import java.io.Serializable;

/**
 * What a {@link Process} runs, with one argument: Python's {@code Process(target=f, args=(x,))}.
 *
 * <p>Pass a method reference such as {@code Lab::producer}; it runs in a new JVM, so it is
 * {@link Serializable} and may throw checked exceptions.
 *
 * @param <A> the argument type
 */
@FunctionalInterface
public interface Target<A> extends Serializable {
    /** Runs in the new process. */
    void run(A argument) throws Exception;
}
