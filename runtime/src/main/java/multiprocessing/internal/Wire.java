package multiprocessing.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import multiprocessing.MessageTooLargeException;

/** Length-prefixed byte blocks on the sockets between processes, with a sane upper bound. */
public final class Wire {
    /**
     * The largest message between processes: 1 GiB. A task, its items, its result, a Queue item or a
     * Process argument beyond it is refused with {@link MessageTooLargeException}; no honest message of
     * this runtime comes close, and a bound keeps a corrupt length from allocating without limit.
     */
    public static final int MAX_BLOCK = 1 << 30;

    private Wire() {
    }

    /** Writes a length and the bytes. */
    public static void writeBlock(DataOutputStream out, byte[] block) throws IOException {
        out.writeInt(block.length);
        out.write(block);
    }

    /**
     * Refuses a message of {@code length} bytes over {@link #MAX_BLOCK}, naming {@code what} it holds,
     * before it is sent: over the limit, the receiver would take it for a corrupt stream.
     */
    public static void requireFits(long length, String what) {
        if (length > MAX_BLOCK) {
            throw new MessageTooLargeException(what + " takes " + length + " bytes between processes, more than"
                    + " the limit of " + MAX_BLOCK + " bytes (1 GiB) for one message. Send less at once: split"
                    + " the work into more tasks, or return a summary instead of everything.");
        }
    }

    /** Reads what {@link #writeBlock} wrote. */
    public static byte[] readBlock(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_BLOCK) {
            throw new IOException("corrupt message: block length " + length);
        }
        byte[] block = new byte[length];
        in.readFully(block);
        return block;
    }
}
