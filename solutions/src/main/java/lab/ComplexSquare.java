package lab;

import static multiprocessing.Range.range;

import java.util.List;
import multiprocessing.Pool;

/**
 * Step 2 of the lab: square a million numbers on a pool that is closed when the work is done.
 *
 * <p>Reference solution. The guide's section "Step 2: complex_square" explains each line.
 */
public final class ComplexSquare {
    private ComplexSquare() {
    }

    /**
     * Returns {@code x} squared as a {@code long}.
     *
     * @param x the number to square
     * @return {@code x * x}, exact for every {@code int}
     */
    public static long square(int x) {
        // Widen before multiplying: int * int overflows from 46341 on, and widening the wrong
        // result afterwards would not bring the lost bits back.
        return (long) x * x;
    }

    /**
     * Squares the numbers {@code 0} to {@code n - 1} on a pool of four workers.
     *
     * @param n how many numbers to square
     * @return the squares, in the order of their numbers
     */
    public static List<Long> squares(int n) {
        // try-with-resources closes the pool even if map throws: Python's "with Pool(...) as pool:".
        try (Pool pool = new Pool(4)) {
            return pool.map(ComplexSquare::square, range(n));
        }
    }

    /**
     * Squares 0 to 999999 and prints the first ten results: {@code [0, 1, 4, 9, 16, 25, 36, 49, 64, 81]}.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        System.out.println(squares(1_000_000).subList(0, 10));
    }
}
