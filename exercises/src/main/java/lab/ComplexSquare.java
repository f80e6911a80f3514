package lab;

import static multiprocessing.Range.range;

import java.util.List;
import multiprocessing.Pool;

/**
 * Step 2 of the lab: square a million numbers on a pool that is closed when the work is done.
 *
 * <p>Guide: exercises/README.md, section "Step 2: complex_square".
 */
public final class ComplexSquare {
    private static final String NOT_DONE = "not implemented yet: see step 2 in the guide (exercises/README.md,"
            + " section \"Step 2: complex_square\")";

    private ComplexSquare() {
    }

    /**
     * Returns {@code x} squared as a {@code long}.
     *
     * @param x the number to square
     * @return {@code x * x}, exact for every {@code int}
     */
    public static long square(int x) {
        // TODO step 2: return the square of x, computed in long (guide: "Why long?").
        throw new UnsupportedOperationException(NOT_DONE);
    }

    /**
     * Squares the numbers {@code 0} to {@code n - 1} on a pool of four workers.
     *
     * @param n how many numbers to square
     * @return the squares, in the order of their numbers
     */
    public static List<Long> squares(int n) {
        // TODO step 2: open a Pool of 4 in a try-with-resources block and map
        //  ComplexSquare::square over range(n); return the list.
        throw new UnsupportedOperationException(NOT_DONE);
    }

    /**
     * Squares 0 to 999999 and prints the first ten results: {@code [0, 1, 4, 9, 16, 25, 36, 49, 64, 81]}.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        // TODO step 2 (guide: "Step 2: complex_square"): replace this line: print the first
        //  ten elements of squares(1_000_000).
        System.out.println(NOT_DONE);
    }
}
