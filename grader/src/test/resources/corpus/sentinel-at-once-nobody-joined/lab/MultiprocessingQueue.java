package lab;

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

    public static void main(String[] args) {
        Queue<Integer> queue = new Queue<>();
        Process producer = new Process(MultiprocessingQueue::producer, queue);
        Process consumer = new Process(MultiprocessingQueue::consumer, queue);
        producer.start();
        consumer.start();
        queue.put(null);
    }
}
