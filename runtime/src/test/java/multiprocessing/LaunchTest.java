package multiprocessing;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import multiprocessing.fixtures.PrintProperty;
import multiprocessing.fixtures.SquaresMain;
import multiprocessing.internal.ChildMain;
import multiprocessing.internal.ClassPathHandOver;
import multiprocessing.internal.Config;
import multiprocessing.testing.CapturedOutput;
import multiprocessing.testing.ClassFiles;
import multiprocessing.testing.JavaProcess;
import multiprocessing.testing.SystemProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Covers how child JVMs are launched: with the parent's own {@code java} and class path, with the extra
 * options of {@code -Dmultiprocessing.worker.jvmArgs}, from class paths whose directory names hold
 * spaces and other characters that need quoting in a {@code java} argument file or letters the launcher
 * cannot read (handed over in a JAR manifest), and from a program started with {@code java -jar}. Also
 * covers the ways a launch can fail: a bad JVM option, a worker that does not connect in time, the cap
 * on child processes, and starting the child entry point by hand.
 */
@DisplayName("Launching child JVMs")
class LaunchTest {
    private static final Duration RUN_LIMIT = Duration.ofSeconds(120);
    /** A folder as a student's may be named: spaces, accents and an umlaut. */
    private static final String ODD_FOLDER = "José Müller/One Drive/Lab ü";
    private static final String EXPECTED_SQUARES = "SQUARES [0, 1, 4, 9, 16, 25, 36, 49, 64, 81]";

    // ---- tasks and targets ----

    static String property(String name) {
        return System.getProperty(name);
    }

    static long maxMemory(int ignored) {
        return Runtime.getRuntime().maxMemory();
    }

    static void reportProperty(Queue<String> reports) {
        reports.put(String.valueOf(System.getProperty("launch.test.flag")));
    }

    static void announceThenSleep(Queue<Long> announcements) throws InterruptedException {
        announcements.put(ProcessHandle.current().pid());
        Thread.sleep(120_000);
    }

    static void nothing() {
        // a target that does nothing
    }

    @Nested
    @DisplayName("use the parent's java and class path")
    @TestInstance(Lifecycle.PER_CLASS)
    class SameJava {
        private Pool pool;

        @BeforeAll
        void startPool() {
            pool = new Pool(1);
        }

        @AfterAll
        void closePool() {
            if (pool != null) {
                pool.close();
            }
        }

        @Test
        @DisplayName("a worker's executable is the parent's java executable")
        void workerCommand() {
            Optional<String> parentCommand = ProcessHandle.current().info().command();
            Optional<String> workerCommand = ProcessHandle.of(pool.workerPids().get(0))
                    .flatMap(handle -> handle.info().command());
            assumeTrue(parentCommand.isPresent() && workerCommand.isPresent(),
                    "this operating system does not tell a process's command");
            assertEquals(parentCommand.get(), workerCommand.get());
        }

        @Test
        @DisplayName("a Process's executable is the parent's java executable")
        void processCommand() {
            Optional<String> parentCommand = ProcessHandle.current().info().command();
            assumeTrue(parentCommand.isPresent(), "this operating system does not tell a process's command");
            Queue<Long> announcements = new Queue<>();
            Process process = new Process(LaunchTest::announceThenSleep, announcements);
            process.start();
            try {
                long pid = announcements.get(60, TimeUnit.SECONDS);
                Optional<String> command = ProcessHandle.of(pid).flatMap(handle -> handle.info().command());
                assumeTrue(command.isPresent(), "this operating system does not tell a process's command");
                assertEquals(parentCommand.get(), command.get());
            } finally {
                process.kill();
                process.join();
            }
        }

        @Test
        @DisplayName("a worker runs on the parent's Java installation")
        void workerJavaHome() {
            assertEquals(System.getProperty("java.home"), pool.apply(LaunchTest::property, "java.home"));
        }

        @Test
        @DisplayName("a worker has the parent's class path")
        void workerClassPath() {
            assertEquals(System.getProperty("java.class.path"), pool.apply(LaunchTest::property, "java.class.path"));
        }
    }

    @Nested
    @DisplayName("pass -Dmultiprocessing.worker.jvmArgs to every child")
    @TestInstance(Lifecycle.PER_CLASS)
    class WorkerJvmArgs {
        private static final String EXTRA = "-Dfoo.bar=42 -Xmx64m \"-Dlaunch.test.spaced=two  words\""
                + " -Dlaunch.test.flag=on";
        private Pool pool;
        private Queue<String> processReports;
        private Process process;

        @BeforeAll
        void startChildren() {
            processReports = new Queue<>();
            pool = SystemProperty.withAppended(Config.WORKER_JVM_ARGS, EXTRA,
                    () -> SystemProperty.with("multiprocessing.launchtest.inherited", "handed on", () -> new Pool(1)));
            process = SystemProperty.withAppended(Config.WORKER_JVM_ARGS, EXTRA, () -> {
                Process started = new Process(LaunchTest::reportProperty, processReports);
                started.start();
                return started;
            });
        }

        @AfterAll
        void stopChildren() {
            if (pool != null) {
                pool.close();
            }
            if (process != null) {
                process.join();
            }
        }

        @Test
        @DisplayName("a system property option reaches the worker")
        void propertyReachesWorker() {
            assertEquals("42", pool.apply(LaunchTest::property, "foo.bar"));
        }

        @Test
        @DisplayName("-Xmx64m limits the worker's heap")
        void heapLimitReachesWorker() {
            long max = pool.apply(LaunchTest::maxMemory, 0);
            assertTrue(max <= 64L * 1024 * 1024, "the worker's max memory is " + max + " bytes");
        }

        @Test
        @DisplayName("a double-quoted option keeps its spaces")
        void quotedOption() {
            assertEquals("two  words", pool.apply(LaunchTest::property, "launch.test.spaced"));
        }

        @Test
        @DisplayName("the options reach a Process too")
        void optionsReachProcess() {
            assertEquals("on", processReports.get(60, TimeUnit.SECONDS));
        }

        @Test
        @DisplayName("the parent's multiprocessing.* properties are handed on to workers")
        void multiprocessingPropertiesInherited() {
            assertEquals("handed on", pool.apply(LaunchTest::property, "multiprocessing.launchtest.inherited"));
        }

        @Test
        @DisplayName("options are not set in the parent itself")
        void parentUnchanged() {
            assertNotEquals("42", System.getProperty("foo.bar"));
        }
    }

    @Nested
    @DisplayName("work from unusual class paths")
    class UnusualClassPaths {

        @Test
        @DisplayName("a class path directory whose name holds spaces, $ and a single quote")
        void directoryWithSpaces(@TempDir Path temp) throws Exception {
            Path classes = temp.resolve("class path with spaces $HOME 'quoted'");
            ClassFiles.copyTo(classes, SquaresMain.class);
            assertRunsSquares(JavaProcess.start(classes.toString(), List.of(), SquaresMain.class.getName()));
        }

        @Test
        @DisplayName("a class path directory whose name holds a double quote and a backslash")
        @DisabledOnOs(value = OS.WINDOWS, disabledReason = "Windows file names cannot hold double quotes")
        void directoryWithDoubleQuote(@TempDir Path temp) throws Exception {
            Path classes = temp.resolve("say \"cheese\" \\ now");
            ClassFiles.copyTo(classes, SquaresMain.class);
            assertRunsSquares(JavaProcess.start(classes.toString(), List.of(), SquaresMain.class.getName()));
        }

        @Test
        @DisplayName("a program started with java -jar")
        void javaDashJar(@TempDir Path temp) throws Exception {
            Path jar = temp.resolve("squares app.jar");
            ClassFiles.writeJar(jar, SquaresMain.class, SquaresMain.class);
            assertRunsSquares(JavaProcess.startJar(jar, List.of()));
        }

        @Test
        @DisplayName("a class path directory whose path holds non-ASCII letters and spaces")
        void nonAsciiDirectory(@TempDir Path temp) throws Exception {
            Path classes = squaresProgramIn(temp.resolve(ODD_FOLDER));
            assertRunsSquares(JavaProcess.start(classes.toString(), List.of(), SquaresMain.class.getName()));
        }

        @Test
        @DisplayName("a class path given as a JAR manifest, as IntelliJ shortens long ones")
        void manifestJar(@TempDir Path temp) throws Exception {
            Path classes = squaresProgramIn(temp.resolve(ODD_FOLDER));
            Path jar = temp.resolve("classpath.jar");
            Manifest manifest = new Manifest();
            manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            // Class-Path entries are URLs: spaces and non-ASCII letters percent-encoded, a folder ends in "/".
            manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classes.toUri().toASCIIString());
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
                out.flush();
            }
            assertRunsSquares(JavaProcess.start(jar.toString(), List.of(), SquaresMain.class.getName()));
        }

        @Test
        @DisplayName("a class path given in an @argfile, as IDEs pass long ones")
        void argumentFile(@TempDir Path temp) throws Exception {
            Path classes = squaresProgramIn(temp.resolve(ODD_FOLDER));
            ClassPathHandOver handOver = ClassPathHandOver.of(classes.toString(), temp.resolve("idea args.txt"),
                    Path.of("").toAbsolutePath());
            assertRunsSquares(JavaProcess.start(null, List.of(handOver.argument()), SquaresMain.class.getName()));
        }

        @Test
        @DisplayName("a class path the argument file cannot spell, handed over in a JAR manifest")
        void manifestHandOver(@TempDir Path temp) throws Exception {
            Path classes = squaresProgramIn(temp.resolve(ODD_FOLDER));
            // US-ASCII stands for a launcher encoding that cannot spell the path, as windows-1252 and "Łukasz":
            // the argument file names a jar whose manifest lists the folder (ClassPathHandOverTest).
            ClassPathHandOver handOver = ClassPathHandOver.of(classes.toString(), temp.resolve("args"),
                    Path.of("").toAbsolutePath(), StandardCharsets.US_ASCII);
            assertRunsSquares(JavaProcess.start(null, List.of(handOver.argument()), SquaresMain.class.getName()));
        }

        /** Copies the runtime and {@link SquaresMain} into {@code folder}; returns it. */
        private static Path squaresProgramIn(Path folder) throws IOException {
            ClassFiles.copyTo(folder, SquaresMain.class);
            return folder;
        }

        private void assertRunsSquares(JavaProcess program) throws Exception {
            try (program) {
                Integer exit = program.waitFor(RUN_LIMIT);
                List<String> out = program.stdoutLines();
                assertAll(
                        () -> assertEquals(0, exit, program.describe()),
                        () -> assertTrue(out.contains(EXPECTED_SQUARES), program.describe()),
                        () -> assertTrue(out.contains("HELLO from a Process"), program.describe()),
                        () -> assertTrue(out.contains("PROCESS EXIT 0"), program.describe()));
            }
        }
    }

    @Nested
    @DisplayName("quote argument-file lines the way java reads them")
    class ArgumentFiles {

        @Test
        @DisplayName("java reads back an argument with spaces, quotes, backslashes and $ exactly")
        void javaReadsItBack(@TempDir Path temp) throws Exception {
            String tricky = "C:\\dir with spaces\\sub \"quoted\" 'single' $HOME %PATH% tab\there";
            Path file = temp.resolve("args file");
            Files.writeString(file, ClassPathHandOver.argumentFileLine("-Dprobe=" + tricky) + "\n", StandardCharsets.UTF_8);
            try (JavaProcess program = JavaProcess.start(System.getProperty("java.class.path"),
                    List.of("@" + file), PrintProperty.class.getName(), "probe")) {
                assertEquals(0, program.waitFor(RUN_LIMIT), program.describe());
                assertEquals(List.of("PROPERTY[" + tricky + "]"), program.stdoutLines());
            }
        }

        @Test
        @DisplayName("java reads back an argument with a line break in it as one argument")
        void lineBreaks(@TempDir Path temp) throws Exception {
            Path file = temp.resolve("args file");
            Files.writeString(file, ClassPathHandOver.argumentFileLine("-Dprobe=one\ntwo") + "\n",
                    StandardCharsets.UTF_8);
            try (JavaProcess program = JavaProcess.start(System.getProperty("java.class.path"),
                    List.of("@" + file), PrintProperty.class.getName(), "probe")) {
                assertEquals(0, program.waitFor(RUN_LIMIT), program.describe());
                assertEquals(List.of("PROPERTY[one", "two]"), program.stdoutLines());
            }
        }
    }

    @Nested
    @DisplayName("fail clearly")
    class Failures {

        @Test
        @DisplayName("a JVM option the worker JVM rejects makes new Pool fail with a message naming the property")
        void badJvmOption() {
            MultiprocessingException thrown;
            String err;
            try (CapturedOutput output = CapturedOutput.start()) {
                thrown = SystemProperty.withAppended(Config.WORKER_JVM_ARGS, "-XX:+NoSuchOptionAnywhere",
                        () -> assertThrows(MultiprocessingException.class, () -> new Pool(1)));
                err = output.stderr();
            }
            String message = thrown.getMessage();
            assertAll(
                    () -> assertTrue(message.contains(Config.WORKER_JVM_ARGS), message),
                    () -> assertTrue(err.contains("NoSuchOptionAnywhere"),
                            "the JVM's own error reaches stderr: " + err));
        }

        @Test
        @DisplayName("a worker JVM that exits silently before it is ready is not said to have written an error")
        void silentExit() {
            // --dry-run: the JVM starts and exits 0 without running main and without a word.
            MultiprocessingException thrown = SystemProperty.withAppended(Config.WORKER_JVM_ARGS, "--dry-run",
                    () -> assertThrows(MultiprocessingException.class, () -> new Pool(1)));
            assertAll(() -> assertTrue(thrown.getMessage().contains("it wrote no error output"), thrown.getMessage()),
                    () -> assertFalse(thrown.getMessage().contains("error output is above"), thrown.getMessage()));
        }

        @Test
        @DisplayName("a worker JVM that fails before it is ready points at its error output")
        void noisyExit() {
            MultiprocessingException thrown;
            try (CapturedOutput output = CapturedOutput.start()) {
                thrown = SystemProperty.withAppended(Config.WORKER_JVM_ARGS, "-XX:+NoSuchOptionAnywhere",
                        () -> assertThrows(MultiprocessingException.class, () -> new Pool(1)));
            }
            assertTrue(thrown.getMessage().contains("its error output is above"), thrown.getMessage());
        }

        @Test
        @DisplayName("an unclosed quote in the options makes new Pool fail with a message naming the property")
        void unclosedQuote() {
            MultiprocessingException thrown = SystemProperty.withAppended(Config.WORKER_JVM_ARGS, "\"-Dx=unclosed",
                    () -> assertThrows(MultiprocessingException.class, () -> new Pool(1)));
            assertAll(
                    () -> assertTrue(thrown.getMessage().contains(Config.WORKER_JVM_ARGS), thrown.getMessage()),
                    () -> assertInstanceOf(IllegalArgumentException.class, thrown.getCause()));
        }

        @Test
        @DisplayName("a worker that does not connect within the start timeout makes new Pool fail")
        void startTimeout() {
            // A debugger agent that suspends the JVM until a debugger attaches: the worker never connects.
            String suspend = "-agentlib:jdwp=transport=dt_socket,server=y,suspend=y,address=127.0.0.1:0";
            MultiprocessingException thrown = CapturedOutput.quietly(
                    () -> SystemProperty.with(Config.START_TIMEOUT, "1",
                            () -> SystemProperty.withAppended(Config.WORKER_JVM_ARGS, suspend,
                                    () -> assertThrows(MultiprocessingException.class, () -> new Pool(1)))));
            assertTrue(thrown.getMessage().contains("not ready after 1 s"), thrown.getMessage());
        }

        @Test
        @DisplayName("starting a Process beyond -Dmultiprocessing.maxProcesses is a MultiprocessingException")
        void capOnProcesses() {
            try (Pool occupying = new Pool(1)) {
                Process extra = new Process(LaunchTest::nothing);
                MultiprocessingException thrown = SystemProperty.with(Config.MAX_PROCESSES, "1",
                        () -> assertThrows(MultiprocessingException.class, extra::start));
                assertTrue(thrown.getMessage().contains(Config.MAX_PROCESSES), thrown.getMessage());
                assertEquals(1, occupying.size());
            }
        }

        @Test
        @DisplayName("a Process whose JVM cannot start exits with a non-zero code")
        void processWithBadJvmOption() {
            Process process = CapturedOutput.quietly(() -> {
                Process started = SystemProperty.withAppended(Config.WORKER_JVM_ARGS, "-XX:+NoSuchOptionAnywhere",
                        () -> {
                            Process unstartable = new Process(LaunchTest::nothing);
                            unstartable.start();
                            return unstartable;
                        });
                started.join();
                return started;
            });
            assertNotEquals(0, process.exitCode());
        }

        @Test
        @DisplayName("the child entry point started by hand, without a bootstrap, exits with an explanation")
        void childMainByHand() throws Exception {
            try (JavaProcess child = JavaProcess.start(ChildMain.class)) {
                child.process().getOutputStream().close();
                Integer exit = child.waitFor(RUN_LIMIT);
                assertAll(
                        () -> assertNotEquals(0, exit, child.describe()),
                        () -> assertTrue(child.stderr().contains("no bootstrap"), child.describe()));
            }
        }
    }
}
