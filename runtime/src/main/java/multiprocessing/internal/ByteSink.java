package multiprocessing.internal;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * A growing byte array that the {@link Codec} writes values into, big-endian like
 * {@link java.io.DataOutputStream}, but without a synchronized call per byte: a list of five million
 * numbers is twenty million bytes, and {@code ByteArrayOutputStream} behind a {@code DataOutputStream}
 * made each of them a method call and a lock. It is an {@link OutputStream} too, for Java
 * serialization's fallback.
 *
 * <p>It refuses to grow past {@link Wire#MAX_BLOCK} at once, with the message of
 * {@link Wire#requireFits}, instead of building a message that could never be sent.
 */
final class ByteSink extends OutputStream {
    private final String what;
    private byte[] bytes;
    private int size;

    /** @param what what is being encoded, for the message when it is too large */
    ByteSink(String what, int initialCapacity) {
        this.what = what;
        this.bytes = new byte[initialCapacity];
    }

    /** Makes room for {@code more} bytes. */
    void reserve(long more) {
        long needed = size + more;
        if (needed > bytes.length) {
            Wire.requireFits(needed, what);
            long doubled = Math.max(needed, 2L * bytes.length);
            bytes = Arrays.copyOf(bytes, (int) Math.min(doubled, Wire.MAX_BLOCK));
        }
    }

    void putByte(int value) {
        reserve(1);
        bytes[size++] = (byte) value;
    }

    void putShort(int value) {
        reserve(2);
        bytes[size++] = (byte) (value >>> 8);
        bytes[size++] = (byte) value;
    }

    void putInt(int value) {
        reserve(4);
        byte[] b = bytes;
        int at = size;
        b[at] = (byte) (value >>> 24);
        b[at + 1] = (byte) (value >>> 16);
        b[at + 2] = (byte) (value >>> 8);
        b[at + 3] = (byte) value;
        size = at + 4;
    }

    void putLong(long value) {
        putInt((int) (value >>> 32));
        putInt((int) value);
    }

    /**
     * A string of any length, exactly: its length in chars, then each char as in modified UTF-8 (one byte
     * for ASCII, at most three for any char, unpaired surrogates included), so it comes back equal.
     */
    void putString(String value) {
        int length = value.length();
        putInt(length);
        long worst = 3L * length;
        reserve(size + worst <= Wire.MAX_BLOCK ? worst : encodedLength(value));
        byte[] b = bytes;
        int at = size;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c >= 0x0001 && c <= 0x007F) {
                b[at++] = (byte) c;
            } else if (c <= 0x07FF) {
                b[at++] = (byte) (0xC0 | (c >> 6));
                b[at++] = (byte) (0x80 | (c & 0x3F));
            } else {
                b[at++] = (byte) (0xE0 | (c >> 12));
                b[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                b[at++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        size = at;
    }

    private static long encodedLength(String value) {
        long length = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            length += c >= 0x0001 && c <= 0x007F ? 1 : c <= 0x07FF ? 2 : 3;
        }
        return length;
    }

    @Override
    public void write(int b) {
        putByte(b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        reserve(len);
        System.arraycopy(b, off, bytes, size, len);
        size += len;
    }

    /** How many bytes were written. */
    int size() {
        return size;
    }

    /** The bytes written, in an array of their exact length. */
    byte[] toByteArray() {
        return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
    }
}
