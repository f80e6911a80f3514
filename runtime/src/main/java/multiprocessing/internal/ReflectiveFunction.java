package multiprocessing.internal;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import multiprocessing.Action;
import multiprocessing.Target;
import multiprocessing.Task;

/**
 * What a worker or a Process runs for a {@link MethodReference}: the method, called by reflection.
 * One class serves as a task, a one-argument target and a no-argument target, since the sender's static
 * types already chose which of them it is.
 *
 * <p>It implements {@link java.io.Serializable} only because its interfaces do; it lives and dies in
 * the process that resolved it.
 */
final class ReflectiveFunction implements Task<Object, Object>, Target<Object>, Action {
    private static final long serialVersionUID = 1L;
    private static final Object[] NO_ARGUMENTS = {};

    private final String name;
    private final transient Executable target;
    private final boolean receiver;
    private final transient Class<?>[] argumentTypes;
    private final boolean refusesNull;

    /**
     * @param target        the method or constructor
     * @param receiver      whether the function's argument is the object the method is called on
     *                      ({@code String::length}) rather than the method's parameter
     * @param argumentTypes the function's argument types as the lambda declared them: the lambda casts
     *                      its argument to these before it converts it for the method
     */
    ReflectiveFunction(String name, Executable target, boolean receiver, Class<?>[] argumentTypes) {
        this.name = name;
        this.target = target;
        this.receiver = receiver;
        this.argumentTypes = argumentTypes;
        // A null receiver, or a null unboxed for a primitive parameter, is the lambda's NullPointerException.
        this.refusesNull = receiver || target.getParameterCount() == 1 && target.getParameterTypes()[0].isPrimitive();
    }

    @Override
    public Object apply(Object argument) throws Exception {
        return call(argument);
    }

    @Override
    public void run(Object argument) throws Exception {
        call(argument);
    }

    @Override
    public void run() throws Exception {
        call(null);
    }

    private Object call(Object argument) throws Exception {
        if (argumentTypes.length == 1) {
            check(argument);
        }
        try {
            if (target instanceof Constructor<?> constructor) {
                return constructor.newInstance(arguments(argument));
            }
            Method method = (Method) target;
            return receiver ? method.invoke(argument, NO_ARGUMENTS) : method.invoke(null, arguments(argument));
        } catch (InvocationTargetException e) {
            throw rethrow(e.getCause());
        }
    }

    private Object[] arguments(Object argument) {
        return argumentTypes.length == 0 ? NO_ARGUMENTS : new Object[] {argument};
    }

    /** The lambda's own checks, which reflection would report as IllegalArgumentException instead. */
    private void check(Object argument) {
        Class<?> declared = argumentTypes[0];
        if (argument == null) {
            if (refusesNull) {
                throw new NullPointerException("the argument of " + name + " is null");
            }
        } else if (!declared.isInstance(argument)) {
            throw new ClassCastException("class " + argument.getClass().getName() + " cannot be cast to class "
                    + declared.getName());
        }
    }

    private static Exception rethrow(Throwable cause) {
        if (cause instanceof Error error) {
            throw error;
        }
        if (cause instanceof Exception exception) {
            return exception;
        }
        return new RuntimeException(cause);
    }
}
