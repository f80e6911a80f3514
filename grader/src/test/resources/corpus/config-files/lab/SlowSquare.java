package lab;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

public final class SlowSquare {
    private SlowSquare() {
    }

    public static int slowSquare(int x) {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return x * x;
    }

    public static void callback(Integer result) {
        System.out.println(result);
    }

    public static void main(String[] args) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        List<Future<?>> futures = new ArrayList<>();
        for (int x = 0; x < 10; x++) {
            int n = x;
            futures.add(threads.submit(() -> callback(slowSquare(n))));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        threads.shutdown();
        System.out.println("All tasks completed.");
    }
}
