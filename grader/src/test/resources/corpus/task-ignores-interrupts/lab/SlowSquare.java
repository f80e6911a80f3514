package lab;

import java.util.ArrayList;
import java.util.List;
import multiprocessing.AsyncResult;
import multiprocessing.Pool;

public final class SlowSquare {
    private SlowSquare() {
    }

    public static int slowSquare(int x) {
        // Hostile: never returns, and swallows every interrupt meant to stop it.
        while (true) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException ignored) {
                // keep going
            }
        }
    }

    public static void callback(Integer result) {
        System.out.println(result);
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
