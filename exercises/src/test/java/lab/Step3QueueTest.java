package lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import lab.TestSupport.Step;
import multiprocessing.Queue;
import multiprocessing.WaitTimeoutException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Step 3: queue")
class Step3QueueTest {
    private static final Step STEP = Step.QUEUE;
    private static final Duration QUICK = Duration.ofSeconds(10);
    private static final List<Integer> ZERO_TO_NINE = List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    /** A correct main takes a second or two; the grader allows 20 s. */
    private static final Duration MAIN_LIMIT = Duration.ofSeconds(30);
    private static final String IF_STOPPED = "A correct MultiprocessingQueue.main takes a second or two. It hangs"
            + " when main joins the consumer before it puts the null sentinel, or never puts it, or when the"
            + " consumer does not return when it takes null (see \"Why the order matters\").";
    private static final String PRODUCER = "lab.MultiprocessingQueue.producer";
    private static final String CONSUMER = "lab.MultiprocessingQueue.consumer";

    /** MultiprocessingQueue.main, run once in a JVM of its own for the tests that look at it. */
    private static TracedMain main;

    private static synchronized TracedMain main() {
        if (main == null) {
            main = TracedMain.run(STEP, MAIN_LIMIT, IF_STOPPED);
        }
        return main;
    }

    /** Runs the producer here, in the test's own process, and returns the queue it filled. */
    private static Queue<Integer> produced() {
        Queue<Integer> queue = new Queue<>();
        TestSupport.run(STEP, "MultiprocessingQueue.producer", QUICK, "It should put ten numbers and return.",
                () -> MultiprocessingQueue.producer(queue));
        return queue;
    }

    @Test
    @DisplayName("producer puts 0 to 9 on the queue, in order")
    void producerPutsZeroToNine() {
        Queue<Integer> queue = produced();
        List<Integer> items = new ArrayList<>();
        try {
            while (items.size() < ZERO_TO_NINE.size()) {
                items.add(queue.get(1, TimeUnit.SECONDS));
            }
        } catch (WaitTimeoutException e) {
            // fewer than ten items: the comparison below says which ones
        }
        assertEquals(ZERO_TO_NINE, items, STEP.says("MultiprocessingQueue.producer should put 0, 1, ..., 9 on the"
                + " queue, in that order."));
    }

    @Test
    @DisplayName("producer leaves the sentinel to main")
    void producerPutsNothingAfterNine() {
        Queue<Integer> queue = produced();
        for (int i = 0; i < ZERO_TO_NINE.size(); i++) {
            try {
                queue.get(1, TimeUnit.SECONDS);
            } catch (WaitTimeoutException e) {
                fail(STEP.says("MultiprocessingQueue.producer put only " + i + " items; it should put ten."));
            }
        }
        try {
            Integer extra = queue.get(300, TimeUnit.MILLISECONDS);
            fail(STEP.says("MultiprocessingQueue.producer put an eleventh item, " + extra + ", after the numbers"
                    + " 0 to 9. It should put only the numbers: main puts the null sentinel once the producer"
                    + " has finished."));
        } catch (WaitTimeoutException expected) {
            // nothing more: as it should be
        }
    }

    @Test
    @DisplayName("consumer prints each item and stops at null")
    void consumerPrintsUntilTheSentinel() {
        Queue<Integer> queue = new Queue<>();
        queue.put(3);
        queue.put(1);
        queue.put(4);
        queue.put(null);
        String output = TestSupport.printed(STEP, "MultiprocessingQueue.consumer", QUICK,
                "The queue held 3, 1, 4 and then null: the consumer should return when it takes null.",
                () -> MultiprocessingQueue.consumer(queue));
        assertEquals(List.of("3", "1", "4"), TestSupport.lines(output), STEP.says("Given a queue holding 3, 1, 4"
                + " and null, MultiprocessingQueue.consumer should print 3, 1 and 4, one per line, and"
                + " nothing for the null."));
    }

    @Test
    @DisplayName("main makes the consumer process print 0 to 9")
    void mainPrintsZeroToNine() {
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), main().printedLines(),
                STEP.says("MultiprocessingQueue.main should start a producer and a consumer Process, and the"
                        + " consumer should print 0 to 9, one per line (see \"Why the order matters\")."));
    }

    @Test
    @DisplayName("producer and consumer run in processes of their own and end by themselves")
    void mainRunsEachInItsOwnProcess() {
        main().assertLesson("MultiprocessingQueue.main should start one Process for producer and one for"
                + " consumer, and join each after it has ended by itself", checks -> checks.ranInOwnProcess(PRODUCER)
                .and(() -> checks.ranInOwnProcess(CONSUMER))
                .and(() -> checks.endedByItself(PRODUCER))
                .and(() -> checks.endedByItself(CONSUMER)));
    }

    @Test
    @DisplayName("main joins the producer, then puts the sentinel, then joins the consumer")
    void mainPutsTheSentinelBetweenTheJoins() {
        // The order of main's own statements, read from the trace: it decides whether the sentinel can
        // overtake the numbers, whatever the timing of one particular run.
        main().assertLesson("MultiprocessingQueue.main should join the producer, then put the null sentinel, then"
                + " join the consumer", checks -> checks.sentinelAfterProducer(PRODUCER, CONSUMER));
    }
}
