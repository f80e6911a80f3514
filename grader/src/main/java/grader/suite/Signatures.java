package grader.suite;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The members each step must declare, checked on the compiled class files (read, never loaded), so a
 * missing class or a changed signature gets a message that names what was expected.
 */
final class Signatures {
    /**
     * One expected method.
     *
     * @param returnType      the return type's name
     * @param name            the method's name
     * @param parameterTypes  accepted parameter lists (the first is the one the guide shows)
     */
    record Member(String returnType, String name, List<List<String>> parameterTypes) {
        String display() {
            return "public static " + simple(returnType) + " " + name + "(" + String.join(", ",
                    parameterTypes.get(0).stream().map(Signatures::simple).toList()) + ")";
        }
    }

    private static final Member MAIN = new Member("void", "main", List.of(List.of("[Ljava.lang.String;")));

    private static final Map<Step, List<Member>> MEMBERS = Map.of(
            Step.SQUARE, List.of(new Member("int", "square", List.of(List.of("int"))), MAIN),
            Step.COMPLEX_SQUARE, List.of(new Member("long", "square", List.of(List.of("int"))),
                    new Member("java.util.List", "squares", List.of(List.of("int"))), MAIN),
            Step.QUEUE, List.of(new Member("void", "producer", List.of(List.of("multiprocessing.Queue"))),
                    new Member("void", "consumer", List.of(List.of("multiprocessing.Queue"))), MAIN),
            Step.SLOW_SQUARE, List.of(new Member("int", "slowSquare", List.of(List.of("int"))),
                    new Member("void", "callback", List.of(List.of("java.lang.Integer"), List.of("int"))), MAIN));

    private Signatures() {
    }

    /** What is missing or different in the compiled step, or empty when every member is there. */
    static Optional<String> problem(Step step, JavaClasses classes) {
        if (!classes.contain(step.className())) {
            return Optional.of(step.sourceFile() + " compiled, but it declares no class " + step.className()
                    + ". Keep the class name and the file name the stub had.");
        }
        JavaClass type = classes.get(step.className());
        for (Member member : MEMBERS.get(step)) {
            if (!declares(type, member)) {
                return Optional.of(step.className() + " has no method " + member.display()
                        + ". Keep the signature the stub had: the grader calls it exactly so.");
            }
        }
        return Optional.empty();
    }

    private static boolean declares(JavaClass type, Member member) {
        for (JavaMethod method : type.getMethods()) {
            if (!method.getName().equals(member.name())
                    || !method.getModifiers().containsAll(List.of(JavaModifier.PUBLIC, JavaModifier.STATIC))
                    || !method.getRawReturnType().getName().equals(member.returnType())) {
                continue;
            }
            List<String> parameters = method.getRawParameterTypes().stream().map(JavaClass::getName).toList();
            if (member.parameterTypes().contains(parameters)) {
                return true;
            }
        }
        return false;
    }

    private static String simple(String typeName) {
        if (typeName.equals("[Ljava.lang.String;")) {
            return "String[]";
        }
        return typeName.substring(typeName.lastIndexOf('.') + 1);
    }
}
