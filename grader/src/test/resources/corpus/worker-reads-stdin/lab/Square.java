package lab;

import static multiprocessing.Range.range;

import java.io.IOException;
import java.util.List;
import multiprocessing.Pool;

public final class Square {
    private Square() {
    }

    public static int square(int x) throws IOException {
        // Hostile: waits for a byte of standard input first. Workers and the grader's harness give an
        // empty System.in, so this reads end-of-file at once instead of blocking forever.
        int ignored = System.in.read();
        return x * x;
    }

    public static void main(String[] args) {
        Pool pool = new Pool(4);
        List<Integer> results = pool.map(Square::square, range(10));
        System.out.println(results);
    }
}
