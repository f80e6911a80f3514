package multiprocessing.internal;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Covers {@link OutputPump} on its own: it passes a stream on one whole line per write, looks up its
 * target at every line, keeps a last line without a line break, cuts only lines above 64 KiB, and
 * counts the bytes it has passed on so that callers can wait for them.
 */
@DisplayName("OutputPump")
class OutputPumpTest {
    private static final long WAIT_MILLIS = 10_000;

    /** A PrintStream that records each write it gets, to see how the pump cuts its output. */
    private static final class RecordingStream extends PrintStream {
        final List<String> writes = new ArrayList<>();

        RecordingStream() {
            super(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        }

        @Override
        public synchronized void write(byte[] buf, int off, int len) {
            writes.add(new String(buf, off, len, StandardCharsets.UTF_8));
        }

        synchronized List<String> writes() {
            return List.copyOf(writes);
        }

        synchronized String text() {
            return String.join("", writes);
        }
    }

    private static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("writes each line whole, in one write")
    void oneWritePerLine() throws Exception {
        RecordingStream target = new RecordingStream();
        OutputPump pump = OutputPump.start("test-pump", bytes("one\ntwo\nthree\n"), () -> target);
        assertTrue(pump.awaitEnd(WAIT_MILLIS));
        assertEquals(List.of("one\n", "two\n", "three\n"), target.writes());
    }

    @Test
    @DisplayName("passes on a last line without a line break when the stream ends")
    void lastLineWithoutBreak() throws Exception {
        RecordingStream target = new RecordingStream();
        OutputPump pump = OutputPump.start("test-pump", bytes("done\nno break"), () -> target);
        assertTrue(pump.awaitEnd(WAIT_MILLIS));
        assertEquals(List.of("done\n", "no break"), target.writes());
    }

    @Test
    @DisplayName("keeps a line of 60000 characters whole")
    void longLineWhole() throws Exception {
        RecordingStream target = new RecordingStream();
        String line = "z".repeat(60_000) + "\n";
        OutputPump pump = OutputPump.start("test-pump", bytes(line), () -> target);
        assertTrue(pump.awaitEnd(WAIT_MILLIS));
        assertEquals(List.of(line), target.writes());
    }

    @Test
    @DisplayName("passes a line above 64 KiB on in pieces, losing nothing")
    void hugeLineInPieces() throws Exception {
        RecordingStream target = new RecordingStream();
        String line = "q".repeat(200_000) + "\n";
        OutputPump pump = OutputPump.start("test-pump", bytes(line), () -> target);
        assertTrue(pump.awaitEnd(WAIT_MILLIS));
        assertAll(() -> assertEquals(line, target.text()),
                () -> assertTrue(target.writes().size() > 1, "expected pieces"),
                () -> assertTrue(target.writes().stream().allMatch(w -> w.length() <= 64 * 1024), "a piece too big"));
    }

    @Test
    @DisplayName("looks up its target at every line")
    void targetPerLine() throws Exception {
        RecordingStream first = new RecordingStream();
        RecordingStream second = new RecordingStream();
        AtomicReference<PrintStream> current = new AtomicReference<>(first);
        PipedOutputStream writer = new PipedOutputStream();
        PipedInputStream source = new PipedInputStream(writer);
        OutputPump pump = OutputPump.start("test-pump", source, current::get);
        writer.write("to first\n".getBytes(StandardCharsets.UTF_8));
        writer.flush();
        assertTrue(pump.awaitBytes(9, WAIT_MILLIS));
        current.set(second);
        writer.write("to second\n".getBytes(StandardCharsets.UTF_8));
        writer.close();
        assertTrue(pump.awaitEnd(WAIT_MILLIS));
        assertAll(() -> assertEquals(List.of("to first\n"), first.writes()),
                () -> assertEquals(List.of("to second\n"), second.writes()));
    }

    @Test
    @DisplayName("awaitBytes and awaitEnd time out while the stream stays open and quiet")
    void timeouts() throws Exception {
        PipedOutputStream writer = new PipedOutputStream();
        OutputPump pump = OutputPump.start("test-pump", new PipedInputStream(writer), RecordingStream::new);
        try {
            assertAll(() -> assertFalse(pump.awaitBytes(1, 30)), () -> assertFalse(pump.awaitEnd(30)),
                    () -> assertTrue(pump.awaitBytes(0, 30), "zero bytes are always there"));
        } finally {
            writer.close();
        }
    }

    @Test
    @DisplayName("awaitBytes returns once the stream has ended, even if fewer bytes came")
    void awaitBytesAfterEnd() throws Exception {
        OutputPump pump = OutputPump.start("test-pump", bytes("abc"), RecordingStream::new);
        assertTrue(pump.awaitEnd(WAIT_MILLIS));
        assertTrue(pump.awaitBytes(1_000, 30));
    }

    @Test
    @DisplayName("a failing stream ends the pump, keeping what came before")
    void failingStream() throws Exception {
        RecordingStream target = new RecordingStream();
        InputStream failing = new InputStream() {
            private final InputStream start = bytes("before\npartial");

            @Override
            public int read() throws IOException {
                int b = start.read();
                if (b < 0) {
                    throw new IOException("pipe broke");
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int off, int len) throws IOException {
                int n = start.read(buffer, off, len);
                if (n < 0) {
                    throw new IOException("pipe broke");
                }
                return n;
            }
        };
        OutputPump pump = OutputPump.start("test-pump", failing, () -> target);
        assertTrue(pump.awaitEnd(WAIT_MILLIS));
        assertEquals(List.of("before\n", "partial"), target.writes());
    }

    @Test
    @DisplayName("counts every byte it passed on")
    void countsBytes() throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream target = new PrintStream(sink, true, StandardCharsets.UTF_8);
        OutputPump pump = OutputPump.start("test-pump", bytes("12345\n678"), () -> target);
        assertTrue(pump.awaitEnd(WAIT_MILLIS));
        assertAll(() -> assertTrue(pump.awaitBytes(9, 30)),
                () -> assertEquals("12345\n678", sink.toString(StandardCharsets.UTF_8)));
    }
}
