package multiprocessing.internal;

/**
 * The messages between a pool and its workers, each a type byte then its fields.
 *
 * <pre>
 * parent to worker  TASK     long batchId, UTF function name, block task, block arguments
 *                   SHUTDOWN
 * worker to parent  RESULT   long batchId, long startMicros, long endMicros, long stdoutBytes,
 *                            long stderrBytes, boolean ok, block results-or-exception
 * </pre>
 * Blocks are {@link Wire} blocks holding {@link Codec} values.
 */
final class WorkerProtocol {
    static final byte TASK = 1;
    static final byte SHUTDOWN = 2;
    static final byte RESULT = 3;

    private WorkerProtocol() {
    }
}
