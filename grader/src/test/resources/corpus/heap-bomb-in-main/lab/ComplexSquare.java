package lab;

import static multiprocessing.Range.range;

import java.util.ArrayList;
import java.util.List;
import multiprocessing.Pool;

public final class ComplexSquare {
    private ComplexSquare() {
    }

    public static long square(int x) {
        return (long) x * x;
    }

    public static List<Long> squares(int n) {
        try (Pool pool = new Pool(4)) {
            return pool.map(ComplexSquare::square, range(n));
        }
    }

    public static void main(String[] args) {
        // Hostile: fills the heap (8 MB at a time) until the JVM runs out of memory.
        // (The loop's condition is always true; written so, it leaves the line after it reachable.)
        List<long[]> hoard = new ArrayList<>();
        while (hoard.size() >= 0) {
            hoard.add(new long[1 << 20]);
        }
        System.out.println(squares(1_000_000).subList(0, 10));
    }
}
