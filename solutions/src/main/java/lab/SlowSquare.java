package lab;

import static multiprocessing.Range.range;

import java.util.ArrayList;
import java.util.List;
import multiprocessing.AsyncResult;
import multiprocessing.Pool;

/**
 * Step 4 of the lab: start ten slow tasks without waiting, and print each result as it arrives.
 *
 * <p>Reference solution. The guide's section "Step 4: slow_square" explains each line.
 */
public final class SlowSquare {
    private SlowSquare() {
    }

    /**
     * Sleeps for one second, then returns {@code x} squared: a stand-in for real, slow work.
     *
     * @param x the number to square
     * @return {@code x * x}
     */
    public static int slowSquare(int x) {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            // Keep the interrupt visible to whoever stopped us, and give no half-done result.
            Thread.currentThread().interrupt();
            throw new IllegalStateException("slowSquare(" + x + ") was interrupted", e);
        }
        return x * x;
    }

    /**
     * Prints one result. The pool calls it in this (the main) process as each task finishes.
     *
     * @param result the square a task returned
     */
    public static void callback(Integer result) {
        System.out.println(result);
    }

    /**
     * Starts ten {@link #slowSquare} tasks on a pool of four workers, waits for all of them and says so.
     * The squares appear in the order the tasks finish; it takes about 3 seconds, not 10.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        try (Pool pool = new Pool(4)) {
            // Submit everything first: applyAsync returns at once, so all four workers get busy.
            List<AsyncResult<Integer>> results = new ArrayList<>();
            for (int x : range(10)) {
                results.add(pool.applyAsync(SlowSquare::slowSquare, x, SlowSquare::callback));
            }
            // Only now wait. A result is ready after its callback has printed, so nothing is missed.
            for (AsyncResult<Integer> result : results) {
                result.await();
            }
            System.out.println("All tasks completed.");
        }
    }
}
