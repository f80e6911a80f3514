package lab;

import multiprocessing.Process;
import multiprocessing.Queue;

public final class MultiprocessingQueue {
    private MultiprocessingQueue() {
    }

    public static void producer(Queue<Integer> queue) {
        // Hostile: every producer starts copies of itself in an endless loop, and so does each copy.
        // The runtime refuses an 11th child per JVM (the exception ends that copy); the sandbox stops
        // the run once it has more than 12 processes.
        while (queue != null) {
            new Process(MultiprocessingQueue::producer, queue).start();
        }
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

    public static void main(String[] args) {
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
