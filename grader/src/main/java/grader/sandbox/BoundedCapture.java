package grader.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads one output stream of a sandboxed run to its end, keeping only the first bytes, so a run that
 * floods its output cannot make the grader run out of memory. The total of all streams of a run is
 * shared, so the sandbox can stop the run once it passes the cap. What is left out is counted, and
 * the kept text ends with a note that says how much was cut and after which line.
 */
public final class BoundedCapture {
    /** How the note at a cut begins; messages look for it to say which stream overflowed. */
    public static final String CUT_NOTE = "[... output cut here by the grader";

    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final int keep;
    private final AtomicLong runTotal;
    private final Thread reader;
    private volatile boolean truncated;
    private long droppedBytes;
    private long droppedLines;

    BoundedCapture(InputStream stream, int keep, AtomicLong runTotal, String name) {
        this.keep = keep;
        this.runTotal = runTotal;
        this.reader = new Thread(() -> pump(stream), name);
        this.reader.setDaemon(true);
        this.reader.start();
    }

    private void pump(InputStream stream) {
        byte[] buffer = new byte[16 * 1024];
        try (stream) {
            int read;
            while ((read = stream.read(buffer)) >= 0) {
                runTotal.addAndGet(read);
                synchronized (kept) {
                    int room = Math.max(0, keep - kept.size());
                    int taken = Math.min(room, read);
                    kept.write(buffer, 0, taken);
                    if (read > taken) {
                        truncated = true;
                        droppedBytes += read - taken;
                        for (int i = taken; i < read; i++) {
                            if (buffer[i] == '\n') {
                                droppedLines++;
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            // the process is gone; what was read is kept
        }
    }

    /** Waits up to {@code millis} for the stream to end. */
    void awaitEnd(long millis) throws InterruptedException {
        reader.join(millis);
    }

    /**
     * What was kept, as text. A note marks where it was cut: how many more lines (and bytes) followed,
     * and after which line, for example {@code [... output cut here by the grader: 1,999,500 more lines
     * (96 MB) after line 4,211 were left out ...]}.
     */
    String text() {
        synchronized (kept) {
            String text = kept.toString(StandardCharsets.UTF_8);
            if (!truncated) {
                return text;
            }
            long keptLines = text.chars().filter(c -> c == '\n').count();
            return text + (text.endsWith("\n") ? "" : "\n") + CUT_NOTE + String.format(Locale.ROOT,
                    ": %,d more line%s (%s) after line %,d %s left out ...]\n", droppedLines, droppedLines == 1 ? "" : "s",
                    size(droppedBytes), keptLines, droppedLines == 1 ? "was" : "were");
        }
    }

    private static String size(long bytes) {
        return bytes >= 1 << 20 ? String.format(Locale.ROOT, "%,d MB", bytes >> 20)
                : bytes >= 1 << 10 ? String.format(Locale.ROOT, "%,d KB", bytes >> 10) : bytes + " bytes";
    }
}
