package grader.harness;

import multiprocessing.Queue;
import multiprocessing.Target;

/**
 * A {@link Target} that names a student's method instead of referring to it, so the grader's harness
 * (compiled without the student's classes) can run {@code producer} or {@code consumer} in a Process.
 */
final class ReflectiveTarget implements Target<Queue<Integer>> {
    private static final long serialVersionUID = 1L;

    private final String className;
    private final String method;

    ReflectiveTarget(String className, String method) {
        this.className = className;
        this.method = method;
    }

    @Override
    public void run(Queue<Integer> queue) throws Exception {
        try {
            Probe.invoke(className, method, new Class<?>[] {Queue.class}, queue);
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable other) {
            throw new IllegalStateException(other);
        }
    }

    @Override
    public String toString() {
        return className + "." + method;
    }
}
