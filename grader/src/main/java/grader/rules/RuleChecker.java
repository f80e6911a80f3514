package grader.rules;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.ViolationHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Checks one step's compiled classes against the {@linkplain ForbiddenShortcuts lab's rules} and lists every
 * violation in words a student understands.
 *
 * <p><b>Bytecode only.</b> ArchUnit's {@link ClassFileImporter} parses the {@code .class} files; it neither loads
 * nor initialises the student's classes, so none of their code runs. To tell, for example, that
 * {@code ArrayList.parallelStream()} is {@code Collection.parallelStream()}, ArchUnit also parses the class files
 * of the JDK and library classes the student's classes use, found as resources of the grader's own class loader
 * ({@code ClassLoader.getResource}, again without loading them). Only the files under the given directory are
 * checked: classes found that way are never checked themselves.
 *
 * <p><b>Configuration.</b> ArchUnit reads {@code archunit.properties} (its configuration) and
 * {@code archunit_ignore_patterns.txt} (violations to drop silently) from the context class loader of the thread.
 * While it checks, this class sets that loader to one that delegates to the grader's class loader but hides those
 * two resources, and it runs ArchUnit with a thread-local {@link ArchConfiguration} whose settings that matter here
 * are set explicitly: resolve missing classes from the class path (needed for the {@code Collection} and
 * {@code BaseStream} rules), ArchUnit's default class resolver, the depth of that resolution (one round for
 * the classes the step uses, all of their supertypes), and "an empty step is no failure". So no file on the class
 * path can weaken the rules. What remains: JVM system properties named {@code archunit.*} override ArchUnit's
 * configuration; they belong to whoever starts the grader's JVM, never to a submission. (A submission's files
 * never reach the grader's class path anyway: they are only read as class files from the directory passed to
 * {@link #check}.)
 *
 * <p>An instance holds no state but its rules; {@link #check} may be called any number of times, also from
 * several threads.
 */
public final class RuleChecker {
    private static final String RESOLUTION = "import.dependencyResolutionProcess.";

    private final List<ShortcutRule> rules;

    /** A checker for {@linkplain ForbiddenShortcuts#all() all the lab's rules}. */
    public RuleChecker() {
        this(ForbiddenShortcuts.all());
    }

    /**
     * A checker for the given rules.
     *
     * @param rules the rules to evaluate, in order
     */
    public RuleChecker(List<ShortcutRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /**
     * The rules this checker evaluates.
     *
     * @return an unmodifiable list
     */
    public List<ShortcutRule> rules() {
        return rules;
    }

    /**
     * Checks the classes compiled from one step's sources.
     *
     * @param classesDir a directory of class files, laid out by package ({@code lab/Square.class}); only the
     *                   regular files ending in {@code .class} under it are read (symbolic links inside it are not
     *                   followed)
     * @return one violation per forbidden access, method reference or use of a forbidden type, sorted by
     *         {@linkplain Violation#ORDER file, line and rule}; identical entries (same rule, message and place)
     *         appear once; empty if the classes break no rule or there are none
     * @throws IllegalArgumentException if {@code classesDir} is not a directory
     * @throws UncheckedIOException     if the directory cannot be read
     */
    public List<Violation> check(Path classesDir) {
        if (!Files.isDirectory(classesDir)) {
            throw new IllegalArgumentException("not a directory of class files: " + classesDir);
        }
        List<Path> classFiles = classFilesUnder(classesDir);
        if (classFiles.isEmpty()) {
            return List.of();
        }
        return isolatedFromClassPathConfiguration(() -> {
            JavaClasses classes = new ClassFileImporter().importPaths(classFiles);
            Set<Violation> found = new LinkedHashSet<>();
            for (ShortcutRule rule : rules) {
                EvaluationResult result = rule.rule().evaluate(classes);
                result.handleViolations(new ViolationHandler<Object>() {
                    @Override
                    public void handle(Collection<Object> objects, String message) {
                        for (Object object : objects) {
                            found.add(PlainWords.violation(rule.name(), object, message));
                        }
                    }
                }, new Object[0]);
            }
            List<Violation> sorted = new ArrayList<>(found);
            sorted.sort(Violation.ORDER);
            return List.copyOf(sorted);
        });
    }

    private static List<Path> classFilesUnder(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            return paths.filter(path -> Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS))
                    .filter(path -> path.getFileName().toString().endsWith(".class"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the class files under " + directory, e);
        }
    }

    private static <T> T isolatedFromClassPathConfiguration(Supplier<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(new ArchUnitFilesHidden(RuleChecker.class.getClassLoader()));
        try {
            return ArchConfiguration.withThreadLocalScope(configuration -> {
                configuration.setResolveMissingDependenciesFromClassPath(true);
                configuration.unsetClassResolver();
                configuration.setClassResolverArguments();
                configuration.setMd5InClassSourcesEnabled(false);
                // The rules look at the classes the step's classes use directly, and at all their supertypes
                // (is this owner a Collection?): one round of resolution for each kind of use, and every
                // supertype. ArchUnit's defaults resolve annotation, enclosing and generic types transitively,
                // which reads far more of the JDK and tells the rules nothing more.
                configuration.setProperty(RESOLUTION + "maxIterationsForMemberTypes", "1");
                configuration.setProperty(RESOLUTION + "maxIterationsForAccessesToTypes", "1");
                configuration.setProperty(RESOLUTION + "maxIterationsForSupertypes", "-1");
                configuration.setProperty(RESOLUTION + "maxIterationsForEnclosingTypes", "1");
                configuration.setProperty(RESOLUTION + "maxIterationsForAnnotationTypes", "1");
                configuration.setProperty(RESOLUTION + "maxIterationsForGenericSignatureTypes", "1");
                configuration.setProperty("archRule.failOnEmptyShould", "false");
                return work.get();
            });
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * A class loader that finds the grader's classes and resources, but not ArchUnit's configuration files. It
     * defines no class: ArchUnit only asks it for resources.
     */
    private static final class ArchUnitFilesHidden extends ClassLoader {
        private static final Set<String> HIDDEN = Set.of("archunit.properties", "archunit_ignore_patterns.txt");

        ArchUnitFilesHidden(ClassLoader parent) {
            super("grader-rules", parent);
        }

        private static boolean hidden(String name) {
            return HIDDEN.contains(name.startsWith("/") ? name.substring(1) : name);
        }

        @Override
        public URL getResource(String name) {
            return hidden(name) ? null : super.getResource(name);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            return hidden(name) ? Collections.emptyEnumeration() : super.getResources(name);
        }
    }
}
