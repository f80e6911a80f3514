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
        Pool pool = new Pool(4);
        return pool.map(ComplexSquare::square, range(n));
    }

    public static void main(String[] args) {
        System.out.println(squares(1_000_000).subList(0, 10));
    }
}
