package multiprocessing.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import multiprocessing.Range;

/**
 * Turns the values that cross a process boundary into bytes and back.
 *
 * <p>The lab sends numbers, lists of numbers and ranges millions of times, so those have a compact
 * form of their own (a tag byte and the raw values); everything else uses Java serialization. The
 * compact forms decode to the same values: an {@code ArrayList<Integer>} comes back as one.
 */
public final class Codec {
    private static final byte NULL = 0;
    private static final byte INT = 1;
    private static final byte LONG = 2;
    private static final byte STRING = 3;
    private static final byte INT_LIST = 4;
    private static final byte LONG_LIST = 5;
    private static final byte RANGE = 6;
    private static final byte SERIALIZED = 9;

    /** Said when data cannot be sent; a task or a target gets {@link #FUNCTION_ADVICE} instead. */
    private static final String DATA_ADVICE = "Send only values that can travel: numbers, strings, lists of them,"
            + " and records or classes that implement Serializable.";
    private static final String FUNCTION_ADVICE = "Pass a method reference (such as Square::square) or a lambda that"
            + " captures only serializable values (numbers, strings, lists, records that implement Serializable).";

    private Codec() {
    }

    /**
     * The bytes of {@code value}.
     *
     * @throws IllegalArgumentException if the value (or something it holds or captures) cannot be
     *     serialized; the message names the class that stopped it
     */
    public static byte[] encode(Object value, String what) {
        return encode(value, what, DATA_ADVICE);
    }

    /**
     * As {@link #encode}, for a task or a Process target: the advice for what cannot be sent is about
     * code (a method reference), not about data.
     */
    public static byte[] encodeFunction(Object function, String what) {
        return encode(function, what, FUNCTION_ADVICE);
    }

    private static byte[] encode(Object value, String what, String advice) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            write(out, value, what, advice);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Wire.requireFits(bytes.size(), what);
        return bytes.toByteArray();
    }

    /** The value that {@link #encode} turned into {@code bytes}. */
    public static Object decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            return read(in);
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("cannot decode a value sent by another process: " + e, e);
        }
    }

    private static void write(DataOutputStream out, Object value, String what, String advice) throws IOException {
        if (value == null) {
            out.writeByte(NULL);
        } else if (value instanceof Integer i) {
            out.writeByte(INT);
            out.writeInt(i);
        } else if (value instanceof Long l) {
            out.writeByte(LONG);
            out.writeLong(l);
        } else if (value instanceof String s && s.length() < 16_000) {
            out.writeByte(STRING);
            out.writeUTF(s);
        } else if (value instanceof Range r) {
            out.writeByte(RANGE);
            out.writeInt(r.start());
            out.writeInt(r.stop());
            out.writeInt(r.step());
        } else if (value instanceof ArrayList<?> list && allOf(list, Integer.class)) {
            out.writeByte(INT_LIST);
            out.writeInt(list.size());
            for (Object o : list) {
                out.writeInt((Integer) o);
            }
        } else if (value instanceof ArrayList<?> list && allOf(list, Long.class)) {
            out.writeByte(LONG_LIST);
            out.writeInt(list.size());
            for (Object o : list) {
                out.writeLong((Long) o);
            }
        } else {
            out.writeByte(SERIALIZED);
            serialize(out, value, what, advice);
        }
    }

    private static boolean allOf(List<?> list, Class<?> type) {
        if (list.isEmpty()) {
            return false;
        }
        for (Object o : list) {
            if (o == null || o.getClass() != type) {
                return false;
            }
        }
        return true;
    }

    private static void serialize(DataOutputStream out, Object value, String what, String advice)
            throws IOException {
        try {
            ObjectOutputStream objects = new ObjectOutputStream(out);
            objects.writeObject(value);
            objects.flush();
        } catch (NotSerializableException | InvalidClassException e) {
            throw new IllegalArgumentException(what + " cannot be sent to another process: it holds an object of "
                    + e.getMessage() + ", which is not Serializable. " + advice, e);
        }
    }

    private static Object read(DataInputStream in) throws IOException, ClassNotFoundException {
        byte tag = in.readByte();
        switch (tag) {
            case NULL:
                return null;
            case INT:
                return in.readInt();
            case LONG:
                return in.readLong();
            case STRING:
                return in.readUTF();
            case RANGE:
                return Range.range(in.readInt(), in.readInt(), in.readInt());
            case INT_LIST: {
                int size = in.readInt();
                ArrayList<Integer> list = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    list.add(in.readInt());
                }
                return list;
            }
            case LONG_LIST: {
                int size = in.readInt();
                ArrayList<Long> list = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    list.add(in.readLong());
                }
                return list;
            }
            case SERIALIZED:
                return new ContextObjectInputStream(in).readObject();
            default:
                throw new IOException("unknown value tag " + tag);
        }
    }

    /** Resolves classes with the thread's context loader too, so tasks from IDE or test loaders decode. */
    private static final class ContextObjectInputStream extends ObjectInputStream {
        ContextObjectInputStream(DataInputStream in) throws IOException {
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
