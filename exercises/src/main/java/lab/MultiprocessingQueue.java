package lab;

import multiprocessing.Process;
import multiprocessing.Queue;

/**
 * Step 3 of the lab: a producer process and a consumer process that talk through a shared queue.
 *
 * <p>Guide: exercises/README.md, section "Step 3: queue".
 */
public final class MultiprocessingQueue {
    private static final String NOT_DONE =
            "not implemented yet: see step 3 in the guide (exercises/README.md, section \"Step 3: queue\")";

    private MultiprocessingQueue() {
    }

    /**
     * Puts the numbers 0 to 9 on {@code queue}, in order. Runs in its own process.
     *
     * @param queue the queue shared with the consumer
     */
    public static void producer(Queue<Integer> queue) {
        // TODO step 3: put 0, 1, ..., 9 on the queue. Do not put the sentinel here.
        throw new UnsupportedOperationException(NOT_DONE);
    }

    /**
     * Takes items from {@code queue} and prints each on its own line, until it takes {@code null}
     * (the sentinel that means "no more items"). Runs in its own process.
     *
     * @param queue the queue shared with the producer
     */
    public static void consumer(Queue<Integer> queue) {
        // TODO step 3: loop: take an item; if it is null, return; otherwise print it.
        throw new UnsupportedOperationException(NOT_DONE);
    }

    /**
     * Starts a producer and a consumer process, waits for the producer, sends the sentinel and
     * waits for the consumer. The consumer prints 0 to 9, one per line.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        // TODO step 3 (guide: "Step 3: queue"): replace this line with your program.
        //  1. create a Queue<Integer> and two Processes: one runs producer, one runs consumer;
        //  2. start both;
        //  3. join the producer, then put the null sentinel, then join the consumer (guide: "Why the order matters").
        System.out.println(NOT_DONE);
    }
}
