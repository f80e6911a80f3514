package grader.rules;

import static grader.rules.Samples.assertAllowed;
import static grader.rules.Samples.assertFlagged;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One violating sample per rule and per known trap, each asserting that exactly its marked lines are reported and
 * by the right rule; and allowed programs (the reference solutions, the stubs, and a tour of what a solution may
 * use) that must produce no violation at all.
 */
@DisplayName("ForbiddenShortcuts")
class ForbiddenShortcutsTest {

    @TempDir
    Path temp;

    private Path classes() {
        return temp.resolve("classes");
    }

    @Nested
    @DisplayName("No threads")
    class NoThreads {
        private static final String RULE = "No threads";

        @Test
        @DisplayName("new Thread(...) and start() are reported")
        void threadConstructorAndStart() {
            assertFlagged(classes(), RULE, """
                    package lab;

                    public class Sample {
                        public static void main(String[] args) {
                            Runnable work = () -> System.out.println("hi");
                            new Thread(work).start(); //! x2
                        }
                    }
                    """);
        }

        @Test
        @DisplayName("a class that extends Thread is reported, with its construction and start")
        void subclassOfThread() {
            assertFlagged(classes(), RULE, """
                    package lab;

                    public class Sample {
                        static class Worker extends Thread { //! x2
                            @Override
                            public void run() {
                                System.out.println("working");
                            }
                        }

                        public static void main(String[] args) {
                            new Worker().start(); //! x2
                        }
                    }
                    """);
        }

        @Test
        @DisplayName("an anonymous subclass of Thread is reported")
        void anonymousThread() {
            assertFlagged(classes(), RULE, """
                    package lab;

                    public class Sample {
                        public static void main(String[] args) {
                            Thread t = new Thread() { //! x3
                                @Override
                                public void run() {
                                    System.out.println("working");
                                }
                            };
                            System.out.println(t.getName());
                        }
                    }
                    """);
        }

        @Test
        @DisplayName("the constructor reference Thread::new is reported")
        void threadConstructorReference() {
            assertFlagged(classes(), RULE, """
                    package lab;

                    import java.util.function.Function;

                    public class Sample {
                        public static void main(String[] args) {
                            Function<Runnable, Thread> factory = Thread::new; //!
                            System.out.println(factory);
                        }
                    }
                    """);
        }

        @Test
        @DisplayName("the method reference Thread::start is reported")
        void threadStartReference() {
            assertFlagged(classes(), RULE, """
                    package lab;

                    import java.util.List;

                    public class Sample {
                        static void startAll(List<Thread> threads) {
                            threads.forEach(Thread::start); //!
                        }

                        public static void main(String[] args) {
                            startAll(List.of());
                        }
                    }
                    """);
        }

        @Test
        @DisplayName("Thread.ofVirtual(), ofPlatform() and startVirtualThread() (as JDK 21 compiles them) are reported")
        void virtualThreads() throws IOException {
            Path directory = Files.createDirectories(classes().resolve("lab"));
            Files.write(directory.resolve("Virtual.class"), ThreadBuilderBytecode.virtualThreadsClass());
            List<Violation> violations = new RuleChecker().check(classes());
            assertEquals(List.of(new Samples.Hit("Virtual.java", 5, RULE), new Samples.Hit("Virtual.java", 6, RULE),
                            new Samples.Hit("Virtual.java", 7, RULE)), Samples.hits(violations),
                    () -> Samples.describe(violations));
        }

        @Test
        @DisplayName("an ExecutorService from Executors is reported at each use")
        void executors() {
            assertFlagged(classes(), RULE, """
                    package lab;

                    import java.util.concurrent.ExecutorService;
                    import java.util.concurrent.Executors;

                    public class Sample {
                        public static void main(String[] args) {
                            ExecutorService pool = Executors.newFixedThreadPool(4); //!
                            pool.submit(() -> System.out.println("task")); //!
                            pool.shutdown(); //!
                        }
                    }
                    """);
        }

        @Test
        @DisplayName("a class implementing Executor is reported")
        void ownExecutor() {
            assertFlagged(classes(), RULE, """
                    package lab;

                    import java.util.concurrent.Executor;

                    public class Sample implements Executor { //!
                        @Override
                        public void execute(Runnable command) {
                            command.run();
                        }
                    }
                    """);
        }

        @Test
        @DisplayName("CompletableFuture is reported")
        void completableFuture() {
            assertFlagged(classes(), RULE, """
                    package lab;

                    import java.util.concurrent.CompletableFuture;

                    public class Sample {
                        public static void main(String[] args) {
                            CompletableFuture<Integer> answer = CompletableFuture.supplyAsync(() -> 6 * 7); //!
                            int result = answer.join(); //!
                            System.out.println(result);
                        }
                    }
                    """);
        }

        @Test
        @DisplayName("ForkJoinPool and a RecursiveTask subclass are reported")
        void forkJoin() {
            assertFlagged(classes(), RULE, """
                    package lab;

                    import java.util.concurrent.ForkJoinPool;
                    import java.util.concurrent.RecursiveTask;

                    public class Sample {
                        static class Sum extends RecursiveTask<Long> { //! x2
                            @Override
                            protected Long compute() {
                                return 42L;
                            }
                        }

                        public static void main(String[] args) {
                            ForkJoinPool pool = ForkJoinPool.commonPool(); //!
                            Sum sum = new Sum(); //!
                            System.out.println(pool.invoke(sum)); //!
                        }
                    }
                    """);
        }

        @Test
        @DisplayName("java.util.Timer and TimerTask are reported")
        void timer() {
            assertFlagged(classes(), RULE, """
                    package lab;

                    import java.util.Timer;
                    import java.util.TimerTask;

                    public class Sample {
                        static class Tick extends TimerTask { //! x2
                            @Override
                            public void run() {
                                System.out.println("tick");
                            }
                        }

                        public static void main(String[] args) {
                            Timer timer = new Timer(); //!
                            timer.schedule(new Tick(), 10); //! x2
                        }
                    }
                    """);
        }

        @Test
        @DisplayName("parallelStream() on an ArrayList (owner ArrayList, not Collection) is reported")
        void parallelStreamOnArrayList() {
            assertFlagged(classes(), RULE, """
                    package lab;

                    import java.util.ArrayList;

                    public class Sample {
                        public static void main(String[] args) {
                            ArrayList<Integer> numbers = new ArrayList<>();
                            numbers.add(3);
                            System.out.println(numbers.parallelStream().mapToInt(x -> x * x).sum()); //!
                        }
                    }
                    """);
        }

        @Test
        @DisplayName("parallelStream() on a List and on the library's Range is reported")
        void parallelStreamOnListAndRange() {
            assertFlagged(classes(), RULE, """
                    package lab;

                    import static multiprocessing.Range.range;

                    import java.util.List;

                    public class Sample {
                        public static void main(String[] args) {
                            List<Integer> numbers = List.of(1, 2, 3);
                            System.out.println(numbers.parallelStream().count()); //!
                            System.out.println(range(10).parallelStream().count()); //!
                        }
                    }
                    """);
        }

        @Test
        @DisplayName("the method reference Collection::parallelStream is reported")
        void parallelStreamReference() {
            assertFlagged(classes(), RULE, """
                    package lab;

                    import java.util.Collection;
                    import java.util.List;
                    import java.util.stream.Stream;

                    public class Sample {
                        public static void main(String[] args) {
                            List<List<Integer>> lists = List.of(List.of(1), List.of(2));
                            long count = lists.stream().flatMap(Collection::parallelStream).count(); //!
                            Stream<Integer> again = lists.stream().flatMap(List::parallelStream); //!
                            System.out.println(count + again.count());
                        }
                    }
                    """);
        }

        @Test
        @DisplayName("parallel() on IntStream and Stream, and IntStream::parallel, are reported")
        void parallelOnStreams() {
            assertFlagged(classes(), RULE, """
                    package lab;

                    import java.util.function.UnaryOperator;
                    import java.util.stream.IntStream;
                    import java.util.stream.Stream;

                    public class Sample {
                        public static void main(String[] args) {
                            System.out.println(IntStream.range(0, 10).parallel().map(x -> x * x).sum()); //!
                            System.out.println(Stream.of(1, 2, 3).parallel().count()); //!
                            UnaryOperator<IntStream> parallel = IntStream::parallel; //!
                            System.out.println(parallel.apply(IntStream.of(4)).sum());
                        }
                    }
                    """);
        }

        @Test
        @DisplayName("Arrays.parallelSort, parallelPrefix and parallelSetAll are reported; Arrays.sort is not")
        void parallelArrays() {
            assertFlagged(classes(), RULE, """
                    package lab;

                    import java.util.Arrays;

                    public class Sample {
                        public static void main(String[] args) {
                            int[] numbers = {3, 1, 2};
                            Arrays.sort(numbers);
                            Arrays.parallelSort(numbers); //!
                            Arrays.parallelPrefix(numbers, Integer::sum); //!
                            Arrays.parallelSetAll(numbers, i -> i * i); //!
                            System.out.println(Arrays.toString(numbers));
                        }
                    }
                    """);
        }

        @Test
        @DisplayName("StreamSupport (its parallel flag) and ConcurrentHashMap's parallel bulk operations are reported")
        void otherParallelStreams() {
            assertFlagged(classes(), RULE, """
                    package lab;

                    import java.util.List;
                    import java.util.concurrent.ConcurrentHashMap;
                    import java.util.stream.StreamSupport;

                    public class Sample {
                        public static void main(String[] args) {
                            List<Integer> numbers = List.of(1, 2, 3);
                            System.out.println(StreamSupport.stream(numbers.spliterator(), true).count()); //!
                            ConcurrentHashMap<Integer, Integer> squares = new ConcurrentHashMap<>();
                            squares.put(2, 4);
                            squares.forEach((k, v) -> System.out.println(k + " " + v));
                            squares.forEach(1L, (k, v) -> System.out.println(k + " " + v)); //!
                        }
                    }
                    """);
        }

        @Test
        @DisplayName("AWT's EventQueue.invokeLater (code on the GUI event thread) is reported")
        void guiEventThread() {
            assertFlagged(classes(), RULE, """
                    package lab;

                    import java.awt.EventQueue;

                    public class Sample {
                        public static void main(String[] args) {
                            EventQueue.invokeLater(() -> System.out.println("later")); //!
                        }
                    }
                    """);
        }

        @Test
        @DisplayName("a thread started inside a task lambda is reported at the lambda's line")
        void threadInsideTaskLambda() {
            assertFlagged(classes(), RULE, """
                    package lab;

                    import static multiprocessing.Range.range;

                    import java.util.List;
                    import multiprocessing.Pool;

                    public class Sample {
                        public static void main(String[] args) {
                            try (Pool pool = new Pool(4)) {
                                List<Integer> results = pool.map(x -> {
                                    new Thread(() -> System.out.println(x)).start(); //! x2
                                    return x * x;
                                }, range(4));
                                System.out.println(results);
                            }
                        }
                    }
                    """);
        }
    }

    @Nested
    @DisplayName("No starting programs")
    class NoStartingPrograms {
        private static final String RULE = "No starting programs";

        @Test
        @DisplayName("ProcessBuilder and java.lang.Process are reported")
        void processBuilder() {
            assertFlagged(classes(), RULE, """
                    package lab;

                    public class Sample {
                        public static void main(String[] args) throws Exception {
                            ProcessBuilder builder = new ProcessBuilder("java", "-version"); //!
                            java.lang.Process child = builder.start(); //!
                            System.out.println(child.waitFor()); //!
                        }
                    }
                    """);
        }

        @Test
        @DisplayName("Runtime.exec and the constructor reference ProcessBuilder::new are reported")
        void runtimeExec() {
            assertFlagged(classes(), RULE, """
                    package lab;

                    import java.util.function.Function;

                    public class Sample {
                        public static void main(String[] args) throws Exception {
                            Runtime.getRuntime().exec("java -version"); //!
                            Function<String[], ProcessBuilder> builders = ProcessBuilder::new; //!
                            System.out.println(builders);
                        }
                    }
                    """);
        }

        @Test
        @DisplayName("ProcessHandle control (parent, ProcessHandle::destroy) is reported; current().pid() is not")
        void processHandle() {
            assertFlagged(classes(), RULE, """
                    package lab;

                    public class Sample {
                        public static void main(String[] args) {
                            System.out.println(ProcessHandle.current().pid());
                            ProcessHandle.current().parent().ifPresent(ProcessHandle::destroy); //! x2
                        }
                    }
                    """);
        }
    }

    @Nested
    @DisplayName("No reflection")
    class NoReflection {
        private static final String RULE = "No reflection";

        @Test
        @DisplayName("Class.forName, getMethod and Method.invoke are reported")
        void forNameAndInvoke() {
            assertFlagged(classes(), RULE, """
                    package lab;

                    public class Sample {
                        public static void main(String[] args) throws Exception {
                            Class<?> square = Class.forName("lab.Square"); //!
                            Object result = square.getMethod("square", int.class).invoke(null, 7); //! x2
                            System.out.println(result);
                        }
                    }
                    """);
        }

        @Test
        @DisplayName("the method reference Class::forName is reported")
        void forNameReference() {
            assertFlagged(classes(), RULE, """
                    package lab;

                    public class Sample {
                        interface Loader {
                            Class<?> load(String name) throws Exception;
                        }

                        public static void main(String[] args) throws Exception {
                            Loader loader = Class::forName; //!
                            System.out.println(loader.load("lab.Sample").getSimpleName());
                        }
                    }
                    """);
        }

        @Test
        @DisplayName("getDeclaredField and setAccessible are reported")
        void fieldAccess() {
            assertFlagged(classes(), RULE, """
                    package lab;

                    public class Sample {
                        public static void main(String[] args) throws Exception {
                            var field = String.class.getDeclaredField("value"); //!
                            field.setAccessible(true); //!
                        }
                    }
                    """);
        }

        @Test
        @DisplayName("MethodHandles, MethodType and MethodHandle are reported")
        void methodHandles() {
            assertFlagged(classes(), RULE, """
                    package lab;

                    import java.lang.invoke.MethodHandle;
                    import java.lang.invoke.MethodHandles;
                    import java.lang.invoke.MethodType;

                    public class Sample {
                        public static void main(String[] args) throws Throwable {
                            MethodHandles.Lookup lookup = MethodHandles.lookup(); //!
                            MethodType type = MethodType.methodType(int.class, int.class); //!
                            MethodHandle abs = lookup.findStatic(Math.class, "abs", type); //!
                            System.out.println((int) abs.invokeExact(-3)); //!
                        }
                    }
                    """);
        }

        @Test
        @DisplayName("ClassLoader and Class.getClassLoader are reported")
        void classLoader() {
            assertFlagged(classes(), RULE, """
                    package lab;

                    public class Sample {
                        public static void main(String[] args) throws Exception {
                            ClassLoader loader = Sample.class.getClassLoader(); //!
                            System.out.println(loader.loadClass("lab.Sample")); //!
                            System.out.println(ClassLoader.getSystemClassLoader()); //!
                        }
                    }
                    """);
        }

        @Test
        @DisplayName("constructing a SerializedLambda is reported (javac's own use of it is not)")
        void serializedLambda() {
            assertFlagged(classes(), RULE, """
                    package lab;

                    import java.lang.invoke.SerializedLambda;

                    public class Sample {
                        public static void main(String[] args) {
                            Object fake = new SerializedLambda(Sample.class, "multiprocessing/Task", "apply", //!
                                    "(Ljava/lang/Object;)Ljava/lang/Object;", 6, "java/lang/System", "exit", "(I)V",
                                    "(Ljava/lang/Integer;)Ljava/lang/Object;", new Object[0]);
                            System.out.println(fake);
                        }
                    }
                    """);
        }

        @Test
        @DisplayName("ObjectInputStream (deserialising loads classes by name) is reported")
        void objectInputStream() {
            assertFlagged(classes(), RULE, """
                    package lab;

                    import java.io.ByteArrayInputStream;
                    import java.io.ObjectInputStream;

                    public class Sample {
                        static Object read(byte[] bytes) throws Exception {
                            return new ObjectInputStream(new ByteArrayInputStream(bytes)).readObject(); //! x2
                        }
                    }
                    """);
        }

        @Test
        @DisplayName("sun.misc.Unsafe and Module are reported")
        void internalsAndModules() {
            assertFlagged(classes(), RULE, """
                    package lab;

                    public class Sample {
                        public static void main(String[] args) {
                            System.out.println(sun.misc.Unsafe.class.getName()); //!
                            Module module = Sample.class.getModule(); //!
                            System.out.println(module.getName()); //!
                        }
                    }
                    """);
        }
    }

    @Nested
    @DisplayName("No file or network I/O")
    class NoFilesOrNetwork {
        private static final String RULE = "No file or network I/O";

        @Test
        @DisplayName("java.nio.file (Files, Path) is reported")
        void nioFiles() {
            assertFlagged(classes(), RULE, """
                    package lab;

                    import java.nio.file.Files;
                    import java.nio.file.Path;

                    public class Sample {
                        public static void main(String[] args) throws Exception {
                            Files.writeString(Path.of("out.txt"), "[0, 1, 4]"); //! x2
                        }
                    }
                    """);
        }

        @Test
        @DisplayName("java.io files (FileWriter, File, FileInputStream) and PrintStream(fileName) are reported")
        void javaIoFiles() {
            assertFlagged(classes(), RULE, """
                    package lab;

                    import java.io.File;
                    import java.io.FileInputStream;
                    import java.io.FileWriter;
                    import java.io.PrintStream;

                    public class Sample {
                        public static void main(String[] args) throws Exception {
                            FileWriter writer = new FileWriter("out.txt"); //!
                            writer.write("hi"); //!
                            System.out.println(new FileInputStream(new File("out.txt")).read()); //! x3
                            new PrintStream("copy.txt").println("hi"); //!
                            new PrintStream(System.out, true).println("this one is fine");
                        }
                    }
                    """);
        }

        @Test
        @DisplayName("sockets and URLs are reported")
        void network() {
            assertFlagged(classes(), RULE, """
                    package lab;

                    import java.net.Socket;
                    import java.net.URI;

                    public class Sample {
                        public static void main(String[] args) throws Exception {
                            Socket socket = new Socket("localhost", 8080); //!
                            System.out.println(socket.isConnected()); //!
                            System.out.println(URI.create("http://example.org").toURL()); //! x2
                        }
                    }
                    """);
        }

        @Test
        @DisplayName("a serializable method reference Files::readString is reported once, where it is written")
        void serializableMethodReference() {
            assertFlagged(classes(), RULE, """
                    package lab;

                    import java.nio.file.Files;
                    import java.nio.file.Path;
                    import java.util.List;
                    import multiprocessing.Pool;

                    public class Sample {
                        public static void main(String[] args) {
                            try (Pool pool = new Pool(2)) {
                                System.out.println(pool.map(Files::readString, List.<Path>of())); //!
                            }
                        }
                    }
                    """);
        }

        @Test
        @DisplayName("a field of type Path is reported at its initialisation")
        void fieldType() {
            assertFlagged(classes(), RULE, """
                    package lab;

                    public class Sample {
                        static java.nio.file.Path output = null; //!

                        public static void main(String[] args) {
                            System.out.println(output == null);
                        }
                    }
                    """);
        }

        @Test
        @DisplayName("java.util.zip is reported, even on bytes in memory")
        void zip() {
            assertFlagged(classes(), RULE, """
                    package lab;

                    import java.io.ByteArrayOutputStream;
                    import java.util.zip.GZIPOutputStream;

                    public class Sample {
                        public static void main(String[] args) throws Exception {
                            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                            GZIPOutputStream zip = new GZIPOutputStream(bytes); //!
                            zip.write(1); //!
                        }
                    }
                    """);
        }
    }

    @Nested
    @DisplayName("No System.exit")
    class NoExit {
        private static final String RULE = "No System.exit";

        @Test
        @DisplayName("System.exit is reported")
        void systemExit() {
            assertFlagged(classes(), RULE, """
                    package lab;

                    public class Sample {
                        public static void main(String[] args) {
                            System.out.println("done");
                            System.exit(0); //!
                        }
                    }
                    """);
        }

        @Test
        @DisplayName("Runtime.halt and Runtime.exit are reported")
        void runtimeHaltAndExit() {
            assertFlagged(classes(), RULE, """
                    package lab;

                    public class Sample {
                        public static void main(String[] args) {
                            if (args.length > 0) {
                                Runtime.getRuntime().halt(1); //!
                            }
                            Runtime.getRuntime().exit(0); //!
                        }
                    }
                    """);
        }

        @Test
        @DisplayName("the method reference System::exit (IntStream.range(0, 4).forEach(System::exit)) is reported")
        void exitMethodReference() {
            assertFlagged(classes(), RULE, """
                    package lab;

                    import java.util.stream.IntStream;

                    public class Sample {
                        public static void main(String[] args) {
                            IntStream.range(0, 4).forEach(System::exit); //!
                        }
                    }
                    """);
        }

        @Test
        @DisplayName("System::exit as a Process target (a serializable method reference) is reported once")
        void exitAsProcessTarget() {
            assertFlagged(classes(), RULE, """
                    package lab;

                    import multiprocessing.Process;

                    public class Sample {
                        public static void main(String[] args) {
                            Process child = new Process(System::exit, 3); //!
                            child.start();
                            child.join();
                        }
                    }
                    """);
        }

        @Test
        @DisplayName("a method the student names $deserializeLambda$ is checked like any other")
        void ownDeserializeLambdaMethod() {
            assertFlagged(classes(), RULE, """
                    package lab;

                    import java.lang.invoke.SerializedLambda;

                    public class Sample {
                        private static Object $deserializeLambda$(SerializedLambda lambda) {
                            System.exit(4); //!
                            return lambda;
                        }
                    }
                    """);
        }

        @Test
        @DisplayName("System.exit inside a lambda is reported at the lambda's line")
        void exitInLambda() {
            assertFlagged(classes(), RULE, """
                    package lab;

                    public class Sample {
                        public static void main(String[] args) {
                            Runnable stop = () -> {
                                System.out.println("bye");
                                System.exit(2); //!
                            };
                            stop.run();
                        }
                    }
                    """);
        }
    }

    @Nested
    @DisplayName("No system settings")
    class NoSystemSettings {
        private static final String RULE = "No system settings";

        @Test
        @DisplayName("System.getProperty, getProperties, setProperty and getenv are reported")
        void propertiesAndEnvironment() {
            assertFlagged(classes(), RULE, """
                    package lab;

                    public class Sample {
                        public static void main(String[] args) {
                            System.out.println(System.getProperty("multiprocessing.trace")); //!
                            System.out.println(System.getProperties().size()); //!
                            System.setProperty("multiprocessing.maxProcesses", "64"); //!
                            System.out.println(System.getenv("HOME")); //!
                            System.out.println(System.getenv().size()); //!
                        }
                    }
                    """);
        }

        @Test
        @DisplayName("the method reference System::getenv and Integer.getInteger are reported")
        void getenvReferenceAndGetInteger() {
            assertFlagged(classes(), RULE, """
                    package lab;

                    import java.util.function.UnaryOperator;

                    public class Sample {
                        public static void main(String[] args) {
                            UnaryOperator<String> env = System::getenv; //!
                            System.out.println(env.apply("PATH"));
                            System.out.println(Integer.getInteger("workers", 4)); //!
                        }
                    }
                    """);
        }

        @Test
        @DisplayName("System.setOut, setErr and console are reported; new PrintStream(OutputStream) is not")
        void standardStreams() {
            assertFlagged(classes(), RULE, """
                    package lab;

                    import java.io.ByteArrayOutputStream;
                    import java.io.PrintStream;

                    public class Sample {
                        public static void main(String[] args) {
                            PrintStream capture = new PrintStream(new ByteArrayOutputStream());
                            System.setOut(capture); //!
                            System.setErr(capture); //!
                            System.out.println(System.console() == null); //!
                        }
                    }
                    """);
        }

        @Test
        @DisplayName("Runtime.addShutdownHook and System.loadLibrary are reported")
        void shutdownHookAndNativeCode() {
            assertFlagged(classes(), RULE, """
                    package lab;

                    public class Sample {
                        static void register(Thread hook) {
                            Runtime.getRuntime().addShutdownHook(hook); //!
                        }

                        public static void main(String[] args) {
                            System.loadLibrary("evil"); //!
                        }
                    }
                    """);
        }
    }

    @Nested
    @DisplayName("No runtime internals")
    class NoRuntimeInternals {
        private static final String RULE = "No runtime internals";

        @Test
        @DisplayName("a call into multiprocessing.internal is reported")
        void internalCall() {
            assertFlagged(classes(), RULE, """
                    package lab;

                    import multiprocessing.internal.Config;

                    public class Sample {
                        public static void main(String[] args) {
                            System.out.println(Config.maxProcesses()); //!
                        }
                    }
                    """);
        }

        @Test
        @DisplayName("a method reference into multiprocessing.internal is reported")
        void internalReference() {
            assertFlagged(classes(), RULE, """
                    package lab;

                    import java.util.function.Function;
                    import multiprocessing.internal.TaskNames;

                    public class Sample {
                        public static void main(String[] args) {
                            Function<Object, String> names = TaskNames::describe; //!
                            System.out.println(names.apply("x"));
                        }
                    }
                    """);
        }
    }

    @Nested
    @DisplayName("No grader or test classes")
    class NoGraderClasses {
        private static final String RULE = "No grader or test classes";

        @Test
        @DisplayName("the grader's and JUnit's classes are reported")
        void graderAndJunit() {
            assertFlagged(classes(), RULE, """
                    package lab;

                    public class Sample {
                        public static void main(String[] args) {
                            System.out.println(new grader.rules.RuleChecker().rules().size()); //! x2
                            org.junit.jupiter.api.Assertions.assertTrue(args.length >= 0); //!
                        }
                    }
                    """);
        }
    }

    @Nested
    @DisplayName("Allowed")
    class Allowed {

        @ParameterizedTest(name = "reference solution {0}")
        @ValueSource(strings = {"Square", "ComplexSquare", "MultiprocessingQueue", "SlowSquare"})
        @DisplayName("each reference solution, compiled alone as the grader compiles a step, breaks no rule")
        void referenceSolutions(String step) {
            assertNoViolation(repository().resolve(Path.of("solutions", "src", "main", "java", "lab"))
                    .resolve(step + ".java"));
        }

        @ParameterizedTest(name = "stub {0}")
        @ValueSource(strings = {"Square", "ComplexSquare", "MultiprocessingQueue", "SlowSquare"})
        @DisplayName("each untouched stub breaks no rule")
        void stubs(String step) {
            assertNoViolation(repository().resolve(Path.of("exercises", "src", "main", "java", "lab"))
                    .resolve(step + ".java"));
        }

        /** The repository root: the parent of the grader module (Surefire sets {@code basedir} to the module). */
        private Path repository() {
            return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize().getParent();
        }

        private void assertNoViolation(Path source) {
            List<Violation> violations = new RuleChecker().check(Samples.compileFiles(classes(), List.of(source)));
            assertEquals(List.of(), violations, () -> Samples.describe(violations));
        }

        @Test
        @DisplayName("what a solution may use (pool, queue, sleep, interrupt, lambdas, records...) breaks no rule")
        void everydayJava() {
            assertAllowed(classes(), """
                    package lab;

                    import static multiprocessing.Range.range;

                    import java.io.ByteArrayOutputStream;
                    import java.io.PrintStream;
                    import java.io.Serializable;
                    import java.util.ArrayList;
                    import java.util.Arrays;
                    import java.util.Collections;
                    import java.util.List;
                    import java.util.Map;
                    import java.util.concurrent.ConcurrentHashMap;
                    import java.util.concurrent.ExecutionException;
                    import java.util.concurrent.Future;
                    import java.util.concurrent.TimeUnit;
                    import java.util.concurrent.TimeoutException;
                    import java.util.stream.Collectors;
                    import java.util.stream.IntStream;
                    import multiprocessing.AsyncResult;
                    import multiprocessing.Pool;
                    import multiprocessing.Process;
                    import multiprocessing.Queue;

                    public final class Everyday {
                        record Point(int x, int y) implements Serializable {
                        }

                        enum Colour { RED, GREEN }

                        private static final Map<String, Integer> CACHE = new ConcurrentHashMap<>();

                        static long square(int x) {
                            return (long) x * x;
                        }

                        static void callback(Long result) {
                            System.out.println("got " + result);
                        }

                        static void consume(Queue<Integer> queue) {
                            for (Integer item = queue.get(); item != null; item = queue.get()) {
                                System.out.printf("%d%n", item);
                            }
                        }

                        static int slow(int x) {
                            try {
                                Thread.sleep(10);
                                Thread.sleep(0, 500);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                throw new IllegalStateException("interrupted: " + x, e);
                            }
                            if (Thread.interrupted() || Thread.currentThread().isInterrupted()) {
                                return -1;
                            }
                            return x * x;
                        }

                        public static void main(String[] args) throws Exception {
                            assert args != null;
                            try (Pool pool = new Pool(Math.min(4, Runtime.getRuntime().availableProcessors()))) {
                                List<Long> squares = pool.map(Everyday::square, range(10));
                                List<Integer> doubled = pool.map(x -> x * 2, range(4), 2);
                                List<AsyncResult<Long>> pending = new ArrayList<>();
                                for (int x : range(3)) {
                                    pending.add(pool.applyAsync(Everyday::square, x, Everyday::callback));
                                }
                                for (AsyncResult<Long> result : pending) {
                                    result.await();
                                }
                                Future<Long> future = pool.applyAsync(Everyday::square, 7);
                                try {
                                    System.out.println(future.get(5, TimeUnit.SECONDS));
                                } catch (TimeoutException | ExecutionException e) {
                                    System.err.println("failed: " + e.getMessage());
                                }
                                System.out.println(squares + " " + doubled + " " + pool.workerPids().size());
                            }
                            Queue<Integer> queue = new Queue<>();
                            Process consumer = new Process(Everyday::consume, queue);
                            consumer.start();
                            queue.put(1);
                            queue.put(null);
                            consumer.join();
                            System.out.println(consumer.exitCode() + " " + consumer.pid() + " "
                                    + ProcessHandle.current().pid());

                            int total = IntStream.range(0, 10).map(x -> x * x).sum();
                            List<Integer> sorted = Arrays.asList(3, 1, 2);
                            Collections.sort(sorted);
                            Arrays.sort(new int[] {3, 1, 2});
                            String joined = sorted.stream().map(String::valueOf).collect(Collectors.joining(","));
                            CACHE.merge(joined, total, Integer::sum);
                            CACHE.forEach((k, v) -> System.out.println(k + "=" + v));
                            Point p = new Point(1, 2);
                            switch (Colour.values()[p.x()]) {
                                case RED -> System.out.println("red");
                                case GREEN -> System.out.println("green");
                                default -> throw new AssertionError();
                            }
                            Object o = p;
                            if (o instanceof Point q && q.y() == 2) {
                                System.out.println(q + " " + q.getClass().getSimpleName() + Point.class.getName());
                            }
                            Runnable later = new Runnable() {
                                @Override
                                public void run() {
                                    System.out.println("anonymous, but no thread");
                                }
                            };
                            later.run();
                            PrintStream memory = new PrintStream(new ByteArrayOutputStream(), true);
                            memory.println(String.format("%s %s", Thread.currentThread().getName(), List.of(1, 2)));
                            System.out.println(Colour.valueOf("RED").name().toLowerCase() + " " + args.length);
                        }
                    }
                    """);
        }
    }
}
