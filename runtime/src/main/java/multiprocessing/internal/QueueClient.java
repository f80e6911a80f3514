package multiprocessing.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import multiprocessing.MultiprocessingException;

/**
 * This process's connection to the owner of one or more queues that live in another process.
 *
 * <p>Puts are written without waiting for an answer and flushed by a background thread, so a
 * producer runs at the speed of the pipe; {@link #flushAll()} waits until the owner has every put,
 * and a child calls it before it reports a result or exits, so no item is ever lost on the way.
 */
public final class QueueClient {
    private static final Map<Hub.Address, QueueClient> CLIENTS = new ConcurrentHashMap<>();

    private final Hub.Address owner;
    private final Hub.Connection connection;
    private final Map<Long, CompletableFuture<Reply>> pending = new ConcurrentHashMap<>();
    private final AtomicLong nextRequest = new AtomicLong();
    private final Thread flusher;
    private volatile boolean dirty;
    private volatile String brokenBecause;

    private QueueClient(Hub.Address owner) throws IOException {
        this.owner = owner;
        this.connection = Hub.connect(owner, Hub.QUEUE_CLIENT, 0);
        ExitHook.install();
        Daemons.start("multiprocessing-queue-replies", this::readReplies);
        this.flusher = Daemons.start("multiprocessing-queue-flush", this::flushLoop);
    }

    /** The connection to {@code owner}, opened on first use. */
    public static QueueClient of(Hub.Address owner) {
        QueueClient client = CLIENTS.get(owner);
        if (client != null) {
            return client;
        }
        synchronized (CLIENTS) {
            return CLIENTS.computeIfAbsent(owner, address -> {
                try {
                    return new QueueClient(address);
                } catch (IOException e) {
                    throw ownerGone(address, e);
                }
            });
        }
    }

    /** Sends an encoded item; returns before the owner has it (see {@link #flushAll()}). */
    public void put(long queueId, byte[] item) {
        checkUsable();
        try {
            synchronized (connection.out) {
                connection.out.writeByte(QueueProtocol.PUT);
                connection.out.writeLong(queueId);
                Wire.writeBlock(connection.out, item);
            }
        } catch (IOException e) {
            throw broken(e);
        }
        dirty = true;
        LockSupport.unpark(flusher);
    }

    /** Takes the oldest item, waiting up to {@code timeoutNanos} (negative: forever); null on timeout. */
    public byte[] get(long queueId, long timeoutNanos) {
        Reply reply = request(QueueProtocol.GET, queueId, timeoutNanos);
        return reply.status == QueueProtocol.ITEM ? reply.item : null;
    }

    /** Waits until the owner has applied every put this process sent to any queue. */
    public static void flushAll() {
        for (QueueClient client : CLIENTS.values()) {
            if (client.brokenBecause == null) {
                client.request(QueueProtocol.SYNC, 0, 0);
            }
        }
    }

    /** Hands over every pending put (as far as the owners are there), then closes the connections. */
    static void closeAll() {
        for (QueueClient client : CLIENTS.values()) {
            try {
                if (client.brokenBecause == null) {
                    client.request(QueueProtocol.SYNC, 0, 0);
                }
            } catch (RuntimeException ownerGone) {
                // nothing more can be delivered
            }
            client.brokenBecause = "this process is exiting";
            client.connection.close();
        }
    }

    private Reply request(byte type, long queueId, long timeoutNanos) {
        checkUsable();
        long requestId = nextRequest.incrementAndGet();
        CompletableFuture<Reply> answer = new CompletableFuture<>();
        pending.put(requestId, answer);
        try {
            synchronized (connection.out) {
                connection.out.writeByte(type);
                connection.out.writeLong(requestId);
                if (type == QueueProtocol.GET) {
                    connection.out.writeLong(queueId);
                    connection.out.writeLong(timeoutNanos);
                }
                connection.out.flush();
            }
            // No timeout of our own here: the owner decides, so an item it hands over is never dropped.
            Reply reply = answer.get();
            if (reply.status == QueueProtocol.ERROR) {
                throw new MultiprocessingException("the queue's owner (pid " + owner.pid() + ") refused the request: "
                        + new String(reply.item, StandardCharsets.UTF_8));
            }
            return reply;
        } catch (IOException e) {
            throw broken(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MultiprocessingException("interrupted while waiting on a queue", e);
        } catch (ExecutionException e) {
            throw ownerGone(owner, e.getCause());
        } finally {
            pending.remove(requestId);
        }
    }

    private void readReplies() {
        try {
            while (true) {
                long requestId = connection.in.readLong();
                byte status = connection.in.readByte();
                byte[] item = status == QueueProtocol.ITEM || status == QueueProtocol.ERROR
                        ? Wire.readBlock(connection.in) : null;
                CompletableFuture<Reply> answer = pending.get(requestId);
                if (answer != null) {
                    answer.complete(new Reply(status, item));
                }
            }
        } catch (IOException e) {
            brokenBecause = "the connection closed";
            pending.values().forEach(answer -> answer.completeExceptionally(e));
        }
    }

    private void flushLoop() {
        while (brokenBecause == null) {
            LockSupport.park(this);
            if (dirty) {
                dirty = false;
                try {
                    synchronized (connection.out) {
                        connection.out.flush();
                    }
                } catch (IOException e) {
                    brokenBecause = e.getMessage();
                }
            }
        }
    }

    private void checkUsable() {
        if (brokenBecause != null) {
            throw ownerGone(owner, null);
        }
    }

    private MultiprocessingException broken(IOException e) {
        brokenBecause = e.getMessage();
        return ownerGone(owner, e);
    }

    private static MultiprocessingException ownerGone(Hub.Address owner, Throwable cause) {
        return new MultiprocessingException("this Queue's owner, the process that created it (pid " + owner.pid()
                + "), has exited, so the queue and its items are gone. Create the Queue in the main program and"
                + " keep that program running until the processes that use the queue have been joined.", cause);
    }

    private record Reply(byte status, byte[] item) {
    }
}
