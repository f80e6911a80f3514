package lab;

import static multiprocessing.Range.range;

import java.util.List;
import multiprocessing.Pool;

public final class Square {
    private Square() {
    }

    public static int square(int x) {
        if (x == 5) {
            // Broken: a task that throws on one of the numbers main maps (never on the grader's own checks).
            throw new ArithmeticException("no squares of five today");
        }
        return x * x;
    }

    public static void main(String[] args) {
        Pool pool = new Pool(4);
        List<Integer> results = pool.map(Square::square, range(10));
        System.out.println(results);
    }
}
