package multiprocessing.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Copies a child's standard output (or error) to this process's, one whole line at a time.
 *
 * <p>Each line goes out in one {@code write} on the current {@code System.out}, which
 * {@link PrintStream} keeps whole, so lines from several children and from the parent itself never
 * mix mid-line. The pump counts the bytes it has passed on, so that the pool can wait until a task's
 * output is printed before it runs the task's callback.
 */
public final class OutputPump {
    /** A line longer than this is passed on in pieces rather than held in memory. */
    private static final int MAX_LINE = 64 * 1024;

    private final InputStream source;
    private final Supplier<PrintStream> target;
    private long bytesPassed;
    private boolean finished;

    private OutputPump(InputStream source, Supplier<PrintStream> target) {
        this.source = source;
        this.target = target;
    }

    /** Starts pumping {@code source} to whatever {@code target} returns at each line. */
    public static OutputPump start(String name, InputStream source, Supplier<PrintStream> target) {
        OutputPump pump = new OutputPump(source, target);
        Daemons.start(name, pump::run);
        return pump;
    }

    private void run() {
        byte[] chunk = new byte[8192];
        byte[] line = new byte[256];
        int lineLength = 0;
        try (source) {
            int read;
            while ((read = source.read(chunk)) >= 0) {
                for (int i = 0; i < read; i++) {
                    if (lineLength == line.length) {
                        if (line.length >= MAX_LINE) {
                            emit(line, lineLength);
                            lineLength = 0;
                        } else {
                            line = Arrays.copyOf(line, line.length * 2);
                        }
                    }
                    line[lineLength++] = chunk[i];
                    if (chunk[i] == '\n') {
                        emit(line, lineLength);
                        lineLength = 0;
                    }
                }
                passed(read);
            }
        } catch (IOException e) {
            // the child is gone; what it wrote so far has been passed on
        } finally {
            if (lineLength > 0) {
                emit(line, lineLength);
            }
            synchronized (this) {
                finished = true;
                notifyAll();
            }
        }
    }

    private void emit(byte[] line, int length) {
        PrintStream out = target.get();
        out.write(line, 0, length);
        out.flush();
    }

    private synchronized void passed(int count) {
        bytesPassed += count;
        notifyAll();
    }

    /** How many bytes the child wrote to this stream so far. */
    public synchronized long bytesPassed() {
        return bytesPassed;
    }

    /** Waits until {@code count} bytes have been passed on or the stream ended; false on timeout. */
    public synchronized boolean awaitBytes(long count, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (bytesPassed < count && !finished) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }

    /** Waits until the child closed the stream (it exited); false on timeout. */
    public synchronized boolean awaitEnd(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (!finished) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }
}
