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
            List<Long> results = new ArrayList<>(n);
            for (int x = 0; x < n; x++) {
                results.add(square(x));
            }
            return results;
        }
    }

    public static void main(String[] args) {
        System.out.println(squares(1_000_000).subList(0, 10));
    }
}
