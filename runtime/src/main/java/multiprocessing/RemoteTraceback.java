package multiprocessing;

/**
 * Stands in for an exception from another process that could not be sent as it was, for example
 * because one of its fields is not serializable. It keeps what a reader needs: the original type's
 * name, its message and its stack frames, the way Python's {@code RemoteTraceback} does.
 */
public class RemoteTraceback extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String remoteType;

    /** A copy of {@code original} that only holds strings and stack frames, so it always travels. */
    public RemoteTraceback(Throwable original) {
        super(original.getClass().getName() + (original.getMessage() == null ? "" : ": " + original.getMessage()),
                original.getCause() == null || original.getCause() == original ? null
                        : new RemoteTraceback(original.getCause()));
        this.remoteType = original.getClass().getName();
        setStackTrace(original.getStackTrace());
    }

    /** The fully qualified class name of the exception in the other process. */
    public String remoteType() {
        return remoteType;
    }
}
