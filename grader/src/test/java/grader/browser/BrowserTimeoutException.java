package grader.browser;

import java.time.Duration;

/**
 * A call to the browser did not finish in time. The message says how long was waited and for what,
 * so a failing test reads as "timed out after 10 s waiting for #save to be clickable".
 */
public class BrowserTimeoutException extends BrowserException {
    private static final long serialVersionUID = 1L;

    /** Timed out after {@code waited} waiting for {@code what}. */
    public BrowserTimeoutException(Duration waited, String what) {
        super("timed out after " + describe(waited) + " waiting for " + what);
    }

    /** {@code duration} as people write it: "10 s" or "250 ms". */
    static String describe(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
