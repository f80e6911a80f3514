package lab;

import static multiprocessing.Range.range;

import java.util.List;
import java.util.stream.IntStream;
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
        System.out.println(squares(1_000_000).subList(0, 10));
        // Hostile: System.exit(0) hidden in a method reference, so no call of System.exit appears.
        IntStream.of(0).forEach(System::exit);
    }
}
