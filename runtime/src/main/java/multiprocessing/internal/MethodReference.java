package multiprocessing.internal;

import java.io.IOException;
import java.lang.invoke.MethodHandleInfo;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * A task or Process target that refers to a method and captures nothing ({@code Square::square},
 * {@code String::length}, {@code Point::new}, or a lambda such as {@code x -> x * x}), named by its
 * class, method and descriptor so that it can travel without Java serialization.
 *
 * <p><b>Why.</b> Deserializing a lambda is the most expensive thing a fresh worker does: it loads
 * {@code ObjectInputStream}, hashes class shapes with the security providers' SHA, and spins method
 * handles. Most tasks are method references, and a method reference carries nothing but the method it
 * points at; the worker can look that method up by reflection instead. A lambda that captures values
 * (or an object bound to {@code obj::method}) still travels serialized: its captured values are data.
 *
 * <p><b>Sameness.</b> The worker behaves as the deserialized lambda would: it initializes the class that
 * created the function when it receives it (deserialization runs that class's
 * {@code $deserializeLambda$}), converts arguments the way the lambda does (a wrong argument type is a
 * {@link ClassCastException}, a {@code null} for a primitive parameter a {@link NullPointerException}),
 * and throws what the method throws, unwrapped.
 */
final class MethodReference {
    private final String capturingClass;
    private final String implClass;
    private final String methodName;
    private final String descriptor;
    private final int kind;
    private final String instantiatedType;

    private MethodReference(String capturingClass, String implClass, String methodName, String descriptor, int kind,
                            String instantiatedType) {
        this.capturingClass = capturingClass;
        this.implClass = implClass;
        this.methodName = methodName;
        this.descriptor = descriptor;
        this.kind = kind;
        this.instantiatedType = instantiatedType;
    }

    /**
     * The serialized form of a serializable lambda or method reference, as Java serialization would write
     * it; {@code null} for anything else, such as an ordinary class that implements the interface.
     */
    static SerializedLambda serializedForm(Object function) {
        try {
            Method writeReplace = function.getClass().getDeclaredMethod("writeReplace");
            writeReplace.setAccessible(true);
            return writeReplace.invoke(function) instanceof SerializedLambda lambda ? lambda : null;
        } catch (ReflectiveOperationException | RuntimeException notALambda) {
            return null;
        }
    }

    /**
     * {@code function} as a method reference, or {@code null} when it must travel serialized: it captures
     * something, it is no lambda at all, or its method cannot be found and opened here (then the worker
     * could not either).
     */
    static MethodReference of(Object function) {
        SerializedLambda lambda = serializedForm(function);
        if (lambda == null || lambda.getCapturedArgCount() != 0 || !supported(lambda.getImplMethodKind())) {
            return null;
        }
        MethodReference reference = new MethodReference(binaryName(lambda.getCapturingClass()),
                binaryName(lambda.getImplClass()), lambda.getImplMethodName(), lambda.getImplMethodSignature(),
                lambda.getImplMethodKind(), lambda.getInstantiatedMethodType());
        try {
            reference.resolve(function.getClass().getClassLoader(), false);
            return reference;
        } catch (ReflectiveOperationException | LinkageError | RuntimeException cannotResolve) {
            return null;
        }
    }

    private static boolean supported(int kind) {
        return kind == MethodHandleInfo.REF_invokeStatic || kind == MethodHandleInfo.REF_invokeVirtual
                || kind == MethodHandleInfo.REF_invokeInterface || kind == MethodHandleInfo.REF_invokeSpecial
                || kind == MethodHandleInfo.REF_newInvokeSpecial;
    }

    private static String binaryName(String internalName) {
        return internalName.replace('/', '.');
    }

    /** {@code lab.Square.square}, for messages. */
    String describe() {
        return implClass + "." + methodName;
    }

    void write(ByteSink out) {
        out.putString(capturingClass);
        out.putString(implClass);
        out.putString(methodName);
        out.putString(descriptor);
        out.putByte(kind);
        out.putString(instantiatedType);
    }

    static MethodReference read(ByteSource in) throws IOException {
        return new MethodReference(in.getString(), in.getString(), in.getString(), in.getString(),
                in.getByte() & 0xFF, in.getString());
    }

    /**
     * The callable function, its classes loaded through {@code loader}.
     *
     * @param initialize whether to initialize the creating class now, as deserializing the lambda would
     *                   (the receiving process does; the sending process only checks that it resolves)
     */
    ReflectiveFunction resolve(ClassLoader loader, boolean initialize) throws ReflectiveOperationException {
        Class.forName(capturingClass, initialize, loader);
        Class<?> owner = Class.forName(implClass, false, loader);
        Executable target = kind == MethodHandleInfo.REF_newInvokeSpecial ? constructor(owner) : method(owner);
        target.setAccessible(true);
        boolean receiver = !(target instanceof Constructor) && !Modifier.isStatic(target.getModifiers());
        Class<?>[] arguments = Descriptors.parameterTypes(instantiatedType, loader);
        int expected = target.getParameterCount() + (receiver ? 1 : 0);
        if (arguments.length != expected || arguments.length > 1) {
            throw new NoSuchMethodException(describe() + descriptor + " does not take the function's "
                    + arguments.length + " argument(s)");
        }
        return new ReflectiveFunction(describe(), target, receiver, arguments);
    }

    private Method method(Class<?> owner) throws NoSuchMethodException {
        for (Method candidate : owner.getDeclaredMethods()) {
            if (candidate.getName().equals(methodName)
                    && Descriptors.of(candidate.getParameterTypes(), candidate.getReturnType()).equals(descriptor)) {
                return candidate;
            }
        }
        throw new NoSuchMethodException(describe() + descriptor);
    }

    private Constructor<?> constructor(Class<?> owner) throws NoSuchMethodException {
        for (Constructor<?> candidate : owner.getDeclaredConstructors()) {
            if (Descriptors.of(candidate.getParameterTypes(), void.class).equals(descriptor)) {
                return candidate;
            }
        }
        throw new NoSuchMethodException(describe() + descriptor);
    }
}
