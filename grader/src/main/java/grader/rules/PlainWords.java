package grader.rules;

import com.tngtech.archunit.core.domain.AccessTarget.CodeUnitAccessTarget;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaConstructorReference;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaMethodReference;
import com.tngtech.archunit.core.domain.JavaStaticInitializer;
import com.tngtech.archunit.core.domain.SourceCodeLocation;
import com.tngtech.archunit.core.domain.properties.HasSourceCodeLocation;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns what ArchUnit reports (an access, a dependency, a class) into a {@link Violation} whose message a student
 * understands: simple class names, {@code Square.main calls Thread.start() (Square.java:14)} rather than
 * {@code Method <lab.Square.main([Ljava.lang.String;)> calls method <java.lang.Thread.start()> in (Square.java:14)}.
 */
final class PlainWords {
    private static final Pattern BRACKETED_NAME = Pattern.compile("<([\\w.$\\[\\];]+)>");

    private PlainWords() {
    }

    /**
     * The violation for one object an ArchUnit rule reported.
     *
     * @param rule   the rule's short name
     * @param object the event's corresponding object: a {@link JavaAccess}, a {@link Dependency} or a
     *               {@link JavaClass} (what the lab's rules report)
     * @param detail ArchUnit's own message, the message for an object of any other kind, so that no violation is
     *               lost
     * @return the violation
     */
    static Violation violation(String rule, Object object, String detail) {
        if (object instanceof JavaAccess<?> access) {
            return fromAccess(rule, access);
        }
        if (object instanceof Dependency dependency) {
            // A dependency that comes from an access converts back to it; a declaration does not.
            Set<?> accesses = dependency.convertTo(JavaAccess.class);
            return accesses.isEmpty() ? fromDeclaration(rule, dependency)
                    : fromAccess(rule, (JavaAccess<?>) accesses.iterator().next());
        }
        if (object instanceof JavaClass javaClass) {
            return fromClass(rule, javaClass);
        }
        if (object instanceof HasSourceCodeLocation located) {
            SourceCodeLocation location = located.getSourceCodeLocation();
            return new Violation(rule, detail, location.getSourceClass().getName(), location.getSourceFileName(),
                    location.getLineNumber());
        }
        return new Violation(rule, detail, "", "", 0);
    }

    // ---- accesses: calls, field accesses, method and constructor references ----

    private static Violation fromAccess(String rule, JavaAccess<?> access) {
        SourceCodeLocation location = access.getSourceCodeLocation();
        String message = capitalized(codeUnit(access.getOrigin()) + " " + action(access)) + at(location,
                location.getLineNumber());
        return new Violation(rule, message, access.getOriginOwner().getName(), location.getSourceFileName(),
                location.getLineNumber());
    }

    private static String action(JavaAccess<?> access) {
        JavaClass owner = access.getTargetOwner();
        String name = access.getTarget().getName();
        if (access instanceof JavaConstructorCall) {
            if (owner.isAnonymousClass()) {
                return "creates an anonymous subclass of " + anonymousSupertype(owner);
            }
            JavaCodeUnit origin = access.getOrigin();
            boolean superCall = origin instanceof JavaConstructor
                    && origin.getOwner().getRawSuperclass().map(owner::equals).orElse(false);
            return (superCall ? "calls its superclass constructor " : "calls new ") + type(owner)
                    + parameters(access);
        }
        if (access instanceof JavaMethodCall) {
            return "calls " + type(owner) + "." + name + parameters(access);
        }
        if (access instanceof JavaMethodReference) {
            return "refers to " + type(owner) + "::" + name;
        }
        if (access instanceof JavaConstructorReference) {
            return "refers to " + type(owner) + "::new";
        }
        if (access instanceof JavaFieldAccess fieldAccess) {
            String verb = fieldAccess.getAccessType() == JavaFieldAccess.AccessType.SET ? "writes " : "reads ";
            return verb + type(owner) + "." + name;
        }
        return "uses " + type(owner) + "." + name;
    }

    private static String parameters(JavaAccess<?> access) {
        if (!(access.getTarget() instanceof CodeUnitAccessTarget target)) {
            return "";
        }
        return target.getRawParameterTypes().stream().map(PlainWords::type)
                .collect(Collectors.joining(", ", "(", ")"));
    }

    private static String anonymousSupertype(JavaClass anonymous) {
        return anonymous.getRawSuperclass()
                .filter(superclass -> !superclass.getName().equals(Object.class.getName()))
                .or(() -> anonymous.getRawInterfaces().stream().findFirst())
                .map(PlainWords::type)
                .orElse("Object");
    }

    // ---- declarations: supertypes, field, parameter and return types, throws, instanceof, Foo.class ----

    private static Violation fromDeclaration(String rule, Dependency dependency) {
        String description = dependency.getDescription();
        JavaClass originClass = dependency.getOriginClass();
        int open = description.indexOf('<');
        int close = open < 0 ? -1 : matchingBracket(description, open);
        int in = description.lastIndexOf(" in (");
        int targetOpen = in < 0 ? -1 : description.lastIndexOf(" <", in);
        SourceCodeLocation location = dependency.getSourceCodeLocation();
        int line = location.getLineNumber();
        String message;
        if (open < 0 || close < 0 || targetOpen <= close) {
            message = type(originClass) + " uses " + type(dependency.getTargetClass());
        } else {
            String kind = description.substring(0, open).trim();
            String originName = description.substring(open + 1, close);
            String verb = simplified(description.substring(close + 1, targetOpen).trim());
            String origin = type(originClass);
            if (kind.equals("Field")) {
                String fieldName = originName.substring(originName.lastIndexOf('.') + 1);
                origin = origin + "." + fieldName;
                line = line > 0 ? line : fieldLine(originClass, fieldName);
            } else if (!kind.equals("Class")) {
                Optional<JavaCodeUnit> codeUnit = originClass.getCodeUnits().stream()
                        .filter(unit -> unit.getFullName().equals(originName)).findFirst();
                if (codeUnit.isPresent()) {
                    origin = codeUnit(codeUnit.get());
                    line = line > 0 ? line : codeUnit.get().getSourceCodeLocation().getLineNumber();
                }
            }
            message = capitalized(origin + " " + verb + " " + type(dependency.getTargetClass()));
        }
        line = line > 0 ? line : classLine(originClass);
        return new Violation(rule, message + at(location, line), originClass.getName(),
                location.getSourceFileName(), line);
    }

    private static int matchingBracket(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '<') {
                depth++;
            } else if (c == '>' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** Replaces each {@code <fully.qualified.Name>} in ArchUnit's wording with the simple name. */
    private static String simplified(String text) {
        Matcher matcher = BRACKETED_NAME.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String simple = name.substring(name.lastIndexOf('.') + 1).replace('$', '.');
            matcher.appendReplacement(result, Matcher.quoteReplacement(simple));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    private static int fieldLine(JavaClass owner, String fieldName) {
        return owner.tryGetField(fieldName)
                .map(field -> field.getAccessesToSelf().stream()
                        .filter(access -> access.getOriginOwner().equals(owner))
                        .mapToInt(JavaAccess::getLineNumber).filter(line -> line > 0).min().orElse(0))
                .orElse(0);
    }

    // ---- classes (for example one that extends Thread) ----

    private static Violation fromClass(String rule, JavaClass javaClass) {
        int line = classLine(javaClass);
        String supertype = javaClass.getRawSuperclass().map(PlainWords::type).orElse("Object");
        String message = capitalized(type(javaClass) + " extends " + supertype)
                + at(javaClass.getSourceCodeLocation(), line);
        return new Violation(rule, message, javaClass.getName(),
                javaClass.getSourceCodeLocation().getSourceFileName(), line);
    }

    /**
     * The first line of code in a class: a class's bytecode has no line of its own, but its implicit or first
     * constructor usually starts at (or right after) the class declaration.
     */
    private static int classLine(JavaClass javaClass) {
        return javaClass.getCodeUnits().stream()
                .mapToInt(unit -> unit.getSourceCodeLocation().getLineNumber())
                .filter(line -> line > 0).min().orElse(0);
    }

    // ---- names ----

    /** A code unit as a student names it: {@code Square.main}, {@code the constructor of Square}. */
    private static String codeUnit(JavaCodeUnit unit) {
        JavaClass owner = unit.getOwner();
        if (unit instanceof JavaStaticInitializer) {
            return "the static initializer of " + type(owner);
        }
        if (unit instanceof JavaConstructor) {
            return "the constructor of " + type(owner);
        }
        if (owner.isAnonymousClass()) {
            return "method " + unit.getName() + " of " + type(owner);
        }
        return type(owner) + "." + unit.getName();
    }

    /**
     * A type as a student names it: the simple name, with enclosing classes ({@code ProcessHandle.Info}),
     * {@code []} for arrays, and "the anonymous class in Square.main" for an anonymous class.
     */
    static String type(JavaClass javaClass) {
        if (javaClass.isArray()) {
            return type(javaClass.getComponentType()) + "[]";
        }
        if (javaClass.isAnonymousClass()) {
            String where = javaClass.getEnclosingCodeUnit().map(PlainWords::codeUnit)
                    .or(() -> javaClass.getEnclosingClass().map(PlainWords::type))
                    .orElse(javaClass.getPackageName());
            return "the anonymous class in " + where;
        }
        if (javaClass.isLocalClass()) {
            return javaClass.getSimpleName();
        }
        String name = javaClass.getName();
        String packagePrefix = javaClass.getPackageName() + ".";
        String withoutPackage = name.startsWith(packagePrefix) ? name.substring(packagePrefix.length()) : name;
        return withoutPackage.replace('$', '.');
    }

    private static String at(SourceCodeLocation location, int line) {
        return " (" + location.getSourceFileName() + ":" + line + ")";
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
