package multiprocessing;

import java.io.Serializable;
import java.util.concurrent.TimeUnit;
import multiprocessing.internal.Codec;
import multiprocessing.internal.Hub;
import multiprocessing.internal.QueueClient;
import multiprocessing.internal.QueueStore;
import multiprocessing.internal.Trace;

/**
 * A first-in, first-out queue that several processes share: Python's {@code multiprocessing.Queue}.
 *
 * <p>Create it in the main program and pass it to a {@link Process} as its argument. The queue lives
 * in the process that created it (its owner); the others reach it over a loopback socket. Items are
 * copied, as if sent by post: changing an object after {@code put} does not change the queued copy.
 * Items from one producer arrive in the order they were put. {@code put(null)} is allowed: the lab
 * uses {@code null} as its "no more items" sentinel.
 *
 * @param <T> the item type; items must be {@link Serializable}
 */
public final class Queue<T> implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Hub.Address owner;
    private final long id;

    /** A new, empty queue owned by this process. */
    public Queue() {
        this.owner = Hub.get().address();
        this.id = QueueStore.create();
    }

    /** Appends {@code item} (which may be {@code null}); never blocks. */
    public void put(T item) {
        byte[] encoded = Codec.encode(item, "a Queue item");
        if (isLocal()) {
            QueueStore.put(id, encoded);
        } else {
            QueueClient.of(owner).put(id, encoded);
        }
        Trace.queuePut(id);
        if (item == null) {
            Trace.queueNull(id, "put");
        }
    }

    /**
     * Removes and returns the oldest item, waiting as long as it takes for one to arrive.
     *
     * @throws MultiprocessingException if the queue's owner has exited
     */
    public T get() {
        return take(-1).item;
    }

    /**
     * Removes and returns the oldest item, waiting at most {@code timeout}: Python's {@code get(timeout=...)}.
     *
     * @throws WaitTimeoutException if no item arrived in time (Python's {@code queue.Empty})
     */
    public T get(long timeout, TimeUnit unit) {
        if (timeout < 0) {
            throw new IllegalArgumentException("timeout must not be negative, got " + timeout);
        }
        Taken<T> taken = take(unit.toNanos(timeout));
        if (!taken.present) {
            throw new WaitTimeoutException("Queue.get: no item arrived within " + timeout + " "
                    + unit.name().toLowerCase() + "; is the producer running, and did it put anything?");
        }
        return taken.item;
    }

    @SuppressWarnings("unchecked")
    private Taken<T> take(long timeoutNanos) {
        byte[] encoded;
        if (isLocal()) {
            try {
                encoded = QueueStore.take(id, timeoutNanos);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MultiprocessingException("interrupted while waiting on a Queue", e);
            }
        } else {
            encoded = QueueClient.of(owner).get(id, timeoutNanos);
        }
        if (encoded == null) {
            return new Taken<>(false, null);
        }
        Trace.queueGet(id);
        T item = (T) Codec.decode(encoded);
        if (item == null) {
            Trace.queueNull(id, "get");
        }
        return new Taken<>(true, item);
    }

    private boolean isLocal() {
        return Hub.isLocal(owner);
    }

    @Override
    public String toString() {
        return "Queue-" + id + " (owned by pid " + owner.pid() + ")";
    }

    private record Taken<T>(boolean present, T item) {
    }
}
