package multiprocessing.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
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
    private static final byte METHOD_REFERENCE = 10;

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
     * As {@link #encode}, for a task or a Process target. A method reference (or a lambda that captures
     * nothing) travels as the names of its method, which the receiver looks up without Java
     * serialization; anything else is serialized, and the advice for what cannot be is about code (a
     * method reference), not about data.
     */
    public static byte[] encodeFunction(Object function, String what) {
        MethodReference reference = function == null ? null : MethodReference.of(function);
        if (reference == null) {
            return encode(function, what, FUNCTION_ADVICE);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(METHOD_REFERENCE);
            reference.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
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
        } catch (IOException | ReflectiveOperationException e) {
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
            JavaSerialization.write(out, value, what, advice);
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

    private static Object read(DataInputStream in) throws IOException, ReflectiveOperationException {
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
                return JavaSerialization.read(in);
            case METHOD_REFERENCE:
                return resolve(MethodReference.read(in));
            default:
                throw new IOException("unknown value tag " + tag);
        }
    }

    /** Looks the method up as serialization looks classes up: the thread's context loader first. */
    private static ReflectiveFunction resolve(MethodReference reference) throws ReflectiveOperationException {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null) {
            try {
                return reference.resolve(context, true);
            } catch (ClassNotFoundException ignored) {
                // fall back to this runtime's own loader below
            }
        }
        return reference.resolve(Codec.class.getClassLoader(), true);
    }
}
