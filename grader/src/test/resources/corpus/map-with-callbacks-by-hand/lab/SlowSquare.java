package lab;

import static multiprocessing.Range.range;

import java.util.ArrayList;
import java.util.List;
import multiprocessing.AsyncResult;
import multiprocessing.Pool;

public final class SlowSquare {
    private SlowSquare() {
    }

    public static int slowSquare(int x) throws InterruptedException {
        Thread.sleep(1000);
        return x * x;
    }

    public static void callback(Integer result) {
        System.out.println(result);
    }

    public static void main(String[] args) {
        try (Pool pool = new Pool(4)) {
            List<Integer> results = pool.map(SlowSquare::slowSquare, range(10));
            for (Integer result : results) {
                callback(result);
            }
            System.out.println("All tasks completed.");
        }
    }
}
