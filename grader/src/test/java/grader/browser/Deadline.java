package grader.browser;

import java.time.Duration;

/**
 * One timeout shared by the several protocol commands that make up a single page call, so that a
 * click made of five commands still ends within the click's timeout rather than five times it.
 */
final class Deadline {
    private final Duration total;
    private final long endNanos;

    private Deadline(Duration total) {
        this.total = total;
        this.endNanos = System.nanoTime() + total.toNanos();
    }

    /** A deadline {@code total} from now. */
    static Deadline in(Duration total) {
        return new Deadline(total);
    }

    /** The whole time allowed, for messages. */
    Duration total() {
        return total;
    }

    /** The time left, never negative. */
    Duration remaining() {
        return Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
    }

    /** Whether no time is left. */
    boolean passed() {
        return endNanos - System.nanoTime() <= 0;
    }

    /** The timeout failure for this deadline: waited for the whole time for {@code what}. */
    BrowserTimeoutException timeout(String what) {
        return new BrowserTimeoutException(total, what);
    }
}
