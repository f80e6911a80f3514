package multiprocessing.internal;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Turns the values that cross a process boundary into bytes and back.
 *
 * <p>The lab sends numbers, strings, lists of them and ranges millions of times, so those have a
 * {@link CompactForm} of their own, nested lists included; a method reference travels as the names of
 * its method ({@link MethodReference}); everything else uses Java serialization. Every form decodes to
 * the same value: an {@code ArrayList<Integer>} comes back as one.
 */
public final class Codec {
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
     * @throws multiprocessing.MessageTooLargeException if the bytes would pass {@link Wire#MAX_BLOCK}
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
        ByteSink out = new ByteSink(what, 128);
        out.putByte(METHOD_REFERENCE);
        reference.write(out);
        return out.toByteArray();
    }

    private static byte[] encode(Object value, String what, String advice) {
        ByteSink out = new ByteSink(what, 64);
        if (CompactForm.fits(value)) {
            CompactForm.write(out, value);
        } else {
            out.putByte(SERIALIZED);
            try {
                JavaSerialization.write(out, value, what, advice);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Wire.requireFits(out.size(), what);
        return out.toByteArray();
    }

    /** The value that {@link #encode} or {@link #encodeFunction} turned into {@code bytes}. */
    public static Object decode(byte[] bytes) {
        ByteSource in = new ByteSource(bytes);
        try {
            byte tag = in.getByte();
            switch (tag) {
                case SERIALIZED:
                    return JavaSerialization.read(in);
                case METHOD_REFERENCE:
                    return resolve(MethodReference.read(in));
                default:
                    return CompactForm.read(in, tag, 0);
            }
        } catch (IOException | ReflectiveOperationException e) {
            throw new IllegalStateException("cannot decode a value sent by another process: " + e, e);
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
