package multiprocessing;

import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import multiprocessing.internal.Outcome;

/**
 * The result of work handed to a {@link Pool} without waiting: Python's {@code AsyncResult}, and a
 * {@link Future} for Java code.
 *
 * <p>It becomes ready only after the task's callback (if any) has returned, so after {@link #await()}
 * everything the callback printed is already printed. Unlike {@link Future}, every method here throws
 * unchecked exceptions only: {@link TaskFailedException} when the task failed, {@link WaitTimeoutException}
 * when a timed wait ran out.
 *
 * @param <T> the result type
 */
public final class AsyncResult<T> implements Future<T> {
    private final Outcome<T> outcome;

    AsyncResult(Outcome<T> outcome) {
        this.outcome = outcome;
    }

    /** Waits until the result is ready: Python's {@code wait()}. Does not throw if the task failed. */
    public void await() {
        outcome.await(-1);
    }

    /** Waits at most {@code timeout}; whether the result is ready. */
    public boolean await(long timeout, TimeUnit unit) {
        return outcome.await(Math.max(0, unit.toNanos(timeout)));
    }

    /**
     * Waits for the result and returns it.
     *
     * @throws TaskFailedException if the task raised an exception (its cause) or its worker died
     */
    @Override
    public T get() {
        return outcome.get();
    }

    /**
     * Waits at most {@code timeout} for the result.
     *
     * @throws WaitTimeoutException if it is not ready in time (Python's {@code TimeoutError})
     * @throws TaskFailedException  if the task failed
     */
    @Override
    public T get(long timeout, TimeUnit unit) {
        if (!await(timeout, unit)) {
            throw new WaitTimeoutException(outcome.description() + " is not ready after " + timeout + " "
                    + unit.name().toLowerCase());
        }
        return outcome.get();
    }

    /** Whether the result (or failure) is in and its callback has run: Python's {@code ready()}. */
    public boolean ready() {
        return outcome.isDone();
    }

    /**
     * Whether the task finished without an exception: Python's {@code successful()}.
     *
     * @throws IllegalStateException if the result is not ready yet (Python raises {@code ValueError})
     */
    public boolean successful() {
        if (!ready()) {
            throw new IllegalStateException(outcome.description() + " is not ready yet: call await() first");
        }
        return outcome.succeeded();
    }

    /** Same as {@link #ready()}. */
    @Override
    public boolean isDone() {
        return ready();
    }

    /** Pool tasks cannot be cancelled one by one (as in Python); use {@link Pool#terminate()}. Returns false. */
    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        return false;
    }

    /** Always false: see {@link #cancel(boolean)}. */
    @Override
    public boolean isCancelled() {
        return false;
    }

    @Override
    public String toString() {
        return "AsyncResult[" + outcome.description() + (ready() ? ", ready]" : ", pending]");
    }
}
