package multiprocessing.internal;

/**
 * The messages between a queue's owner and the other processes that use it.
 *
 * <pre>
 * client to owner  PUT   long queueId, block item               (no reply: puts are pipelined)
 *                  GET   long requestId, long queueId, long timeoutNanos (negative: no timeout)
 *                  SYNC  long requestId                          (answered once earlier puts are in)
 * owner to client  REPLY long requestId, byte status, block item (item only for ITEM)
 * </pre>
 * One connection carries a client's puts in order, which keeps each producer's items in FIFO order.
 */
final class QueueProtocol {
    static final byte PUT = 1;
    static final byte GET = 2;
    static final byte SYNC = 3;

    static final byte ITEM = 1;
    static final byte EMPTY = 2;
    static final byte DONE = 3;
    static final byte ERROR = 4;

    private QueueProtocol() {
    }
}
