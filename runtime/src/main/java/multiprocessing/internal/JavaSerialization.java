package multiprocessing.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.OutputStream;

/**
 * The {@link Codec}'s fallback for values without a compact form: Java serialization. A class of its
 * own, so that a process that never needs it (a worker given only method references and numbers) never
 * loads {@code ObjectInputStream} and everything it drags in.
 */
final class JavaSerialization {
    private JavaSerialization() {
    }

    /**
     * Writes {@code value} to {@code out}.
     *
     * @throws IllegalArgumentException naming {@code what} and the class that is not serializable,
     *     followed by {@code advice}
     */
    static void write(OutputStream out, Object value, String what, String advice) throws IOException {
        try {
            ObjectOutputStream objects = new ObjectOutputStream(out);
            objects.writeObject(value);
            objects.flush();
        } catch (NotSerializableException | InvalidClassException e) {
            throw new IllegalArgumentException(what + " cannot be sent to another process: it holds an object of "
                    + e.getMessage() + ", which is not Serializable. " + advice, e);
        }
    }

    /** Reads what {@link #write} wrote. */
    static Object read(InputStream in) throws IOException, ClassNotFoundException {
        return new ContextObjectInputStream(in).readObject();
    }

    /** Resolves classes with the thread's context loader too, so tasks from IDE or test loaders decode. */
    private static final class ContextObjectInputStream extends ObjectInputStream {
        ContextObjectInputStream(InputStream in) throws IOException {
            super(in);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            if (context != null) {
                try {
                    return Class.forName(desc.getName(), false, context);
                } catch (ClassNotFoundException ignored) {
                    // fall back to the default resolution below
                }
            }
            return super.resolveClass(desc);
        }
    }
}
