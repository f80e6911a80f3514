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
    }

    public static void main(String[] args) {
        // Hostile: 100000 threads that only sleep, before the real work. The sandbox stops the run
        // long before: it allows 1000 threads across a run's processes.
        for (int i = 0; i < 100_000; i++) {
            Thread sleeper = new Thread(() -> {
                try {
                    Thread.sleep(600_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            sleeper.setDaemon(true);
            sleeper.start();
        }
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
