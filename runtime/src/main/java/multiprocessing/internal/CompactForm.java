package multiprocessing.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Map;
import multiprocessing.Range;

/**
 * The {@link Codec}'s own wire format for the values the lab sends most: {@code null}, boxed numbers,
 * booleans, characters, strings, {@link Range}s, and {@code ArrayList}s of these, nested to any
 * reasonable depth. Each value is a tag byte and its raw bits; a list of only Integers (or only Longs)
 * drops the tag per element.
 *
 * <p><b>Exactly the same value comes back.</b> Every element keeps its class, nulls stay nulls, and a
 * list comes back as an {@code ArrayList} of the same elements in the same order. A value the format
 * could not give back exactly is left to Java serialization, whole: a subclass of ArrayList or any
 * other list class (an unmodifiable list must stay unmodifiable), a list that holds itself or the same
 * list twice (serialization keeps that sharing), or lists nested deeper than {@link #MAX_DEPTH}.
 */
final class CompactForm {
    static final byte NULL = 0;
    static final byte INT = 1;
    static final byte LONG = 2;
    static final byte STRING = 3;
    static final byte INT_LIST = 4;
    static final byte LONG_LIST = 5;
    static final byte RANGE = 6;
    static final byte LIST = 7;
    static final byte DOUBLE = 8;
    static final byte FLOAT = 11;
    static final byte SHORT = 12;
    static final byte BYTE = 13;
    static final byte CHAR = 14;
    static final byte TRUE = 15;
    static final byte FALSE = 16;

    /** Deeper lists go to serialization: the writer and reader recurse once per level. */
    static final int MAX_DEPTH = 100;

    private CompactForm() {
    }

    /** Whether {@code value} has a compact form that gives back exactly the same value. */
    static boolean fits(Object value) {
        return isLeaf(value) || value.getClass() == ArrayList.class && fitsList((ArrayList<?>) value, 0,
                new IdentityHashMap<>());
    }

    private static boolean fitsList(ArrayList<?> list, int depth, Map<Object, Object> seen) {
        if (depth >= MAX_DEPTH || seen.put(list, list) != null) {
            return false;
        }
        for (Object element : list) {
            if (!isLeaf(element)
                    && (element.getClass() != ArrayList.class || !fitsList((ArrayList<?>) element, depth + 1, seen))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLeaf(Object value) {
        if (value == null) {
            return true;
        }
        Class<?> type = value.getClass();
        return type == Integer.class || type == Long.class || type == String.class || type == Double.class
                || type == Range.class || type == Boolean.class || type == Float.class || type == Short.class
                || type == Byte.class || type == Character.class;
    }

    /** Writes a value that {@link #fits}. */
    static void write(ByteSink out, Object value) {
        if (value == null) {
            out.putByte(NULL);
        } else if (value instanceof Integer i) {
            out.putByte(INT);
            out.putInt(i);
        } else if (value instanceof Long l) {
            out.putByte(LONG);
            out.putLong(l);
        } else if (value instanceof String s) {
            out.putByte(STRING);
            out.putString(s);
        } else if (value instanceof Double d) {
            out.putByte(DOUBLE);
            out.putLong(Double.doubleToRawLongBits(d));
        } else if (value instanceof ArrayList<?> list) {
            writeList(out, list);
        } else {
            writeRare(out, value);
        }
    }

    private static void writeRare(ByteSink out, Object value) {
        if (value instanceof Range r) {
            out.putByte(RANGE);
            out.putInt(r.start());
            out.putInt(r.stop());
            out.putInt(r.step());
        } else if (value instanceof Boolean b) {
            out.putByte(b ? TRUE : FALSE);
        } else if (value instanceof Float f) {
            out.putByte(FLOAT);
            out.putInt(Float.floatToRawIntBits(f));
        } else if (value instanceof Short s) {
            out.putByte(SHORT);
            out.putShort(s);
        } else if (value instanceof Byte b) {
            out.putByte(BYTE);
            out.putByte(b);
        } else if (value instanceof Character c) {
            out.putByte(CHAR);
            out.putShort(c);
        } else {
            throw new IllegalArgumentException("no compact form for " + value.getClass().getName());
        }
    }

    private static void writeList(ByteSink out, ArrayList<?> list) {
        int size = list.size();
        if (allOf(list, Integer.class)) {
            out.putByte(INT_LIST);
            out.putInt(size);
            out.reserve(4L * size);
            for (int i = 0; i < size; i++) {
                out.putInt((Integer) list.get(i));
            }
        } else if (allOf(list, Long.class)) {
            out.putByte(LONG_LIST);
            out.putInt(size);
            out.reserve(8L * size);
            for (int i = 0; i < size; i++) {
                out.putLong((Long) list.get(i));
            }
        } else {
            out.putByte(LIST);
            out.putInt(size);
            for (int i = 0; i < size; i++) {
                write(out, list.get(i));
            }
        }
    }

    private static boolean allOf(ArrayList<?> list, Class<?> type) {
        int size = list.size();
        if (size == 0) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            Object element = list.get(i);
            if (element == null || element.getClass() != type) {
                return false;
            }
        }
        return true;
    }

    /** Reads the value whose tag was just read; throws for a tag that is not one of this format's. */
    static Object read(ByteSource in, byte tag, int depth) throws IOException {
        switch (tag) {
            case NULL:
                return null;
            case INT:
                return in.getInt();
            case LONG:
                return in.getLong();
            case STRING:
                return in.getString();
            case DOUBLE:
                return Double.longBitsToDouble(in.getLong());
            case INT_LIST:
                return readInts(in);
            case LONG_LIST:
                return readLongs(in);
            case LIST:
                return readList(in, depth);
            case RANGE:
                return Range.range(in.getInt(), in.getInt(), in.getInt());
            case TRUE:
                return Boolean.TRUE;
            case FALSE:
                return Boolean.FALSE;
            case FLOAT:
                return Float.intBitsToFloat(in.getInt());
            case SHORT:
                return in.getShort();
            case BYTE:
                return in.getByte();
            case CHAR:
                return (char) in.getShort();
            default:
                throw new IOException("unknown value tag " + tag);
        }
    }

    private static ArrayList<Integer> readInts(ByteSource in) throws IOException {
        int size = in.getCount(4);
        ArrayList<Integer> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(in.getInt());
        }
        return list;
    }

    private static ArrayList<Long> readLongs(ByteSource in) throws IOException {
        int size = in.getCount(8);
        ArrayList<Long> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(in.getLong());
        }
        return list;
    }

    private static ArrayList<Object> readList(ByteSource in, int depth) throws IOException {
        if (depth >= MAX_DEPTH) {
            throw new IOException("corrupt value: lists nested deeper than " + MAX_DEPTH);
        }
        int size = in.getCount(1);
        ArrayList<Object> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(read(in, in.getByte(), depth + 1));
        }
        return list;
    }
}
