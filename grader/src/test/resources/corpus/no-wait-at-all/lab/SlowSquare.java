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
        Pool pool = new Pool(4);
        for (int x : range(10)) {
            pool.applyAsync(SlowSquare::slowSquare, x, SlowSquare::callback);
        }
        System.out.println("All tasks completed.");
    }
}
