package lab;

import static multiprocessing.Range.range;

import java.util.List;
import multiprocessing.Pool;

public final class Square {
    private Square() {
    }

    public static int square(int x) {
        return x * x;
    }

    public static void main(String[] args) {
        // Hostile: asks for 500 worker JVMs.
        Pool pool = new Pool(500);
        List<Integer> results = pool.map(Square::square, range(10));
        System.out.println(results);
    }
}
