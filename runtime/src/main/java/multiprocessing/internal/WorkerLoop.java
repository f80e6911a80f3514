package multiprocessing.internal;

import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import multiprocessing.RemoteTraceback;
import multiprocessing.Task;

/**
 * A pool worker's life: connect to the parent's hub, then run one batch of tasks at a time until the
 * pool says stop or the connection ends.
 */
final class WorkerLoop {
    private WorkerLoop() {
    }

    static void run(Bootstrap bootstrap) throws IOException {
        Hub.Connection parent = Hub.connect(bootstrap.hub(), Hub.WORKER, bootstrap.launchId());
        try {
            while (true) {
                byte type = parent.in.readByte();
                if (type == WorkerProtocol.SHUTDOWN) {
                    break;
                }
                if (type != WorkerProtocol.TASK) {
                    throw new IOException("unexpected message type " + type);
                }
                long batchId = parent.in.readLong();
                String function = parent.in.readUTF();
                byte[] task = Wire.readBlock(parent.in);
                byte[] arguments = Wire.readBlock(parent.in);
                runBatch(parent.out, bootstrap.poolId(), batchId, function, task, arguments);
            }
        } catch (EOFException e) {
            // the pool closed the connection: nothing more to do
        }
        ChildMain.exit(0);
    }

    @SuppressWarnings("unchecked")
    private static void runBatch(DataOutputStream out, long poolId, long batchId, String function,
                                 byte[] taskBytes, byte[] argumentBytes) throws IOException {
        long start = Trace.nowMicros();
        byte[] payload;
        boolean ok;
        int items = 0;
        try {
            Task<Object, Object> task = (Task<Object, Object>) Codec.decode(taskBytes);
            List<Object> arguments = (List<Object>) Codec.decode(argumentBytes);
            items = arguments.size();
            // Said before the task runs: a task that never returns still shows in the trace, as a
            // task_start without its task.
            traceStart(poolId, batchId, function, items);
            List<Object> results = new ArrayList<>(items);
            for (Object argument : arguments) {
                results.add(task.apply(argument));
            }
            payload = Codec.encode(results, "the result of " + function);
            ok = true;
        } catch (Throwable failure) {
            payload = encodeFailure(failure);
            ok = false;
        }
        // Items a task put on a queue must be in the queue before its result arrives.
        QueueClient.flushAll();
        System.out.flush();
        System.err.flush();
        long end = Trace.nowMicros();
        if (Trace.ENABLED) {
            Trace.event("task").field("pool", poolId).field("batch", batchId).field("function", function)
                    .field("items", items).field("start_us", start).field("end_us", end).field("ok", ok).write();
        }
        synchronized (out) {
            out.writeByte(WorkerProtocol.RESULT);
            out.writeLong(batchId);
            out.writeLong(start);
            out.writeLong(end);
            out.writeLong(ChildMain.stdoutBytes());
            out.writeLong(ChildMain.stderrBytes());
            out.writeBoolean(ok);
            Wire.writeBlock(out, payload);
            out.flush();
        }
    }

    private static void traceStart(long poolId, long batchId, String function, int items) {
        if (Trace.ENABLED) {
            Trace.event("task_start").field("pool", poolId).field("batch", batchId).field("function", function)
                    .field("items", items).write();
        }
    }

    /** The exception itself when it travels; a {@link RemoteTraceback} with the same facts when not. */
    private static byte[] encodeFailure(Throwable failure) {
        try {
            byte[] bytes = Codec.encode(failure, "the exception");
            Codec.decode(bytes);
            return bytes;
        } catch (RuntimeException notTransferable) {
            return Codec.encode(new RemoteTraceback(failure), "the exception");
        }
    }
}
