package multiprocessing.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import multiprocessing.Callback;
import multiprocessing.ErrorCallback;
import multiprocessing.TaskFailedException;

/**
 * One call of {@code map} or {@code applyAsync}: its batches' results, its callbacks and its
 * {@link Outcome}. Every method runs on the pool's callback thread, one at a time, which is what makes
 * callbacks sequential and lets the outcome become ready only after the callback returned.
 *
 * @param <R> the result type the caller sees
 */
final class Job<R> {
    private final long id;
    private final Outcome<R> outcome;
    private final Callback<? super R> callback;
    private final ErrorCallback errorCallback;
    private final String function;
    private final boolean single;
    private final Object[] results;
    private int batchesLeft;
    private volatile boolean finished;

    Job(long id, Outcome<R> outcome, Callback<? super R> callback, ErrorCallback errorCallback, String function,
        int items, int batches, boolean single) {
        this.id = id;
        this.outcome = outcome;
        this.callback = callback;
        this.errorCallback = errorCallback;
        this.function = function;
        this.single = single;
        this.results = new Object[items];
        this.batchesLeft = batches;
    }

    /** Its number within its pool, for the trace. */
    long id() {
        return id;
    }

    Outcome<R> outcome() {
        return outcome;
    }

    /** How many items it works on: 1 for {@code apply}. */
    int items() {
        return results.length;
    }

    /** The callback's name for the trace, such as {@code lab.SlowSquare.callback}; null without one. */
    String callbackName() {
        return callback == null ? null : TaskNames.describe(callback);
    }

    String function() {
        return function;
    }

    /** Whether the outcome is settled; later batches of a failed job need not run. */
    boolean finished() {
        return finished;
    }

    /** Stores one batch's results; the last one completes the job. */
    void batchSucceeded(int offset, List<?> values, long poolId) {
        if (finished) {
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            results[offset + i] = values.get(i);
        }
        if (--batchesLeft <= 0) {
            succeed(poolId);
        }
    }

    @SuppressWarnings("unchecked")
    void succeed(long poolId) {
        R value = (R) (single ? results[0] : new ArrayList<>(Arrays.asList(results)));
        finished = true;
        if (callback != null) {
            try {
                callback.accept(value);
            } catch (Throwable e) {
                // Also said on stderr: a program that only calls await() would otherwise never hear of it.
                TaskFailedException failure = new TaskFailedException("the callback for " + function + " raised " + e, e);
                System.err.println("multiprocessing: " + failure.getMessage());
                e.printStackTrace();
                traceCallback(poolId, callback);
                traceDone(poolId, false);
                outcome.fail(failure);
                return;
            }
            traceCallback(poolId, callback);
        }
        traceDone(poolId, true);
        outcome.succeed(value);
    }

    /** Fails the job (once), after running its error callback. */
    void fail(TaskFailedException failure, long poolId) {
        if (finished) {
            return;
        }
        finished = true;
        if (errorCallback != null) {
            try {
                errorCallback.accept(failure);
            } catch (Throwable e) {
                failure.addSuppressed(e);
            } finally {
                traceCallback(poolId, errorCallback);
            }
        }
        traceDone(poolId, false);
        outcome.fail(failure);
    }

    /**
     * Says the job is settled, before the waiting caller can wake: a program that waits for each result
     * before it submits the next shows in the trace as a job_done that comes before the next submit.
     */
    private void traceDone(long poolId, boolean ok) {
        if (Trace.ENABLED) {
            Trace.event("job_done").field("pool", poolId).field("job", id).field("ok", ok).write();
        }
    }

    private void traceCallback(long poolId, Object which) {
        if (Trace.ENABLED) {
            Trace.event("callback").field("pool", poolId).field("function", function)
                    .field("callback", TaskNames.describe(which)).write();
        }
    }
}
