package multiprocessing.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** Length-prefixed byte blocks on the sockets between processes, with a sane upper bound. */
public final class Wire {
    /** Larger blocks are refused: no honest message of this runtime comes close. */
    private static final int MAX_BLOCK = 1 << 30;

    private Wire() {
    }

    /** Writes a length and the bytes. */
    public static void writeBlock(DataOutputStream out, byte[] block) throws IOException {
        out.writeInt(block.length);
        out.write(block);
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
