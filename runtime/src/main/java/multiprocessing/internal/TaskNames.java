package multiprocessing.internal;

import java.lang.invoke.SerializedLambda;

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
}
