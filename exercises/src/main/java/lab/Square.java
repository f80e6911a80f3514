package lab;

import static multiprocessing.Range.range;

import java.util.List;
import multiprocessing.Pool;

/**
 * Step 1 of the lab: square ten numbers on a pool of four worker processes.
 *
 * <p>Guide: exercises/README.md, section "Step 1: square".
 */
public final class Square {
    private static final String NOT_DONE =
            "not implemented yet: see step 1 in the guide (exercises/README.md, section \"Step 1: square\")";

    private Square() {
    }

    /**
     * Returns {@code x} squared. The pool calls it in a worker process, once per number.
     *
     * @param x the number to square
     * @return {@code x * x}
     */
    public static int square(int x) {
        // TODO step 1: return the square of x.
        throw new UnsupportedOperationException(NOT_DONE);
    }

    /**
     * Squares 0 to 9 on a pool of four workers and prints the list:
     * {@code [0, 1, 4, 9, 16, 25, 36, 49, 64, 81]}.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        // TODO step 1 (guide: "Step 1: square"): replace this line with your program.
        //  1. create a Pool with 4 worker processes;
        //  2. map Square::square over range(10) (import static multiprocessing.Range.range);
        //  3. print the list of results.
        System.out.println(NOT_DONE);
    }
}
