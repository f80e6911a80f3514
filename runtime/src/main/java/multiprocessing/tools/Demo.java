package multiprocessing.tools;

import static multiprocessing.Range.range;

import java.util.List;
import multiprocessing.AsyncResult;
import multiprocessing.Pool;
import multiprocessing.Process;
import multiprocessing.Queue;

/**
 * A two-minute tour of the runtime: run it to see work spread over real worker processes.
 * {@code java -cp runtime/target/classes multiprocessing.tools.Demo}
 */
public final class Demo {
    private Demo() {
    }

    /** Squares numbers on a pool, sleeps in parallel, and passes items through a queue. */
    public static void main(String[] args) {
        System.out.println("main program: pid " + ProcessHandle.current().pid());
        try (Pool pool = new Pool(4)) {
            System.out.println("a pool of 4 workers: pids " + pool.workerPids());
            List<Integer> squares = pool.map(Demo::square, range(10));
            System.out.println("squares of range(10): " + squares);
            List<Long> pids = pool.map(Demo::pidAfterNap, range(8), 1);
            System.out.println("8 naps of 200 ms ran in pids " + pids.stream().distinct().sorted().toList());
            long start = System.nanoTime();
            List<AsyncResult<Integer>> naps = range(4).stream().map(i -> pool.applyAsync(Demo::napThenSquare, i,
                    result -> System.out.println("  callback got " + result))).toList();
            naps.forEach(AsyncResult::await);
            System.out.printf("4 one-second tasks on 4 workers took %.1f s%n", (System.nanoTime() - start) / 1e9);
        }
        Queue<Integer> queue = new Queue<>();
        Process consumer = new Process(Demo::printUntilNull, queue);
        consumer.start();
        for (int i = 0; i < 3; i++) {
            queue.put(i);
        }
        queue.put(null);
        consumer.join();
        System.out.println("the consumer (pid " + consumer.pid() + ") exited with code " + consumer.exitCode());
    }

    private static int square(int x) {
        return x * x;
    }

    private static long pidAfterNap(int ignored) throws InterruptedException {
        Thread.sleep(200);
        return ProcessHandle.current().pid();
    }

    private static int napThenSquare(int x) throws InterruptedException {
        Thread.sleep(1000);
        return x * x;
    }

    private static void printUntilNull(Queue<Integer> queue) {
        for (Integer item = queue.get(); item != null; item = queue.get()) {
            System.out.println("  consumer pid " + ProcessHandle.current().pid() + " got " + item);
        }
    }
}
