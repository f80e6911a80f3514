package multiprocessing;

/**
 * A value too large to travel between processes in one message (more than 1 GiB once encoded): a
 * task's items, its result, a {@link Queue} item or a {@link Process} argument. The message says which
 * and how large; send less at once.
 */
public class MessageTooLargeException extends MultiprocessingException {
    private static final long serialVersionUID = 1L;

    /** A value described by {@code message} that did not fit. */
    public MessageTooLargeException(String message) {
        super(message);
    }
}
