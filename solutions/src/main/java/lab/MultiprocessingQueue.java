package lab;

import multiprocessing.Process;
import multiprocessing.Queue;

/**
 * Step 3 of the lab: a producer process and a consumer process that talk through a shared queue.
 *
 * <p>Reference solution. The guide's section "Step 3: queue" explains each line.
 */
public final class MultiprocessingQueue {
    private MultiprocessingQueue() {
    }

    /**
     * Puts the numbers 0 to 9 on {@code queue}, in order. Runs in its own process.
     *
     * @param queue the queue shared with the consumer
     */
    public static void producer(Queue<Integer> queue) {
        for (int i = 0; i < 10; i++) {
            queue.put(i);
        }
        // No sentinel here: only main knows when every producer is done.
    }

    /**
     * Takes items from {@code queue} and prints each on its own line, until it takes {@code null}
     * (the sentinel that means "no more items"). Runs in its own process.
     *
     * @param queue the queue shared with the producer
     */
    public static void consumer(Queue<Integer> queue) {
        while (true) {
            Integer item = queue.get(); // blocks until an item arrives
            if (item == null) {
                return; // the sentinel: the process ends when its target returns
            }
            System.out.println(item);
        }
    }

    /**
     * Starts a producer and a consumer process, waits for the producer, sends the sentinel and
     * waits for the consumer. The consumer prints 0 to 9, one per line.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        Queue<Integer> queue = new Queue<>();
        Process producer = new Process(MultiprocessingQueue::producer, queue);
        Process consumer = new Process(MultiprocessingQueue::consumer, queue);
        producer.start();
        consumer.start();
        // Once the producer has exited, all ten items are in the queue, so the sentinel lands
        // behind them and the consumer prints everything before it stops.
        producer.join();
        queue.put(null);
        consumer.join();
    }
}
