package multiprocessing.internal;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The owner's side of a queue connection: applies puts in order and answers gets, each blocking get
 * on a thread of its own so that one waiting consumer never holds up another client.
 */
final class QueueService {
    private static final ExecutorService WAITERS = Executors.newCachedThreadPool(body -> {
        Thread thread = new Thread(body, "multiprocessing-queue-get");
        thread.setDaemon(true);
        return thread;
    });

    private QueueService() {
    }

    /** Serves one client connection until it closes; runs on the connection's own thread. */
    static void serve(Hub.Connection client) {
        try (client) {
            while (true) {
                byte type = client.in.readByte();
                switch (type) {
                    case QueueProtocol.PUT -> QueueStore.put(client.in.readLong(), Wire.readBlock(client.in));
                    case QueueProtocol.GET -> {
                        long requestId = client.in.readLong();
                        long queueId = client.in.readLong();
                        long timeoutNanos = client.in.readLong();
                        WAITERS.execute(() -> answerGet(client.out, requestId, queueId, timeoutNanos));
                    }
                    case QueueProtocol.SYNC -> reply(client.out, client.in.readLong(), QueueProtocol.DONE, null);
                    default -> throw new IOException("unexpected queue message " + type);
                }
            }
        } catch (IOException | RuntimeException e) {
            // the client went away, or sent garbage: either way this connection is over
        }
    }

    private static void answerGet(DataOutputStream out, long requestId, long queueId, long timeoutNanos) {
        byte[] item;
        try {
            item = QueueStore.take(queueId, timeoutNanos);
        } catch (InterruptedException | RuntimeException e) {
            tryReply(out, requestId, QueueProtocol.ERROR, String.valueOf(e.getMessage()).getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (item == null) {
            tryReply(out, requestId, QueueProtocol.EMPTY, null);
        } else if (!tryReply(out, requestId, QueueProtocol.ITEM, item)) {
            // The consumer died while it waited: the item goes back to the front, not into the void.
            QueueStore.giveBack(queueId, item);
        }
    }

    private static boolean tryReply(DataOutputStream out, long requestId, byte status, byte[] item) {
        try {
            reply(out, requestId, status, item);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void reply(DataOutputStream out, long requestId, byte status, byte[] item) throws IOException {
        synchronized (out) {
            out.writeLong(requestId);
            out.writeByte(status);
            if (item != null) {
                Wire.writeBlock(out, item);
            }
            out.flush();
        }
    }
}
