package lab;

import static multiprocessing.Range.range;

import java.util.ArrayList;
import java.util.List;
import multiprocessing.AsyncResult;
import multiprocessing.Pool;

/**
 * Step 4 of the lab: start ten slow tasks without waiting, and print each result as it arrives.
 *
 * <p>Guide: exercises/README.md, section "Step 4: slow_square".
 */
public final class SlowSquare {
    private static final String NOT_DONE = "not implemented yet: see step 4 in the guide (exercises/README.md,"
            + " section \"Step 4: slow_square\")";

    private SlowSquare() {
    }

    /**
     * Sleeps for one second, then returns {@code x} squared: a stand-in for real, slow work.
     *
     * @param x the number to square
     * @return {@code x * x}
     */
    public static int slowSquare(int x) {
        // TODO step 4: sleep one second (Thread.sleep(1000)), then return x * x. Thread.sleep throws the
        //  checked InterruptedException: add "throws InterruptedException" to this method, or catch it
        //  (guide: "Step 4: slow_square" shows both).
        throw new UnsupportedOperationException(NOT_DONE);
    }

    /**
     * Prints one result. The pool calls it in this (the main) process as each task finishes.
     *
     * @param result the square a task returned
     */
    public static void callback(Integer result) {
        // TODO step 4: print the result on its own line.
        throw new UnsupportedOperationException(NOT_DONE);
    }

    /**
     * Starts ten {@link #slowSquare} tasks on a pool of four workers, waits for all of them and says so.
     * The squares appear in the order the tasks finish; it takes about 3 seconds, not 10.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        // TODO step 4 (guide: "Step 4: slow_square"): replace this line with your program.
        //  1. open a Pool of 4 (try-with-resources);
        //  2. for x in range(10): pool.applyAsync(SlowSquare::slowSquare, x, SlowSquare::callback),
        //     keeping every AsyncResult in a list (do not wait yet!);
        //  3. await() each result, then print "All tasks completed.".
        System.out.println(NOT_DONE);
    }
}
