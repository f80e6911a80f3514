package multiprocessing.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads what a {@link ByteSink} wrote, straight from the array. Reading past the end is an
 * {@link EOFException}, as from a {@link java.io.DataInputStream}. It is an {@link InputStream} too, for
 * Java serialization's fallback.
 */
final class ByteSource extends InputStream {
    private final byte[] bytes;
    private int position;

    ByteSource(byte[] bytes) {
        this.bytes = bytes;
    }

    private int take(int count) throws EOFException {
        int at = position;
        if (count > bytes.length - at) {
            throw new EOFException("the value ends after " + bytes.length + " bytes, in the middle of a field");
        }
        position = at + count;
        return at;
    }

    byte getByte() throws EOFException {
        return bytes[take(1)];
    }

    short getShort() throws EOFException {
        int at = take(2);
        return (short) ((bytes[at] << 8) | (bytes[at + 1] & 0xFF));
    }

    int getInt() throws EOFException {
        int at = take(4);
        byte[] b = bytes;
        return (b[at] << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }

    long getLong() throws EOFException {
        return ((long) getInt() << 32) | (getInt() & 0xFFFFFFFFL);
    }

    /** A count written before that many elements: refused when the bytes left cannot hold them. */
    int getCount(int bytesEach) throws IOException {
        int count = getInt();
        if (count < 0 || (long) count * bytesEach > bytes.length - position) {
            throw new IOException("corrupt value: a count of " + count + " with " + (bytes.length - position)
                    + " bytes left");
        }
        return count;
    }

    /** What {@link ByteSink#putString} wrote. */
    String getString() throws IOException {
        int length = getCount(1);
        char[] chars = new char[length];
        byte[] b = bytes;
        int at = position;
        try {
            for (int i = 0; i < length; i++) {
                int first = b[at++] & 0xFF;
                if (first < 0x80) {
                    chars[i] = (char) first;
                } else if (first < 0xE0) {
                    chars[i] = (char) (((first & 0x1F) << 6) | (b[at++] & 0x3F));
                } else {
                    chars[i] = (char) (((first & 0x0F) << 12) | ((b[at++] & 0x3F) << 6) | (b[at++] & 0x3F));
                }
            }
        } catch (ArrayIndexOutOfBoundsException e) {
            throw new EOFException("the value ends in the middle of a string");
        }
        position = at;
        return new String(chars);
    }

    @Override
    public int read() {
        return position < bytes.length ? bytes[position++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        int count = Math.min(len, bytes.length - position);
        if (count <= 0) {
            return -1;
        }
        System.arraycopy(bytes, position, b, off, count);
        position += count;
        return count;
    }

    @Override
    public int available() {
        return bytes.length - position;
    }
}
