package multiprocessing;

import java.io.Serializable;
import java.util.AbstractList;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * Python's {@code range} as a lazy, immutable {@code List<Integer>}.
 *
 * <p>{@code range(10)} holds three numbers, not ten elements, so {@code pool.map(f, range(10_000_000))}
 * costs no memory for its input and a chunk of it travels to a worker as three numbers (start, stop, step). Like Python, the
 * stop value is exclusive and a non-positive step counts down.
 *
 * <pre>{@code
 * import static multiprocessing.Range.range;
 * range(5);         // [0, 1, 2, 3, 4]
 * range(2, 5);      // [2, 3, 4]
 * range(10, 0, -3); // [10, 7, 4, 1]
 * }</pre>
 */
public final class Range extends AbstractList<Integer> implements RandomAccess, Serializable {
    private static final long serialVersionUID = 1L;

    private final int start;
    private final int stop;
    private final int step;
    private final int size;

    private Range(int start, int stop, int step) {
        if (step == 0) {
            throw new IllegalArgumentException("range() step must not be zero: use a positive step to count up"
                    + " or a negative one to count down");
        }
        this.start = start;
        this.stop = stop;
        this.step = step;
        long span = step > 0 ? (long) stop - start : (long) start - stop;
        long stride = Math.abs((long) step);
        long count = span <= 0 ? 0 : (span + stride - 1) / stride;
        if (count > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("range(" + start + ", " + stop + ", " + step
                    + ") has more than Integer.MAX_VALUE elements, which a Java List cannot index");
        }
        this.size = (int) count;
    }

    /** The numbers {@code 0, 1, ..., stop - 1}; empty when {@code stop <= 0}. */
    public static Range range(int stop) {
        return new Range(0, stop, 1);
    }

    /** The numbers {@code start, start + 1, ..., stop - 1}; empty when {@code stop <= start}. */
    public static Range range(int start, int stop) {
        return new Range(start, stop, 1);
    }

    /** The numbers from {@code start} towards {@code stop} (exclusive) in steps of {@code step}. */
    public static Range range(int start, int stop, int step) {
        return new Range(start, stop, step);
    }

    /** The first number, whether or not the range is empty. */
    public int start() {
        return start;
    }

    /** The stop value as given (exclusive), as Python's {@code range.stop}. */
    public int stop() {
        return stop;
    }

    /** The difference between two neighbours. */
    public int step() {
        return step;
    }

    @Override
    public Integer get(int index) {
        Objects.checkIndex(index, size);
        return at(index);
    }

    private int at(int index) {
        return (int) (start + (long) index * step);
    }

    @Override
    public int size() {
        return size;
    }

    /** A sub-range: still lazy, so chunks of a large range stay cheap. */
    @Override
    public Range subList(int fromIndex, int toIndex) {
        Objects.checkFromToIndex(fromIndex, toIndex, size);
        if (fromIndex == toIndex) {
            return new Range(0, 0, 1);
        }
        // Python's slice: range(0, 10, 2)[1:3] is range(2, 6, 2); the last element + 1 where that overflows.
        long pythonStop = start + (long) toIndex * step;
        int subStop = pythonStop == (int) pythonStop ? (int) pythonStop : at(toIndex - 1) + (step > 0 ? 1 : -1);
        return new Range(at(fromIndex), subStop, step);
    }

    @Override
    public boolean contains(Object o) {
        return indexOf(o) >= 0;
    }

    @Override
    public int indexOf(Object o) {
        if (!(o instanceof Integer) || size == 0) {
            return -1;
        }
        long offset = (long) (Integer) o - start;
        if (offset % step != 0) {
            return -1;
        }
        long index = offset / step;
        return index >= 0 && index < size ? (int) index : -1;
    }

    @Override
    public int lastIndexOf(Object o) {
        return indexOf(o);
    }

    /** Python's spelling: {@code range(0, 10)} or {@code range(0, 10, 2)}. */
    @Override
    public String toString() {
        return step == 1 ? "range(" + start + ", " + stop + ")" : "range(" + start + ", " + stop + ", " + step + ")";
    }
}
