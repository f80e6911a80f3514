package grader.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads one output stream of a sandboxed run to its end, keeping only the first bytes, so a run that
 * floods its output cannot make the grader run out of memory. The total of all streams of a run is
 * shared, so the sandbox can stop the run once it passes the cap.
 */
final class BoundedCapture {
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final int keep;
    private final AtomicLong runTotal;
    private final Thread reader;
    private volatile boolean truncated;

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
                    int room = keep - kept.size();
                    if (room > 0) {
                        kept.write(buffer, 0, Math.min(room, read));
                    }
                    if (read > room) {
                        truncated = true;
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

    /** What was kept, as text; a note marks where it was cut. */
    String text() {
        synchronized (kept) {
            String text = kept.toString(StandardCharsets.UTF_8);
            return truncated ? text + "\n[... output cut here by the grader ...]\n" : text;
        }
    }
}
