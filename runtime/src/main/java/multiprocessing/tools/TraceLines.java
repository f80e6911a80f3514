package multiprocessing.tools;

import java.io.IOException;
import java.io.Reader;

/**
 * Cuts a trace into lines without trusting its size: it stops after a number of lines or characters,
 * and skips (and counts) lines too long to be the runtime's, without ever holding more than
 * {@link #MAX_LINE_CHARS} of one in memory. An honest trace has a few hundred short lines.
 */
final class TraceLines {
    /** Most lines read from one trace. */
    static final int MAX_LINES = 200_000;
    /** Most characters read from one trace: 64 Mi. */
    static final long MAX_CHARS = 64L * 1024 * 1024;
    /** Longest line kept; the runtime's lines are a few hundred characters. */
    static final int MAX_LINE_CHARS = 16_384;

    private final Reader in;
    private final int maxLines;
    private final long maxChars;
    private final char[] buffer = new char[8_192];
    private int position;
    private int limit;
    private long chars;
    private int lines;
    private int tooLong;
    private boolean cut;

    /** Lines of {@code in} within the default caps. */
    TraceLines(Reader in) {
        this(in, MAX_LINES, MAX_CHARS);
    }

    /** Lines of {@code in}, at most {@code maxLines} of them from at most {@code maxChars} characters. */
    TraceLines(Reader in, int maxLines, long maxChars) {
        this.in = in;
        this.maxLines = maxLines;
        this.maxChars = maxChars;
    }

    /**
     * The next line without its line break (possibly empty), or null at the end of the trace or of
     * what the caps allow. Lines longer than {@link #MAX_LINE_CHARS} are skipped and counted.
     */
    String next() throws IOException {
        while (true) {
            if (lines == maxLines) {
                cut |= peek() >= 0;
                return null;
            }
            StringBuilder line = new StringBuilder();
            boolean any = false;
            boolean overflow = false;
            int c;
            while ((c = read()) >= 0 && c != '\n') {
                any = true;
                if (line.length() < MAX_LINE_CHARS) {
                    line.append((char) c);
                } else {
                    overflow = true;
                }
            }
            if (c < 0 && !any) {
                return null;
            }
            lines++;
            if (!overflow) {
                return line.toString();
            }
            tooLong++;
        }
    }

    /** Lines skipped because they were too long. */
    int tooLong() {
        return tooLong;
    }

    /** Whether a cap stopped the reading before the end of the trace. */
    boolean cut() {
        return cut;
    }

    private int read() throws IOException {
        int c = peek();
        if (c >= 0) {
            position++;
            chars++;
        }
        return c;
    }

    private int peek() throws IOException {
        if (position == limit) {
            int read = in.read(buffer);
            position = 0;
            limit = Math.max(read, 0);
            if (read <= 0) {
                return -1;
            }
        }
        if (chars == maxChars) {
            cut = true;
            return -1;
        }
        return buffer[position];
    }
}
