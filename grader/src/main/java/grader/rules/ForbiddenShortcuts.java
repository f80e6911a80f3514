package grader.rules;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaAccess.Predicates.targetOwner;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget.CodeUnitAccessTarget;
import com.tngtech.archunit.core.domain.AccessTarget.ConstructorCallTarget;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.lang.invoke.SerializedLambda;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletionService;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ThreadFactory;
import java.util.stream.BaseStream;

/**
 * The lab's "no shortcuts" rules: what the classes in package {@code lab} (the students' code) must not use.
 *
 * <p>The lab teaches parallel work with real operating-system processes through the {@code multiprocessing}
 * library, so the rules forbid every other way to run code in parallel (threads, executors, parallel streams,
 * external programs) and every way around the grader (reflection, files and sockets, {@code System.exit}, system
 * properties and environment, the runtime's {@code multiprocessing.internal} machinery). Each rule is an ArchUnit
 * rule written with the fluent API ({@code noClasses().that().resideInAPackage("lab..").should()...}); its
 * {@code because} clause is the explanation the student reads. {@link RuleChecker} evaluates them on a
 * directory of class files.
 *
 * <p>The rules see what the compiler wrote into the class files: calls, field reads and writes, method and
 * constructor references ({@code System::exit}, {@code Thread::new}), and the types a class uses (supertypes,
 * fields, parameters, return types, {@code throws}, {@code instanceof}, {@code Foo.class}, annotations). Code in a
 * lambda counts as code of the method that contains the lambda. Two kinds of compiler-generated code are
 * known and never reported: the bootstrap of {@code invokedynamic} (lambdas, method references, string
 * concatenation, records), which ArchUnit does not record as an access, and javac's synthetic
 * {@code $deserializeLambda$} method of a class with serializable lambdas (every
 * {@code Pool.map(Square::square, ...)} creates one), which repeats those lambdas and method references: each is
 * reported once, where the student wrote it.
 *
 * <p>Allowed on purpose: {@code Thread.sleep}, {@code Thread.currentThread()} and its {@code interrupt()},
 * {@code InterruptedException}, {@code System.out}/{@code System.err}, {@code ProcessHandle.current().pid()},
 * {@code Runtime.availableProcessors()}, {@code java.util.concurrent.Future} and {@code TimeUnit} (the
 * library's {@code AsyncResult} is a {@code Future}), sequential streams, records, enums, lambdas and
 * method references.
 */
public final class ForbiddenShortcuts {

    /** The packages the rules apply to, in ArchUnit's notation: {@code lab} and its sub-packages. */
    public static final String LAB_PACKAGES = "lab..";

    private static final String SEE_GRADING = " See the guide (README.md), section 'Grading'.";

    /**
     * The accesses in javac's synthetic {@code $deserializeLambda$} method (declared before the rules, which use
     * it while the class initialises). That method repeats every serializable lambda and method reference of its
     * class, and ArchUnit attributes a lambda's body to each method that creates the lambda, so without this
     * every forbidden call in a {@code pool.map(x -> ...)} lambda would be reported twice, once at a line the
     * student never wrote. Only javac writes synthetic methods: a student's own method of that name is checked.
     */
    private static final DescribedPredicate<JavaAccess<?>> LAMBDA_DESERIALIZATION_GLUE = describe(
            "is in javac's synthetic $deserializeLambda$", access -> isLambdaDeserializer(access.getOrigin()));

    private static final DescribedPredicate<JavaAccess<?>> WRITTEN_BY_STUDENT =
            not(LAMBDA_DESERIALIZATION_GLUE).as("is outside javac's synthetic $deserializeLambda$");

    /** The {@code Thread} members a student may use: sleeping, and keeping or reading the interrupt flag. */
    static final Set<String> THREAD_MEMBERS_ALLOWED = Set.of(
            "sleep", "currentThread", "interrupt", "isInterrupted", "interrupted", "onSpinWait",
            "getName", "getId", "threadId", "isAlive", "isDaemon", "getState", "getPriority",
            "toString", "equals", "hashCode");

    /** The {@code Class} members a student may use: names and type tests, nothing that reaches members or loaders. */
    static final Set<String> CLASS_MEMBERS_ALLOWED = Set.of(
            "getName", "getSimpleName", "getCanonicalName", "getTypeName", "getPackageName", "toString",
            "toGenericString", "hashCode", "equals", "isInstance", "cast", "isAssignableFrom", "isArray",
            "isPrimitive", "isInterface", "isEnum", "isRecord", "isAnnotation", "isAnonymousClass",
            "isLocalClass", "isMemberClass", "isSynthetic", "isHidden", "isSealed", "getModifiers",
            "getSuperclass", "getInterfaces", "getComponentType", "componentType", "arrayType",
            "descriptorString", "getEnclosingClass", "getDeclaringClass", "getNestHost", "isNestmateOf",
            "desiredAssertionStatus");

    /** The {@code ProcessHandle} members a student may use: the own pid, for printing it. */
    static final Set<String> PROCESS_HANDLE_MEMBERS_ALLOWED = Set.of(
            "current", "pid", "equals", "hashCode", "toString", "compareTo");

    /**
     * Rule 1: no threads, executors, fork/join, {@code CompletableFuture}, timers or parallel streams.
     *
     * <p>Forbidden: any use of a {@code Thread} member other than {@link #THREAD_MEMBERS_ALLOWED} (so
     * {@code new Thread}, {@code start}, {@code join}, {@code Thread.ofVirtual()}, {@code Thread::new}, ...);
     * classes that are Threads; any use of {@code Executor} and its subtypes ({@code ExecutorService},
     * {@code ForkJoinPool}, ...), {@code Executors}, {@code CompletionStage}/{@code CompletableFuture},
     * {@code ForkJoinTask} ({@code RecursiveTask}, {@code RecursiveAction}, ...), {@code CompletionService},
     * {@code ThreadFactory}, {@code ThreadPoolExecutor}'s nested classes, {@code SubmissionPublisher},
     * {@code StructuredTaskScope}, {@code Thread.Builder}, {@code ThreadGroup}, {@code java.util.Timer},
     * {@code TimerTask} and {@code java.lang.ref.Cleaner} (and their subclasses); AWT and Swing
     * ({@code java.awt..}, {@code javax.swing..}: {@code EventQueue.invokeLater} runs code on the event thread); and
     * parallel streams: {@code parallelStream()} on any {@code Collection}, {@code parallel()} on any
     * {@code BaseStream}, {@code Arrays.parallelSort/parallelPrefix/parallelSetAll}, {@code StreamSupport} (its
     * methods take a "parallel" flag) and {@code ConcurrentHashMap}'s bulk operations with a parallelism
     * threshold.
     */
    public static final ShortcutRule NO_THREADS = rule("No threads",
            "this lab is about processes, not threads: do the work with the multiprocessing library (a Pool's "
                    + "map or applyAsync, or a Process), so that it runs in separate worker processes. Threads, "
                    + "executors, CompletableFuture, fork/join, timers, GUI event threads and parallel streams "
                    + "all run inside your one process, so they are not allowed. Thread.sleep(...) and "
                    + "Thread.currentThread().interrupt() are fine." + SEE_GRADING,
            noClasses().that().resideInAPackage(LAB_PACKAGES)
                    .should().accessTargetWhere(written(targetOwner(assignableTo(Thread.class))
                            .and(targetNameNotIn(THREAD_MEMBERS_ALLOWED))))
                    .orShould().beAssignableTo(Thread.class)
                    .orShould(useClassesThat(assignableTo(Executor.class)
                            .or(assignableTo(CompletionStage.class))
                            .or(assignableTo(ForkJoinTask.class))
                            .or(assignableTo(CompletionService.class))
                            .or(assignableTo(ThreadFactory.class))
                            .or(assignableToOrNestedIn("java.util.concurrent.Executors",
                                    "java.util.concurrent.ThreadPoolExecutor",
                                    "java.util.concurrent.SubmissionPublisher",
                                    "java.util.concurrent.StructuredTaskScope",
                                    "java.lang.Thread$Builder", "java.lang.ThreadGroup",
                                    "java.util.Timer", "java.util.TimerTask", "java.lang.ref.Cleaner"))
                            .or(resideInAnyPackage("java.awt..", "javax.swing.."))))
                    .orShould().accessTargetWhere(written(parallelStreams())));

    /**
     * Rule 2: no starting or controlling other programs: {@code ProcessBuilder}, {@code java.lang.Process},
     * {@code Runtime.exec}, and every {@code ProcessHandle} member but {@link #PROCESS_HANDLE_MEMBERS_ALLOWED}
     * (so {@code ProcessHandle.current().pid()} is fine; {@code destroy}, {@code onExit}, {@code children},
     * {@code allProcesses}, {@code info} and the like are not).
     */
    public static final ShortcutRule NO_OTHER_PROGRAMS = rule("No starting programs",
            "your program starts its worker processes through the multiprocessing library (Pool, Process), "
                    + "which keeps track of them and stops them at the end. Starting or controlling programs "
                    + "yourself with ProcessBuilder, Runtime.exec or ProcessHandle is not allowed. To print a "
                    + "pid, use ProcessHandle.current().pid() or the pid() of a multiprocessing Process."
                    + SEE_GRADING,
            noClasses().that().resideInAPackage(LAB_PACKAGES)
                    .should(useClassesThat(assignableToOrNestedIn("java.lang.ProcessBuilder",
                            "java.lang.ProcessHandle$Info")
                            .or(assignableTo(java.lang.Process.class))))
                    .orShould().accessTargetWhere(written(targetOwner(type(Runtime.class))
                            .and(targetNameIn("exec"))))
                    .orShould().accessTargetWhere(written(targetOwner(assignableTo(ProcessHandle.class))
                            .and(targetNameNotIn(PROCESS_HANDLE_MEMBERS_ALLOWED)))));

    /**
     * Rule 3: no reflection, method handles or class loading: {@code java.lang.reflect..}, {@code java.lang.invoke..}
     * (but the type {@code SerializedLambda}, which javac's own {@code $deserializeLambda$} takes; calling or
     * constructing it is forbidden), every {@code Class} member but {@link #CLASS_MEMBERS_ALLOWED} (so
     * {@code Class.forName}, {@code getMethod}, {@code getDeclaredField}, {@code newInstance},
     * {@code getClassLoader}, {@code getResource}...), {@code ClassLoader} and its subclasses, {@code Module},
     * {@code ModuleLayer}, {@code ServiceLoader}, {@code ObjectInputStream} (deserialising loads classes by name),
     * {@code java.lang.instrument}, {@code java.beans}, {@code javax.script}, {@code javax.tools}, and the JDK's
     * internals ({@code sun..}, {@code com.sun..}, {@code jdk..}, so {@code sun.misc.Unsafe} and
     * {@code jdk.internal..}). Lambdas, method references and string
     * concatenation compile to {@code invokedynamic} with {@code java.lang.invoke} bootstrap methods; ArchUnit does
     * not record those as accesses, so they are fine.
     */
    public static final ShortcutRule NO_REFLECTION = rule("No reflection",
            "reflection, method handles and class loading get around the normal rules of Java, and could reach "
                    + "into the grader or the multiprocessing runtime. Call your methods directly, and pass them "
                    + "to the pool as method references such as Square::square." + SEE_GRADING,
            noClasses().that().resideInAPackage(LAB_PACKAGES)
                    .should(useClassesThat(resideInAnyPackage("java.lang.reflect..", "java.lang.instrument..",
                            "java.beans..", "javax.script..", "javax.tools..", "sun..", "com.sun..", "jdk..")
                            .or(resideInAPackage("java.lang.invoke..").and(not(type(SerializedLambda.class))))
                            .or(assignableTo(ClassLoader.class))
                            .or(assignableToOrNestedIn("java.lang.Module", "java.lang.ModuleLayer",
                                    "java.util.ServiceLoader", "java.io.ObjectInputStream"))))
                    .orShould().accessTargetWhere(written(targetOwner(type(Class.class))
                            .and(targetNameNotIn(CLASS_MEMBERS_ALLOWED))))
                    .orShould().accessTargetWhere(written(targetOwner(type(SerializedLambda.class)))));

    /**
     * Rule 4: no file or network I/O: {@code java.io.File}, {@code FileInputStream}, {@code FileOutputStream},
     * {@code FileReader}, {@code FileWriter}, {@code RandomAccessFile}, {@code FileDescriptor} and the file
     * filters, the {@code PrintStream}/{@code PrintWriter}/{@code Formatter} constructors that open a file by
     * name, {@code java.nio.file..}, {@code java.nio.channels..}, {@code java.net..}, {@code javax.net..},
     * {@code java.util.zip..}, {@code java.util.jar..}, {@code java.sql..}, {@code javax.sql..}, {@code java.rmi..},
     * {@code javax.rmi..}, {@code javax.naming..}, {@code java.util.prefs..}, {@code java.util.logging.FileHandler}
     * and {@code System.inheritedChannel()}. Printing ({@code PrintStream.println} on
     * {@code System.out}) and {@code Serializable} are fine.
     */
    public static final ShortcutRule NO_FILES_OR_NETWORK = rule("No file or network I/O",
            "your programs read no input and write their results with System.out.println; the processes "
                    + "exchange data only through the multiprocessing library (pool results, Queue). Files, "
                    + "sockets, HTTP, databases and archives are not part of this lab." + SEE_GRADING,
            noClasses().that().resideInAPackage(LAB_PACKAGES)
                    .should(useClassesThat(resideInAnyPackage("java.nio.file..", "java.nio.channels..",
                            "java.net..", "javax.net..", "java.util.zip..", "java.util.jar..", "java.sql..",
                            "javax.sql..", "java.rmi..", "javax.rmi..", "javax.naming..", "java.util.prefs..")
                            .or(assignableToOrNestedIn("java.io.File", "java.io.FileInputStream",
                                    "java.io.FileOutputStream", "java.io.FileReader", "java.io.FileWriter",
                                    "java.io.RandomAccessFile", "java.io.FileDescriptor", "java.io.FileFilter",
                                    "java.io.FilenameFilter", "java.io.FilePermission",
                                    "java.util.logging.FileHandler"))))
                    .orShould().accessTargetWhere(written(fileOpeningConstructors()))
                    .orShould().accessTargetWhere(written(targetOwner(type(System.class))
                            .and(targetNameIn("inheritedChannel")))));

    /**
     * Rule 5: no ending the JVM: {@code System.exit}, {@code Runtime.exit}, {@code Runtime.halt}, called or passed
     * as a method reference ({@code IntStream.range(0, 4).forEach(System::exit)}).
     */
    public static final ShortcutRule NO_EXIT = rule("No System.exit",
            "ending the JVM yourself stops your program before the pool has shut its workers down, and cuts "
                    + "the grader off. Let main return (or throw an exception), and close the Pool with "
                    + "try-with-resources. This includes method references such as System::exit." + SEE_GRADING,
            noClasses().that().resideInAPackage(LAB_PACKAGES)
                    .should().accessTargetWhere(written(targetOwner(type(System.class)).and(targetNameIn("exit"))
                            .or(targetOwner(type(Runtime.class)).and(targetNameIn("exit", "halt"))))));

    /**
     * Rule 6: no reading or changing the JVM's configuration: {@code System.getProperty/getProperties/
     * setProperty/setProperties/clearProperty/getenv/setOut/setErr/setIn/console/load/loadLibrary/
     * getSecurityManager/setSecurityManager}, {@code Runtime.addShutdownHook/removeShutdownHook/load/loadLibrary},
     * {@code Integer.getInteger}, {@code Long.getLong}, {@code Boolean.getBoolean} (they read system properties),
     * {@code SecurityManager}, {@code java.io.Console}, {@code java.lang.management..} and
     * {@code javax.management..} (they expose the JVM's arguments and properties).
     */
    public static final ShortcutRule NO_SYSTEM_SETTINGS = rule("No system settings",
            "system properties, environment variables, the console and the standard streams belong to the "
                    + "grader, which uses them to run your program and capture what it prints. Print with "
                    + "System.out.println, and do not read or change the JVM's settings (nor add shutdown hooks "
                    + "or load native libraries)." + SEE_GRADING,
            noClasses().that().resideInAPackage(LAB_PACKAGES)
                    .should().accessTargetWhere(written(targetOwner(type(System.class))
                            .and(targetNameIn("getProperty", "getProperties", "setProperty", "setProperties",
                                    "clearProperty", "getenv", "setOut", "setErr", "setIn", "console", "load",
                                    "loadLibrary", "getSecurityManager", "setSecurityManager"))
                            .or(targetOwner(type(Runtime.class)).and(targetNameIn("addShutdownHook",
                                    "removeShutdownHook", "load", "loadLibrary")))
                            .or(targetOwner(type(Integer.class)).and(targetNameIn("getInteger")))
                            .or(targetOwner(type(Long.class)).and(targetNameIn("getLong")))
                            .or(targetOwner(type(Boolean.class)).and(targetNameIn("getBoolean")))))
                    .orShould(useClassesThat(assignableToOrNestedIn("java.lang.SecurityManager", "java.io.Console")
                            .or(resideInAnyPackage("java.lang.management..", "javax.management..")))));

    /** Rule 7: no use of the runtime's private machinery, package {@code multiprocessing.internal}. */
    public static final ShortcutRule NO_RUNTIME_INTERNALS = rule("No runtime internals",
            "multiprocessing.internal is the runtime's private machinery, which the grader relies on. Use the "
                    + "library's public classes (Pool, Process, Queue, AsyncResult, Range), as the guide's "
                    + "section 'From Python to Java' shows." + SEE_GRADING,
            noClasses().that().resideInAPackage(LAB_PACKAGES)
                    .should(useClassesThat(resideInAPackage("multiprocessing.internal.."))));

    /** Rule 8: no use of the grader's or the test frameworks' classes ({@code grader..}, JUnit, ArchUnit). */
    public static final ShortcutRule NO_GRADER_CLASSES = rule("No grader or test classes",
            "the grader's and the test frameworks' classes are not there when your program runs on its own; "
                    + "your code may use the JDK and the multiprocessing library only." + SEE_GRADING,
            noClasses().that().resideInAPackage(LAB_PACKAGES)
                    .should(useClassesThat(resideInAnyPackage("grader..", "org.junit..", "org.opentest4j..",
                            "org.apiguardian..", "com.tngtech.."))));

    private static final List<ShortcutRule> ALL = List.of(NO_THREADS, NO_OTHER_PROGRAMS, NO_REFLECTION,
            NO_FILES_OR_NETWORK, NO_EXIT, NO_SYSTEM_SETTINGS, NO_RUNTIME_INTERNALS, NO_GRADER_CLASSES);

    private ForbiddenShortcuts() {
    }

    /**
     * Every rule, in the order the guide lists the shortcuts.
     *
     * @return an unmodifiable list
     */
    public static List<ShortcutRule> all() {
        return ALL;
    }

    /**
     * The rule with the given {@linkplain ShortcutRule#name() name}, for example to show its explanation next to
     * a {@link Violation}.
     *
     * @param name a rule name such as {@code No threads}
     * @return the rule
     * @throws IllegalArgumentException if no rule has that name
     */
    public static ShortcutRule named(String name) {
        return ALL.stream().filter(rule -> rule.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no rule named '" + name + "'"));
    }

    private static ShortcutRule rule(String name, String because, ArchRule rule) {
        // allowEmptyShould: a step whose directory holds no lab class has nothing to break, not a broken rule.
        return new ShortcutRule(name, because, rule.because(because).allowEmptyShould(true));
    }

    // ---- predicates on accesses ----

    /**
     * Accesses the student wrote: all accesses but those in javac's synthetic {@code $deserializeLambda$} method,
     * which repeat the serializable lambdas and method references of the class; each of them is also recorded,
     * and reported, where the student wrote it.
     */
    private static DescribedPredicate<JavaAccess<?>> written(DescribedPredicate<? super JavaAccess<?>> predicate) {
        return WRITTEN_BY_STUDENT.and(predicate);
    }

    private static boolean isLambdaDeserializer(JavaCodeUnit codeUnit) {
        return codeUnit.getName().equals("$deserializeLambda$")
                && codeUnit.getModifiers().contains(JavaModifier.SYNTHETIC);
    }

    private static DescribedPredicate<JavaAccess<?>> targetNameIn(String... names) {
        Set<String> set = Set.of(names);
        return describe("target name is one of " + sorted(set), access -> set.contains(access.getTarget().getName()));
    }

    private static DescribedPredicate<JavaAccess<?>> targetNameNotIn(Set<String> allowed) {
        return describe("target name is not one of " + sorted(allowed),
                access -> !allowed.contains(access.getTarget().getName()));
    }

    private static DescribedPredicate<JavaAccess<?>> parallelStreams() {
        return targetOwner(assignableTo(Collection.class)).and(targetNameIn("parallelStream"))
                .or(targetOwner(assignableTo(BaseStream.class)).and(targetNameIn("parallel")))
                .or(targetOwner(type(Arrays.class)).and(targetNameIn("parallelSort", "parallelPrefix",
                        "parallelSetAll")))
                .or(targetOwner(assignableToOrNestedIn("java.util.stream.StreamSupport")))
                .or(targetOwner(assignableTo(ConcurrentHashMap.class)).and(describe(
                        "target is a bulk operation with a parallelism threshold",
                        access -> access.getTarget().getName().matches("(forEach|reduce|search).*")
                                && firstParameterIs(access, "long"))))
                .as("a parallel stream or parallel bulk operation");
    }

    private static DescribedPredicate<JavaAccess<?>> fileOpeningConstructors() {
        return describe("a constructor of PrintStream, PrintWriter or Formatter that opens a file by name",
                access -> access.getTarget() instanceof ConstructorCallTarget
                        && Set.of("java.io.PrintStream", "java.io.PrintWriter", "java.util.Formatter")
                                .contains(access.getTargetOwner().getName())
                        && firstParameterIs(access, "java.lang.String"));
    }

    private static boolean firstParameterIs(JavaAccess<?> access, String typeName) {
        if (!(access.getTarget() instanceof CodeUnitAccessTarget target)) {
            return false;
        }
        List<JavaClass> parameters = target.getRawParameterTypes();
        return !parameters.isEmpty() && parameters.get(0).getName().equals(typeName);
    }

    // ---- predicates on classes ----

    /**
     * Classes assignable to one of the given classes (the class itself, its subclasses, its implementations), or
     * nested in one of them ({@code java.lang.Thread$Builder} matches {@code java.lang.Thread$Builder$OfVirtual}).
     * Binary names, not {@code Class} objects, so that classes of newer JDKs (such as
     * {@code StructuredTaskScope}) need not exist in the grader's JDK.
     */
    static DescribedPredicate<JavaClass> assignableToOrNestedIn(String... names) {
        Set<String> set = Set.of(names);
        return describe("assignable to " + sorted(set) + " or nested in one of them", javaClass -> {
            String name = javaClass.getName();
            for (String forbidden : set) {
                if (name.startsWith(forbidden + "$") || javaClass.isAssignableTo(forbidden)) {
                    return true;
                }
            }
            return false;
        });
    }

    // ---- the condition on dependencies ----

    /**
     * The condition "use classes that ...": every dependency of a class (accesses, method and constructor
     * references, supertypes, field, parameter and return types, {@code throws}, {@code instanceof},
     * {@code Foo.class}, annotations, type arguments) whose target matches, except the accesses in javac's synthetic
     * {@code $deserializeLambda$}. Like ArchUnit's {@code dependOnClassesThat}, which cannot leave those out. With
     * {@code noClasses().should(...)}, each match is one violation, carrying its {@link Dependency}.
     */
    static ArchCondition<JavaClass> useClassesThat(DescribedPredicate<? super JavaClass> targets) {
        return new ArchCondition<>("use classes that " + targets.getDescription()) {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                for (Dependency dependency : javaClass.getDirectDependenciesFromSelf()) {
                    boolean matches = targets.test(dependency.getTargetClass()) && !isDeserializationGlue(dependency);
                    events.add(new SimpleConditionEvent(dependency, matches, dependency.getDescription()));
                }
            }
        };
    }

    private static boolean isDeserializationGlue(Dependency dependency) {
        for (Object access : dependency.convertTo(JavaAccess.class)) {
            if (LAMBDA_DESERIALIZATION_GLUE.test((JavaAccess<?>) access)) {
                return true;
            }
        }
        return false;
    }

    private static String sorted(Set<String> names) {
        return "[" + String.join(", ", new TreeSet<>(names)) + "]";
    }
}
