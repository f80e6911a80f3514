package grader.browser;

/**
 * Something went wrong in the browser: Chromium refused a command, a page's script threw, or the
 * browser went away. Unchecked, because a test can do nothing about it but fail.
 */
public class BrowserException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A failure described by {@code message}. */
    public BrowserException(String message) {
        super(message);
    }

    /** A failure described by {@code message}, caused by {@code cause}. */
    public BrowserException(String message, Throwable cause) {
        super(message, cause);
    }
}
