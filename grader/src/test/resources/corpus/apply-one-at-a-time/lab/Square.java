package lab;

import static multiprocessing.Range.range;

import java.util.ArrayList;
import java.util.List;
import multiprocessing.Pool;

public final class Square {
    private Square() {
    }

    public static int square(int x) {
        return x * x;
    }

    public static void main(String[] args) {
        Pool pool = new Pool(4);
        List<Integer> results = new ArrayList<>();
        for (int x : range(10)) {
            results.add(pool.apply(Square::square, x));
        }
        System.out.println(results);
    }
}
