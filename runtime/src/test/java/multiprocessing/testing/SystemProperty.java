package multiprocessing.testing;

import java.util.function.Supplier;

/**
 * Runs code with a system property changed, then restores the previous value (or its absence), so
 * that no later test sees the change.
 */
public final class SystemProperty {
    private SystemProperty() {
    }

    /** Runs {@code body} with {@code name} set to {@code value}; its result. */
    public static <T> T with(String name, String value, Supplier<T> body) {
        String previous = System.getProperty(name);
        System.setProperty(name, value);
        try {
            return body.get();
        } finally {
            if (previous == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, previous);
            }
        }
    }

    /** Runs {@code body} with {@code extra} appended to the value of {@code name}, after a space. */
    public static <T> T withAppended(String name, String extra, Supplier<T> body) {
        String current = System.getProperty(name, "");
        return with(name, current.isBlank() ? extra : current + " " + extra, body);
    }
}
