package multiprocessing.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * JVM method descriptors such as {@code (I)Ljava/lang/Integer;}, written and read with reflection only:
 * {@code java.lang.invoke.MethodType} would do the same, but loading it costs a fresh worker the method
 * handle machinery that {@link MethodReference} exists to avoid.
 */
final class Descriptors {
    private Descriptors() {
    }

    /** The descriptor of a method with these parameter types and this return type. */
    static String of(Class<?>[] parameters, Class<?> returned) {
        StringBuilder text = new StringBuilder().append('(');
        for (Class<?> parameter : parameters) {
            text.append(of(parameter));
        }
        return text.append(')').append(of(returned)).toString();
    }

    private static String of(Class<?> type) {
        if (type.isArray()) {
            return type.getName().replace('.', '/');
        }
        if (!type.isPrimitive()) {
            return "L" + type.getName().replace('.', '/') + ";";
        }
        if (type == int.class) {
            return "I";
        } else if (type == long.class) {
            return "J";
        } else if (type == double.class) {
            return "D";
        } else if (type == boolean.class) {
            return "Z";
        } else if (type == void.class) {
            return "V";
        } else if (type == float.class) {
            return "F";
        } else if (type == char.class) {
            return "C";
        } else if (type == short.class) {
            return "S";
        }
        return "B";
    }

    /** The parameter types of {@code descriptor}, loaded through {@code loader}. */
    static Class<?>[] parameterTypes(String descriptor, ClassLoader loader) throws ClassNotFoundException {
        List<Class<?>> types = new ArrayList<>();
        int i = 1;
        while (descriptor.charAt(i) != ')') {
            int start = i;
            while (descriptor.charAt(i) == '[') {
                i++;
            }
            if (descriptor.charAt(i) == 'L') {
                i = descriptor.indexOf(';', i);
            }
            types.add(type(descriptor.substring(start, i + 1), loader));
            i++;
        }
        return types.toArray(new Class<?>[0]);
    }

    private static Class<?> type(String field, ClassLoader loader) throws ClassNotFoundException {
        switch (field.charAt(0)) {
            case 'I': return int.class;
            case 'J': return long.class;
            case 'D': return double.class;
            case 'Z': return boolean.class;
            case 'F': return float.class;
            case 'C': return char.class;
            case 'S': return short.class;
            case 'B': return byte.class;
            case 'L': return Class.forName(field.substring(1, field.length() - 1).replace('/', '.'), false, loader);
            default: return Class.forName(field.replace('/', '.'), false, loader);
        }
    }
}
