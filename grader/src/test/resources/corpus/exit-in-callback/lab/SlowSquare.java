package lab;

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
        if (result == 16) {
            // Hostile: ends the whole program from the pool's callback thread, mid-run.
            System.exit(0);
        }
    }

    public static void main(String[] args) {
        try (Pool pool = new Pool(4)) {
            List<AsyncResult<Integer>> results = new ArrayList<>();
            for (int x = 0; x < 10; x++) {
                results.add(pool.applyAsync(SlowSquare::slowSquare, x, SlowSquare::callback));
            }
            for (AsyncResult<Integer> result : results) {
                result.await();
            }
            System.out.println("All tasks completed.");
        }
    }
}
