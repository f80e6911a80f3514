package lab;

import java.io.IOException;
import multiprocessing.Process;
import multiprocessing.Queue;

public final class MultiprocessingQueue {
    private MultiprocessingQueue() {
    }

    public static void producer(Queue<Integer> queue) {
        for (int i = 0; i < 10; i++) {
            queue.put(i);
        }
    }

    public static void consumer(Queue<Integer> queue) {
        while (true) {
            Integer item = queue.get();
            if (item == null) {
                return;
            }
            System.out.println(item);
        }
    }

    public static void main(String[] args) throws IOException {
        // Hostile: two programs that leave the process tree and would outlive the run by five minutes,
        // one in a session of its own, one through a double fork.
        Runtime.getRuntime().exec(new String[] {"setsid", "sleep", "300"});
        Runtime.getRuntime().exec(new String[] {"sh", "-c", "(sleep 300 &) &"});
        Queue<Integer> queue = new Queue<>();
        Process producer = new Process(MultiprocessingQueue::producer, queue);
        Process consumer = new Process(MultiprocessingQueue::consumer, queue);
        producer.start();
        consumer.start();
        producer.join();
        queue.put(null);
        consumer.join();
    }
}
