package grader.rules;

import static grader.rules.Samples.compile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import grader.rules.Samples.Hit;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * How {@link RuleChecker} reports: plain messages, places, order, scope, and its isolation from the class path.
 *
 * <p>{@link Isolated}: the isolation tests change ArchUnit's global configuration and the thread's context class
 * loader for a moment, so no other test class runs meanwhile.
 */
@DisplayName("RuleChecker")
@Isolated
class RuleCheckerTest {

    @TempDir
    Path temp;

    private Path classes() {
        return temp.resolve("classes");
    }

    private List<Violation> check(String... sources) {
        return new RuleChecker().check(compile(classes(), sources));
    }

    private static List<String> messages(List<Violation> violations) {
        return violations.stream().map(Violation::message).toList();
    }

    @Nested
    @DisplayName("messages in plain words")
    class Messages {

        @Test
        @DisplayName("a constructor call and a method call name the method, the class and the place")
        void calls() {
            assertEquals(List.of("Sample.main calls Thread.start() (Sample.java:6)",
                    "Sample.main calls new Thread(Runnable) (Sample.java:6)"), messages(check("""
                    package lab;

                    public class Sample {
                        public static void main(String[] args) {
                            Runnable work = () -> System.out.println("hi");
                            new Thread(work).start();
                        }
                    }
                    """)));
        }

        @Test
        @DisplayName("method and constructor references read 'refers to X::name'")
        void references() {
            assertEquals(List.of("Sample.main refers to System::exit (Sample.java:7)",
                    "Sample.main refers to Thread::new (Sample.java:8)"), messages(check("""
                    package lab;

                    import java.util.function.Function;

                    public class Sample {
                        public static void main(String[] args) {
                            java.util.stream.IntStream.range(0, 4).forEach(System::exit);
                            Function<Runnable, Thread> threads = Thread::new;
                        }
                    }
                    """)));
        }

        @Test
        @DisplayName("code in a lambda is named after the method that contains the lambda")
        void lambda() {
            assertEquals(List.of("Sample.main calls System.exit(int) (Sample.java:5)"), messages(check("""
                    package lab;

                    public class Sample {
                        public static void main(String[] args) {
                            Runnable stop = () -> System.exit(1);
                            stop.run();
                        }
                    }
                    """)));
        }

        @Test
        @DisplayName("a static initializer is named as such")
        void staticInitializer() {
            assertEquals(List.of("The static initializer of Sample calls System.setProperty(String, String)"
                    + " (Sample.java:4)"), messages(check("""
                    package lab;

                    public class Sample {
                        static final String OLD = System.setProperty("multiprocessing.trace", "off");
                    }
                    """)));
        }

        @Test
        @DisplayName("a class that extends Thread, and its implicit super() call, are named with the class")
        void subclass() {
            assertEquals(List.of("Sample.Worker extends Thread (Sample.java:4)",
                    "The constructor of Sample.Worker calls its superclass constructor Thread() (Sample.java:4)"),
                    messages(check("""
                    package lab;

                    public class Sample {
                        static class Worker extends Thread {
                        }
                    }
                    """)));
        }

        @Test
        @DisplayName("an anonymous subclass reads 'creates an anonymous subclass of Thread'")
        void anonymousSubclass() {
            assertEquals(List.of("Sample.main creates an anonymous subclass of Thread (Sample.java:5)",
                    "The anonymous class in Sample.main extends Thread (Sample.java:5)",
                    "The constructor of the anonymous class in Sample.main calls its superclass constructor"
                            + " Thread() (Sample.java:5)"), messages(check("""
                    package lab;

                    public class Sample {
                        public static void main(String[] args) {
                            Object thread = new Thread() {
                            };
                            System.out.println(thread);
                        }
                    }
                    """)));
        }

        @Test
        @DisplayName("a field's type is reported at the line that initialises the field")
        void fieldType() {
            assertEquals(List.of("Sample.output has type Path (Sample.java:4)"), messages(check("""
                    package lab;

                    public class Sample {
                        static java.nio.file.Path output = null;
                    }
                    """)));
        }

        @Test
        @DisplayName("a parameter's type is reported at the first line of the method's body")
        void parameterType() {
            assertEquals(List.of("Sample.send has parameter of type Socket (Sample.java:5)"), messages(check("""
                    package lab;

                    public class Sample {
                        static void send(java.net.Socket socket) {
                            System.out.println("not sent");
                        }
                    }
                    """)));
        }
    }

    @Nested
    @DisplayName("violation fields")
    class Fields {

        @Test
        @DisplayName("rule, class, source file, source path and line come from the offending code")
        void fields() {
            List<Violation> violations = check("""
                    package lab;

                    public class Sample {
                        static class Stopper {
                            void stop() {
                                System.exit(3);
                            }
                        }
                    }
                    """);
            assertEquals(List.of(new Violation("No System.exit",
                    "Sample.Stopper.stop calls System.exit(int) (Sample.java:6)", "lab.Sample$Stopper", "Sample.java",
                    6)), violations);
        }

        @Test
        @DisplayName("sourcePath joins the package and the source file")
        void sourcePath() {
            assertEquals("lab/sub/Square.java",
                    new Violation("No threads", "m", "lab.sub.Square$1", "Square.java", 3).sourcePath());
        }
    }

    @Nested
    @DisplayName("order and scope")
    class OrderAndScope {
        private static final String FIRST = """
                package lab;

                public class First {
                    static void hook(Runnable r) {
                        Runtime.getRuntime().addShutdownHook(new Thread(r));
                    }

                    public static void main(String[] args) {
                        System.exit(0);
                    }
                }
                """;
        private static final String SECOND = """
                package lab;

                public class Second {
                    public static void main(String[] args) {
                        System.exit(1);
                    }
                }
                """;

        @Test
        @DisplayName("violations are sorted by file, then line, then rule")
        void sorted() {
            assertEquals(List.of(new Hit("First.java", 5, "No system settings"), new Hit("First.java", 5, "No threads"),
                    new Hit("First.java", 9, "No System.exit"), new Hit("Second.java", 5, "No System.exit")),
                    Samples.hits(check(SECOND, FIRST)));
        }

        @Test
        @DisplayName("checking the same classes twice gives the same list")
        void deterministic() {
            Path directory = compile(classes(), FIRST, SECOND);
            assertEquals(new RuleChecker().check(directory), new RuleChecker().check(directory));
        }

        @Test
        @DisplayName("sub-packages of lab are checked")
        void subPackages() {
            assertEquals(List.of(new Hit("Helper.java", 5, "No System.exit")), Samples.hits(check("""
                    package lab.helpers;

                    public class Helper {
                        public static void stop() {
                            System.exit(0);
                        }
                    }
                    """)));
        }

        @Test
        @DisplayName("classes outside package lab are not checked")
        void otherPackages() {
            assertEquals(List.of(), check("""
                    package other;

                    public class Elsewhere {
                        public static void stop() {
                            System.exit(0);
                        }
                    }
                    """));
        }

        @Test
        @DisplayName("an empty directory gives no violation")
        void emptyDirectory() throws IOException {
            assertEquals(List.of(), new RuleChecker().check(Files.createDirectories(classes())));
        }

        @Test
        @DisplayName("files that are not class files are ignored")
        void otherFiles() throws IOException {
            Path directory = Files.createDirectories(classes().resolve("lab"));
            Files.writeString(directory.resolve("Square.java"), "class Square { void m() { System.exit(0); } }");
            Files.writeString(directory.resolve("archunit_ignore_patterns.txt"), ".*");
            assertEquals(List.of(), new RuleChecker().check(classes()));
        }

        @Test
        @DisplayName("a path that is not a directory is refused")
        void notADirectory() throws IOException {
            Path file = Files.writeString(temp.resolve("Square.class"), "");
            assertThrows(IllegalArgumentException.class, () -> new RuleChecker().check(file));
        }
    }

    @Nested
    @DisplayName("isolation")
    class Isolation {
        private static final String PARALLEL = """
                package lab;

                import java.util.ArrayList;

                public class Sample {
                    public static void main(String[] args) {
                        System.out.println(new ArrayList<Integer>().parallelStream().count());
                    }
                }
                """;

        @Test
        @DisplayName("the student's classes are read, never loaded: a static initializer does not run")
        void bytecodeOnly() {
            check("""
                    package lab;

                    public class Sample {
                        static {
                            System.setProperty("grader.rules.loaded", "yes");
                        }
                    }
                    """);
            assertNull(System.getProperty("grader.rules.loaded"));
        }

        @Test
        @DisplayName("fixture check: ArchUnit used directly obeys an archunit_ignore_patterns.txt on the class path")
        void fixtureHidesViolationsFromPlainArchUnit() throws Exception {
            Path directory = compile(classes(), """
                    package lab;

                    public class Sample {
                        public static void main(String[] args) {
                            System.exit(0);
                        }
                    }
                    """);
            JavaClasses imported = ArchConfiguration.withThreadLocalScope(configuration -> {
                configuration.setResolveMissingDependenciesFromClassPath(false);
                return new ClassFileImporter().importPath(directory);
            });
            ArchRule rule = ForbiddenShortcuts.NO_EXIT.rule();
            boolean plain = rule.evaluate(imported).hasViolation();
            boolean polluted = withPollutedClassPath(() -> rule.evaluate(imported).hasViolation());
            assertEquals(List.of(true, false), List.of(plain, polluted), "violation found [plain, polluted]");
        }

        @Test
        @DisplayName("archunit.properties and archunit_ignore_patterns.txt on the class path do not weaken the rules")
        void classPathConfigurationIgnored() throws Exception {
            Path directory = compile(classes(), PARALLEL);
            List<Violation> violations = withPollutedClassPath(() -> new RuleChecker().check(directory));
            assertEquals(List.of(new Hit("Sample.java", 7, "No threads")), Samples.hits(violations));
        }

        @Test
        @DisplayName("a global ArchUnit configuration without class path resolution does not weaken the rules")
        void globalConfigurationIgnored() {
            Path directory = compile(classes(), PARALLEL);
            ArchConfiguration global = ArchConfiguration.get();
            boolean before = global.resolveMissingDependenciesFromClassPath();
            global.setResolveMissingDependenciesFromClassPath(false);
            try {
                assertEquals(List.of(new Hit("Sample.java", 7, "No threads")),
                        Samples.hits(new RuleChecker().check(directory)));
            } finally {
                global.setResolveMissingDependenciesFromClassPath(before);
            }
        }

        /**
         * Runs {@code work} with a context class loader whose class path holds an {@code archunit.properties}
         * that turns off resolution from the class path and an {@code archunit_ignore_patterns.txt} that ignores
         * every violation; ArchUnit's global configuration is re-read from it, and restored afterwards.
         */
        private <T> T withPollutedClassPath(Callable<T> work) throws Exception {
            Path polluted = Files.createDirectories(temp.resolve("polluted"));
            Files.writeString(polluted.resolve("archunit.properties"), """
                    resolveMissingDependenciesFromClassPath=false
                    import.dependencyResolutionProcess.maxIterationsForSupertypes=0
                    import.dependencyResolutionProcess.maxIterationsForAccessesToTypes=0
                    archRule.failOnEmptyShould=true
                    """);
            Files.writeString(polluted.resolve("archunit_ignore_patterns.txt"), ".*\n");
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            try (URLClassLoader loader = new URLClassLoader(new URL[] {polluted.toUri().toURL()}, previous)) {
                thread.setContextClassLoader(loader);
                ArchConfiguration.get().reset();
                return work.call();
            } finally {
                thread.setContextClassLoader(previous);
                ArchConfiguration.get().reset();
            }
        }
    }

    @Nested
    @DisplayName("the rule list")
    class RuleList {

        @Test
        @DisplayName("every rule has its own name")
        void uniqueNames() {
            Set<String> names = new HashSet<>();
            ForbiddenShortcuts.all().forEach(rule -> names.add(rule.name()));
            assertEquals(ForbiddenShortcuts.all().size(), names.size());
        }

        @Test
        @DisplayName("every rule's ArchUnit description ends with its because text, which points to the guide")
        void becauseTexts() {
            for (ShortcutRule rule : ForbiddenShortcuts.all()) {
                String description = rule.rule().getDescription();
                assertTrue(description.endsWith("because " + rule.because())
                        && rule.because().contains("See the guide"), rule.name() + ": " + description);
            }
        }

        @Test
        @DisplayName("named() finds each rule by its name")
        void named() {
            for (ShortcutRule rule : ForbiddenShortcuts.all()) {
                assertEquals(rule, ForbiddenShortcuts.named(rule.name()));
            }
        }

        @Test
        @DisplayName("named() refuses an unknown name")
        void unknownName() {
            assertThrows(IllegalArgumentException.class, () -> ForbiddenShortcuts.named("No fun"));
        }

        @Test
        @DisplayName("the default checker evaluates every rule")
        void defaultChecker() {
            assertEquals(ForbiddenShortcuts.all(), new RuleChecker().rules());
        }
    }
}
