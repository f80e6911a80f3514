package lab;

import static multiprocessing.Range.range;

import java.util.List;
import multiprocessing.Pool;

/**
 * Step 1 of the lab: square ten numbers on a pool of four worker processes.
 *
 * <p>Reference solution. The guide's section "Step 1: square" explains each line.
 */
public final class Square {
    private Square() {
    }

    /**
     * Returns {@code x} squared. The pool calls it in a worker process, once per number.
     *
     * @param x the number to square
     * @return {@code x * x}
     */
    public static int square(int x) {
        return x * x;
    }

    /**
     * Squares 0 to 9 on a pool of four workers and prints the list:
     * {@code [0, 1, 4, 9, 16, 25, 36, 49, 64, 81]}.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        // Like the Python original, this step leaves its pool open: the program still ends when
        // main returns, and the runtime stops the workers then. Step 2 closes its pool properly.
        Pool pool = new Pool(4);
        // map cuts range(10) into chunks, runs them in the workers and keeps the input order.
        List<Integer> results = pool.map(Square::square, range(10));
        System.out.println(results);
    }
}
