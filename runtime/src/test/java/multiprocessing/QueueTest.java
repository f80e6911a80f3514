package multiprocessing;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import multiprocessing.testing.StartedProcesses;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Covers {@link Queue}: first-in first-out per producer, within a process and across processes;
 * items are copies; {@code null} works as a sentinel across processes; timed gets time out; and a
 * queue whose owner has exited fails at once with a message about the owner.
 */
@DisplayName("Queue")
class QueueTest {
    private static final int ITEMS = 1000;

    /** Starts the processes of a test and kills what is left of them after it. */
    @RegisterExtension
    final StartedProcesses processes = new StartedProcesses();

    private Process start(Process process) {
        return processes.start(process);
    }

    // ---- targets ----

    static void produceSequence(Queue<Integer> queue) {
        for (int i = 0; i < ITEMS; i++) {
            queue.put(i);
        }
    }

    /** Puts {@code "name:0"} to {@code "name:999"}; the name is the first item of the argument. */
    static void produceTagged(ArrayList<Object> nameAndQueue) {
        String name = (String) nameAndQueue.get(0);
        @SuppressWarnings("unchecked")
        Queue<String> queue = (Queue<String>) nameAndQueue.get(1);
        for (int i = 0; i < ITEMS; i++) {
            queue.put(name + ":" + i);
        }
    }

    /** Reads numbers until the null sentinel, then reports how many it read and their sum. */
    static void consumeUntilNull(ArrayList<Queue<Long>> inAndOut) {
        Queue<Long> in = inAndOut.get(0);
        Queue<Long> out = inAndOut.get(1);
        long count = 0;
        long sum = 0;
        for (Long item = in.get(); item != null; item = in.get()) {
            count++;
            sum += item;
        }
        out.put(count);
        out.put(sum);
    }

    /** Tries a timed get on an empty queue and reports what happened. */
    static void timedGetOnEmpty(ArrayList<Queue<String>> emptyAndReports) {
        try {
            emptyAndReports.get(0).get(100, TimeUnit.MILLISECONDS);
            emptyAndReports.get(1).put("got an item");
        } catch (WaitTimeoutException e) {
            emptyAndReports.get(1).put("timed out");
        }
    }

    /** Creates a queue owned by this child, hands it over, and exits. */
    static void handOverOwnQueue(Queue<Object> mailbox) {
        Queue<String> own = new Queue<>();
        own.put("left behind");
        mailbox.put(own);
    }

    /** Creates an empty queue owned by this child, hands it over, and sleeps until it is killed. */
    static void handOverEmptyQueueAndSleep(Queue<Object> mailbox) throws InterruptedException {
        mailbox.put(new Queue<String>());
        Thread.sleep(120_000);
    }

    /** Creates a queue owned by this child with two items, hands it over, and waits for a goodbye. */
    /** Sends a queue it owns through {@code mailboxes[0]}, then waits on {@code mailboxes[1]} to exit. */
    static void serveOwnQueue(List<Queue<Object>> mailboxes) {
        Queue<String> own = new Queue<>();
        own.put("first");
        own.put("second");
        mailboxes.get(0).put(own);
        // A separate queue for the goodbye: a get on the queue it just put on could take its own item.
        mailboxes.get(1).get();
    }

    @Nested
    @DisplayName("is first-in, first-out")
    class Fifo {

        @Test
        @DisplayName("within one process")
        void local() {
            Queue<Integer> queue = new Queue<>();
            for (int i = 0; i < 100; i++) {
                queue.put(i);
            }
            List<Integer> got = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                got.add(queue.get());
            }
            assertEquals(IntStream.range(0, 100).boxed().toList(), got);
        }

        @Test
        @DisplayName("from a Process that puts 0..999 to the main program")
        void fromOneProducer() {
            Queue<Integer> queue = new Queue<>();
            Process producer = start(new Process(QueueTest::produceSequence, queue));
            List<Integer> got = new ArrayList<>();
            for (int i = 0; i < ITEMS; i++) {
                got.add(queue.get(60, TimeUnit.SECONDS));
            }
            producer.join();
            assertEquals(IntStream.range(0, ITEMS).boxed().toList(), got);
        }

        @Test
        @DisplayName("per producer, when two Processes put their own sequences on one queue")
        void perProducer() {
            Queue<String> queue = new Queue<>();
            Process a = start(new Process(QueueTest::produceTagged, new ArrayList<>(List.of("a", queue))));
            Process b = start(new Process(QueueTest::produceTagged, new ArrayList<>(List.of("b", queue))));
            List<String> fromA = new ArrayList<>();
            List<String> fromB = new ArrayList<>();
            for (int i = 0; i < 2 * ITEMS; i++) {
                String item = queue.get(60, TimeUnit.SECONDS);
                (item.startsWith("a:") ? fromA : fromB).add(item);
            }
            a.join();
            b.join();
            assertAll(
                    () -> assertEquals(IntStream.range(0, ITEMS).mapToObj(i -> "a:" + i).toList(), fromA),
                    () -> assertEquals(IntStream.range(0, ITEMS).mapToObj(i -> "b:" + i).toList(), fromB));
        }
    }

    @Nested
    @DisplayName("carries items")
    class Items {

        @Test
        @DisplayName("as copies: changing an object after put does not change the queued item")
        void itemsAreCopies() {
            Queue<ArrayList<String>> queue = new Queue<>();
            ArrayList<String> original = new ArrayList<>(List.of("as put"));
            queue.put(original);
            original.set(0, "changed later");
            ArrayList<String> got = queue.get();
            assertAll(() -> assertEquals(List.of("as put"), got), () -> assertNotSame(original, got));
        }

        @Test
        @DisplayName("null, locally")
        void nullLocally() {
            Queue<String> queue = new Queue<>();
            queue.put(null);
            assertNull(queue.get(1, TimeUnit.SECONDS));
        }

        @Test
        @DisplayName("null as a sentinel to a consumer Process")
        void nullSentinelAcrossProcesses() {
            Queue<Long> work = new Queue<>();
            Queue<Long> reports = new Queue<>();
            Process consumer = start(new Process(QueueTest::consumeUntilNull, new ArrayList<>(List.of(work, reports))));
            for (long i = 1; i <= 100; i++) {
                work.put(i);
            }
            work.put(null);
            long count = reports.get(60, TimeUnit.SECONDS);
            long sum = reports.get(60, TimeUnit.SECONDS);
            consumer.join();
            assertAll(() -> assertEquals(100, count), () -> assertEquals(5050, sum),
                    () -> assertEquals(0, consumer.exitCode(), "the consumer stopped at the sentinel"));
        }

        @Test
        @DisplayName("from a queue owned by another live process")
        void fromQueueOwnedByChild() {
            Queue<Object> mailbox = new Queue<>();
            Queue<Object> goodbye = new Queue<>();
            Process owner = start(new Process(QueueTest::serveOwnQueue, new ArrayList<>(List.of(mailbox, goodbye))));
            @SuppressWarnings("unchecked")
            Queue<String> owned = (Queue<String>) mailbox.get(60, TimeUnit.SECONDS);
            List<String> got = List.of(owned.get(60, TimeUnit.SECONDS), owned.get());
            goodbye.put("goodbye");
            owner.join();
            assertEquals(List.of("first", "second"), got);
        }

        @Test
        @DisplayName("an item that cannot be serialized is an IllegalArgumentException about Serializable")
        void unserializableItem() {
            Queue<Object> queue = new Queue<>();
            IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                    () -> queue.put(new Object()));
            assertAll(() -> assertTrue(thrown.getMessage().contains("Serializable"), thrown.getMessage()),
                    () -> assertFalse(thrown.getMessage().contains("method reference"),
                            "advice about tasks for a queue item: " + thrown.getMessage()));
        }

        @Test
        @DisplayName("toString names the owner's pid")
        void describesOwner() {
            assertTrue(new Queue<>().toString().contains("pid " + ProcessHandle.current().pid()));
        }
    }

    @Nested
    @DisplayName("times out")
    class Timeouts {

        @Test
        @DisplayName("get(timeout) on an empty queue throws WaitTimeoutException")
        void emptyQueue() {
            Queue<Integer> queue = new Queue<>();
            assertThrows(WaitTimeoutException.class, () -> queue.get(50, TimeUnit.MILLISECONDS));
        }

        @Test
        @DisplayName("get(0) on an empty queue throws WaitTimeoutException at once")
        void zeroTimeout() {
            Queue<Integer> queue = new Queue<>();
            assertThrows(WaitTimeoutException.class, () -> queue.get(0, TimeUnit.SECONDS));
        }

        @Test
        @DisplayName("an interrupted get() throws MultiprocessingException and keeps the interrupt")
        void interruptedGet() {
            Queue<Integer> queue = new Queue<>();
            Thread.currentThread().interrupt();
            try {
                assertThrows(MultiprocessingException.class, queue::get);
                assertTrue(Thread.currentThread().isInterrupted(), "the interrupt flag was lost");
            } finally {
                Thread.interrupted();
            }
        }

        @Test
        @DisplayName("a negative timeout is an IllegalArgumentException")
        void negativeTimeout() {
            Queue<Integer> queue = new Queue<>();
            assertThrows(IllegalArgumentException.class, () -> queue.get(-1, TimeUnit.SECONDS));
        }

        @Test
        @DisplayName("get(timeout) in a Process on an empty queue of the main program times out there too")
        void emptyQueueInChild() {
            Queue<String> empty = new Queue<>();
            Queue<String> reports = new Queue<>();
            Process child = start(new Process(QueueTest::timedGetOnEmpty, new ArrayList<>(List.of(empty, reports))));
            String report = reports.get(60, TimeUnit.SECONDS);
            child.join();
            assertEquals("timed out", report);
        }
    }

    @Nested
    @DisplayName("whose owner has exited")
    class OwnerGone {

        @SuppressWarnings("unchecked")
        private Queue<String> orphanedQueue() {
            Queue<Object> mailbox = new Queue<>();
            Process owner = start(new Process(QueueTest::handOverOwnQueue, mailbox));
            Queue<String> orphaned = (Queue<String>) mailbox.get(60, TimeUnit.SECONDS);
            owner.join();
            return orphaned;
        }

        @Test
        @DisplayName("get() throws MultiprocessingException about the owner, quickly")
        void getFails() {
            Queue<String> orphaned = orphanedQueue();
            MultiprocessingException thrown = assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> assertThrows(MultiprocessingException.class, orphaned::get), "get() did not fail quickly");
            assertTrue(thrown.getMessage().contains("owner"), thrown.getMessage());
        }

        @Test
        @DisplayName("a get() already waiting when the owner dies throws MultiprocessingException about the owner")
        void waitingGetFails() throws Exception {
            Queue<Object> mailbox = new Queue<>();
            Process owner = start(new Process(QueueTest::handOverEmptyQueueAndSleep, mailbox));
            @SuppressWarnings("unchecked")
            Queue<String> owned = (Queue<String>) mailbox.get(60, TimeUnit.SECONDS);
            // Whether the kill comes before or after get() starts waiting, get() must fail, not hang.
            Thread killer = new Thread(() -> {
                try {
                    Thread.sleep(300);
                } catch (InterruptedException ignored) {
                    // kill at once then
                }
                owner.kill();
            });
            killer.start();
            MultiprocessingException thrown = assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> assertThrows(MultiprocessingException.class, owned::get));
            killer.join();
            assertTrue(thrown.getMessage().contains("owner"), thrown.getMessage());
        }

        @Test
        @DisplayName("put() throws MultiprocessingException about the owner")
        void putFails() {
            Queue<String> orphaned = orphanedQueue();
            MultiprocessingException thrown = assertThrows(MultiprocessingException.class, () -> orphaned.put("x"));
            assertTrue(thrown.getMessage().contains("owner"), thrown.getMessage());
        }
    }
}
