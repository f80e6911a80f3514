package multiprocessing.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Counts the bytes that reached the stream below, so the parent can wait until it has seen them all. */
final class CountingOutputStream extends FilterOutputStream {
    private volatile long count;

    CountingOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public synchronized void write(int b) throws IOException {
        out.write(b);
        count++;
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        count += len;
    }

    long count() {
        return count;
    }
}
