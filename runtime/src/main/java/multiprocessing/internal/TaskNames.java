package multiprocessing.internal;

import java.lang.invoke.SerializedLambda;
import java.util.Collection;

/**
 * Readable names for tasks and targets, such as {@code lab.Square.square}, for messages and the trace.
 * A method reference compiles to a serializable lambda whose {@link SerializedLambda} names the method
 * it points at.
 */
public final class TaskNames {
    private TaskNames() {
    }

    /** {@code Class.method} for a lambda or method reference; the class name for anything else. */
    public static String describe(Object function) {
        SerializedLambda lambda = MethodReference.serializedForm(function);
        if (lambda != null) {
            return lambda.getImplClass().replace('/', '.') + "." + lambda.getImplMethodName();
        }
        // an ordinary class implementing the interface
        return function.getClass().getName();
    }

    /** How many elements of a collection argument {@link #call} shows. */
    static final int SHOWN_ELEMENTS = 10;

    /**
     * One call for messages, such as {@code lab.Square.square(7)}. A big collection argument shows its
     * first {@value #SHOWN_ELEMENTS} elements and its size: written out whole, a list of five million
     * numbers cost seconds for a text nobody reads.
     */
    static String call(String function, Object argument) {
        StringBuilder text = new StringBuilder(function).append('(');
        if (argument instanceof Collection<?> collection && collection.size() > SHOWN_ELEMENTS) {
            text.append('[');
            int shown = 0;
            for (Object element : collection) {
                if (shown == SHOWN_ELEMENTS) {
                    break;
                }
                text.append(shown++ == 0 ? "" : ", ").append(element == collection ? "(this Collection)" : element);
            }
            text.append(", ...] (").append(collection.size()).append(" elements)");
        } else {
            text.append(argument);
        }
        return text.append(')').toString();
    }
}
