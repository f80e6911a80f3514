package lab;

import java.util.ArrayList;
import java.util.List;
import multiprocessing.Pool;

public final class Square {
    private Square() {
    }

    // Broken: long instead of the stub's int, so the grader's call of square(int) finds no method.
    public static long square(long x) {
        return x * x;
    }

    public static void main(String[] args) {
        List<Long> numbers = new ArrayList<>();
        for (long x = 0; x < 10; x++) {
            numbers.add(x);
        }
        Pool pool = new Pool(4);
        List<Long> results = pool.map(Square::square, numbers);
        System.out.println(results);
    }
}
