package multiprocessing.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The items of every queue created in this JVM. A queue lives in the process that created it (its
 * owner); other processes reach it through {@link QueueService}. Items are kept encoded, so a put
 * copies its value just as sending it to another process would.
 */
public final class QueueStore {
    private static final AtomicLong NEXT_ID = new AtomicLong(1);
    private static final Map<Long, LinkedBlockingDeque<byte[]>> QUEUES = new ConcurrentHashMap<>();

    private QueueStore() {
    }

    /** A new, empty queue; its id. */
    public static long create() {
        long id = NEXT_ID.getAndIncrement();
        QUEUES.put(id, new LinkedBlockingDeque<>());
        return id;
    }

    /** Appends an encoded item. */
    public static void put(long id, byte[] item) {
        queue(id).addLast(item);
    }

    /** Takes the oldest item, waiting up to {@code timeoutNanos} (negative: forever); null on timeout. */
    public static byte[] take(long id, long timeoutNanos) throws InterruptedException {
        LinkedBlockingDeque<byte[]> queue = queue(id);
        return timeoutNanos < 0 ? queue.takeFirst() : queue.pollFirst(timeoutNanos, TimeUnit.NANOSECONDS);
    }

    /** Puts back an item that was taken but could not be delivered, so it is not lost. */
    static void giveBack(long id, byte[] item) {
        queue(id).addFirst(item);
    }

    private static LinkedBlockingDeque<byte[]> queue(long id) {
        LinkedBlockingDeque<byte[]> queue = QUEUES.get(id);
        if (queue == null) {
            throw new IllegalArgumentException("no queue " + id + " in process " + ProcessHandle.current().pid());
        }
        return queue;
    }
}
