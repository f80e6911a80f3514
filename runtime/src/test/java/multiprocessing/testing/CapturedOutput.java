package multiprocessing.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Replaces {@code System.out} and {@code System.err} with in-memory streams until {@link #close()}.
 *
 * <p>The runtime's output pumps look up {@code System.out} and {@code System.err} at every line, so
 * what child processes print while a capture is active lands here.
 */
public final class CapturedOutput implements AutoCloseable {
    private final PrintStream originalOut = System.out;
    private final PrintStream originalErr = System.err;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private CapturedOutput(long nanosPerWrite) {
        System.setOut(stream(out, nanosPerWrite));
        System.setErr(stream(err, nanosPerWrite));
    }

    private static PrintStream stream(ByteArrayOutputStream sink, long nanosPerWrite) {
        if (nanosPerWrite <= 0) {
            return new PrintStream(sink, true, StandardCharsets.UTF_8);
        }
        return new PrintStream(sink, true, StandardCharsets.UTF_8) {
            @Override
            public void write(byte[] bytes, int offset, int length) {
                LockSupport.parkNanos(nanosPerWrite);
                super.write(bytes, offset, length);
            }
        };
    }

    /** Starts capturing both streams. */
    public static CapturedOutput start() {
        return new CapturedOutput(0);
    }

    /**
     * Starts capturing both streams into a slow console that takes {@code perWrite} for every write,
     * so that a child's output lags behind the child, as on a busy terminal: a test can then tell
     * whether the runtime waits for that output.
     */
    public static CapturedOutput startSlow(Duration perWrite) {
        return new CapturedOutput(perWrite.toNanos());
    }

    /**
     * Runs {@code body} with both streams captured and thrown away: for tests whose code prints
     * expected complaints (a stack trace, a JVM's error) that would only clutter the build log.
     */
    public static <T> T quietly(Supplier<T> body) {
        CapturedOutput discarded = start();
        try {
            return body.get();
        } finally {
            discarded.close();
        }
    }

    /** Everything printed on standard output so far. */
    public String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Everything printed on standard error so far. */
    public String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** The complete lines printed on standard output so far. */
    public List<String> stdoutLines() {
        return stdout().lines().toList();
    }

    /** The complete lines printed on standard error so far. */
    public List<String> stderrLines() {
        return stderr().lines().toList();
    }

    /** Puts the original streams back. */
    @Override
    public void close() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }
}
