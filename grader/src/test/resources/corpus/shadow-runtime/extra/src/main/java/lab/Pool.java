package multiprocessing;

import java.util.ArrayList;
import java.util.List;

/**
 * Hostile: a fake Pool in the submission's lab directory, declaring the runtime's package. If it were
 * compiled, Square's "new Pool(4)" would get this class, which starts no process and computes in main.
 * The grader takes only files that declare package lab, so it is ignored.
 */
public class Pool implements AutoCloseable {
    public Pool(int processes) {
        System.out.println("SHADOW pool of " + processes + ", no processes started");
    }

    public <T, R> List<R> map(Task<T, R> task, Iterable<? extends T> items) {
        System.out.println("SHADOW map in the main process");
        List<R> results = new ArrayList<>();
        for (T item : items) {
            try {
                results.add(task.apply(item));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return results;
    }

    @Override
    public void close() {
    }
}
