package grader.rules;

import java.util.Comparator;
import java.util.Objects;

/**
 * One forbidden use of a Java API in a student's class, found by {@link RuleChecker}.
 *
 * @param rule       the short name of the rule that was broken, such as {@code No threads} (see
 *                   {@link ShortcutRule#name()}); {@link ForbiddenShortcuts#named(String)} gives its explanation
 * @param message    what the code does, in plain words, ending with its place, such as
 *                   {@code Square.main calls Thread.start() (Square.java:14)}
 * @param className  the binary name of the class whose bytecode does it, such as {@code lab.Square} or
 *                   {@code lab.Square$1} (an anonymous class); lambdas count as the method that contains them
 * @param sourceFile the name of the source file, as recorded in the class file, such as {@code Square.java} (for a
 *                   class file without that record, ArchUnit's guess from the outermost class's name)
 * @param line       the line number in that file, 1-based; for declarations that have no line in the bytecode
 *                   (a field's type, a parameter's type, {@code extends}) the nearest known line: the first line
 *                   that initialises the field, the first line of the method's body, or the first line of code in
 *                   the class; 0 if nothing is known (classes compiled without line numbers, {@code javac -g:none})
 */
public record Violation(String rule, String message, String className, String sourceFile, int line) {

    /** The order of {@link RuleChecker#check}'s results: by file, line, rule, then message and class. */
    public static final Comparator<Violation> ORDER = Comparator.comparing(Violation::sourcePath)
            .thenComparingInt(Violation::line)
            .thenComparing(Violation::rule)
            .thenComparing(Violation::message)
            .thenComparing(Violation::className);

    /**
     * Checks that every text is present.
     *
     * @param rule see the record description
     * @param message see the record description
     * @param className see the record description
     * @param sourceFile see the record description
     * @param line see the record description
     * @throws NullPointerException if a text is {@code null}
     */
    public Violation {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(sourceFile, "sourceFile");
    }

    /**
     * The source file's path relative to a source root, from the class's package and {@link #sourceFile()}: for
     * example {@code lab/Square.java}. Prefix the step's source root to get a repository path.
     *
     * @return the package as directories, then the file name
     */
    public String sourcePath() {
        int lastDot = className.lastIndexOf('.');
        return lastDot < 0 ? sourceFile : className.substring(0, lastDot).replace('.', '/') + '/' + sourceFile;
    }
}
