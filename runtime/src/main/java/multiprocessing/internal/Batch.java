package multiprocessing.internal;

/**
 * A slice of a job that one worker runs in one go: Python's chunk.
 *
 * @param id        unique in its pool, echoed back by the worker
 * @param job       the job it belongs to
 * @param offset    index of its first item within the job
 * @param size      how many items it holds
 * @param task      the encoded task
 * @param arguments the encoded list of its items
 */
record Batch(long id, Job<?> job, int offset, int size, byte[] task, byte[] arguments) {

    /** For messages: "lab.Square.square on 3 items". */
    String describe() {
        return job.function() + (size == 1 ? " on 1 item" : " on " + size + " items");
    }
}
