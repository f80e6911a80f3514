package multiprocessing.testing;

import java.util.List;

/**
 * A value written out with the class of every part, such as {@code ArrayList[Integer 1, null, Long 2]}:
 * two values with the same shape are equal element by element and class by class, at every depth,
 * which {@code equals} alone does not promise ({@code List.equals} ignores the classes of lists, and a
 * Long 2 differs from an Integer 2 only by class).
 */
public final class Shapes {
    private Shapes() {
    }

    /** The shape of {@code value}. */
    public static String of(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof List<?> list && !(value instanceof multiprocessing.Range)) {
            StringBuilder text = new StringBuilder(value.getClass().getSimpleName()).append('[');
            for (int i = 0; i < list.size(); i++) {
                text.append(i == 0 ? "" : ", ").append(list.get(i) == list ? "(itself)" : of(list.get(i)));
            }
            return text.append(']').toString();
        }
        if (value instanceof Double d) {
            return "Double " + Long.toHexString(Double.doubleToRawLongBits(d));
        }
        return value.getClass().getSimpleName() + " " + value;
    }
}
