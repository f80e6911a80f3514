package multiprocessing.internal;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import multiprocessing.MultiprocessingException;

/**
 * The result of submitted work, filled in once by the pool and read by any number of threads.
 * {@code AsyncResult} is its public face.
 *
 * @param <T> the result type
 */
public final class Outcome<T> {
    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread callbackThread;
    private final String description;
    private volatile T value;
    private volatile RuntimeException failure;

    Outcome(Thread callbackThread, String description) {
        this.callbackThread = callbackThread;
        this.description = description;
    }

    /** What this is the result of, for messages: "map of lab.Square.square over 10 items". */
    public String description() {
        return description;
    }

    synchronized void succeed(T result) {
        if (done.getCount() > 0) {
            value = result;
            done.countDown();
        }
    }

    synchronized void fail(RuntimeException error) {
        if (done.getCount() > 0) {
            failure = error;
            done.countDown();
        }
    }

    /** Whether the result (or failure) is in, callbacks included. */
    public boolean isDone() {
        return done.getCount() == 0;
    }

    /** Whether it is done and did not fail. */
    public boolean succeeded() {
        return isDone() && failure == null;
    }

    /** Waits up to {@code nanos} (negative: forever); whether it is done. */
    public boolean await(long nanos) {
        if (isDone()) {
            return true;
        }
        if (Thread.currentThread() == callbackThread) {
            throw new IllegalStateException("waiting for " + description + " inside a callback of the same pool would"
                    + " wait forever: that pool runs its callbacks one at a time on this very thread. Wait for results"
                    + " in the main program instead.");
        }
        try {
            if (nanos < 0) {
                done.await();
                return true;
            }
            return done.await(nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MultiprocessingException("interrupted while waiting for " + description, e);
        }
    }

    /** The result once done; throws the failure if it failed. */
    public T get() {
        await(-1);
        if (failure != null) {
            throw failure;
        }
        return value;
    }
}
