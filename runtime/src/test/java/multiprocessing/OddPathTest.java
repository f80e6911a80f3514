package multiprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.File;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import multiprocessing.internal.ClassPathHandOver;
import multiprocessing.testing.ClassFiles;
import multiprocessing.testing.JavaProcess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs a small program compiled into, and started from, a folder whose path holds letters that Western
 * Windows code pages lack ({@code Łukasz Żółw/Lab ü}), with its class path handed over as the runtime
 * hands it to its own children ({@link ClassPathHandOver}). The program uses a {@code Pool(2)} and a
 * {@code Process} that answers through a {@code Queue}, so each of its children is started by the
 * runtime from the class path the program was given. Each way runs the program once; its tests read what
 * it printed.
 *
 * <p>This machine's launcher reads UTF-8, so windows-1252 is passed in to force the JAR manifest way
 * here; on a Windows runner the first way takes it for real.
 */
@DisplayName("Running from a folder with letters the launcher may not read")
class OddPathTest {
    private static final Duration RUN_LIMIT = Duration.ofSeconds(120);
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    /** Where the student keeps the lab: spaces, and letters outside windows-1252 and inside it. */
    private static final String LAB_FOLDER = "Łukasz Żółw/Lab ü";
    private static final String MAIN_CLASS = "lab.OddPath";
    private static final String PROGRAM = """
            package lab;

            import static multiprocessing.Range.range;

            import java.util.TreeSet;
            import multiprocessing.Pool;
            import multiprocessing.Process;
            import multiprocessing.Queue;

            public class OddPath {
                public static void main(String[] args) {
                    String classPath = System.getProperty("java.class.path");
                    System.out.println("MAIN " + ProcessHandle.current().pid());
                    System.out.println("MAIN CLASS PATH " + classPath);
                    try (Pool pool = new Pool(2)) {
                        System.out.println("SQUARES " + pool.map(OddPath::square, range(8)));
                        System.out.println("TASK PIDS " + new TreeSet<>(pool.map(OddPath::pid, range(8), 1)));
                        boolean same = classPath.equals(pool.apply(OddPath::classPath, 0));
                        System.out.println("WORKER CLASS PATH " + (same ? "as main's" : "another"));
                    }
                    Queue<String> queue = new Queue<>();
                    Process process = new Process(OddPath::greet, queue);
                    process.start();
                    System.out.println("QUEUE " + queue.get());
                    process.join();
                    System.out.println("PROCESS EXIT " + process.exitCode());
                }

                static int square(int x) {
                    return x * x;
                }

                static long pid(int ignored) {
                    return ProcessHandle.current().pid();
                }

                static String classPath(int ignored) {
                    return System.getProperty("java.class.path");
                }

                static void greet(Queue<String> queue) {
                    queue.put("hello from " + ProcessHandle.current().pid());
                }
            }
            """;

    @TempDir
    static Path temp;
    /** The lab's folder, whose path holds the odd letters. */
    private static Path lab;
    /** The program's compiled class, in the lab's folder. */
    private static Path classes;
    /** The runtime's classes, copied into the lab's folder too. */
    private static Path runtime;

    @BeforeAll
    static void compileIntoOddFolder() throws IOException, InterruptedException {
        lab = temp.resolve(LAB_FOLDER);
        runtime = lab.resolve("runtime classes");
        classes = lab.resolve("target/classes");
        ClassFiles.copyTo(runtime);
        Path source = Files.createDirectories(lab.resolve("src/lab")).resolve("OddPath.java");
        Files.writeString(source, PROGRAM, StandardCharsets.UTF_8);
        // javac in a JVM of its own: in this one the coverage agent would instrument the compiler, 4 s instead of 1.
        java.lang.Process javac = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "javac").toString(),
                "-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC", "-d", classes.toString(), "-cp", runtime.toString(),
                "-encoding", "UTF-8", "--release", "17", source.toString()).redirectErrorStream(true).start();
        String log = new String(javac.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, javac.waitFor(), "the program compiles into " + classes + ":\n" + log);
    }

    private static String classPath() {
        return classes + File.pathSeparator + runtime;
    }

    /**
     * What one run of the program printed. Each way of starting it runs it once (in {@code @BeforeAll})
     * and inherits these tests.
     */
    abstract static class ProgramRun {
        private List<String> out;
        private Integer exit;
        private String described;

        /** Starts the program the way this class covers. */
        abstract JavaProcess start() throws IOException;

        @BeforeAll
        void run() throws Exception {
            try (JavaProcess program = start()) {
                exit = program.waitFor(RUN_LIMIT);
                out = program.stdoutLines();
                described = program.describe();
            }
        }

        /** The rest of the first line that starts with {@code prefix}, or null. */
        String line(String prefix) {
            return out.stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()))
                    .findFirst().orElse(null);
        }

        String described() {
            return described;
        }

        private long mainPid() {
            String main = line("MAIN ");
            assertNotNull(main, described);
            return Long.parseLong(main);
        }

        @Test
        @DisplayName("the program exits with 0")
        void exitsCleanly() {
            assertEquals(0, exit, described);
        }

        @Test
        @DisplayName("its pool's results are right")
        void squares() {
            assertEquals("[0, 1, 4, 9, 16, 25, 36, 49]", line("SQUARES "), described);
        }

        @Test
        @DisplayName("its pool's tasks ran in worker JVMs, not in main's")
        void tasksRanInWorkers() {
            long main = mainPid();
            String pids = line("TASK PIDS ");
            assertNotNull(pids, described);
            List<Long> taskPids = Arrays.stream(pids.replaceAll("[\\[\\]]", "").split(", "))
                    .map(Long::parseLong).toList();
            assertFalse(taskPids.isEmpty() || taskPids.contains(main), "main " + main + ", tasks " + taskPids);
        }

        @Test
        @DisplayName("its workers were handed main's class path")
        void workersGotTheClassPath() {
            assertEquals("as main's", line("WORKER CLASS PATH "), described);
        }

        @Test
        @DisplayName("its Process's message came through the Queue from a JVM of its own")
        void processRanApart() {
            long main = mainPid();
            String sender = line("QUEUE hello from ");
            assertNotNull(sender, described);
            assertNotEquals(main, Long.parseLong(sender), described);
        }

        @Test
        @DisplayName("its Process exited with 0")
        void processExit() {
            assertEquals("0", line("PROCESS EXIT "), described);
        }
    }

    @Nested
    @DisplayName("its class path handed over in this system's encoding (on Windows, windows-1252 takes the jar)")
    @TestInstance(Lifecycle.PER_CLASS)
    class NativeEncoding extends ProgramRun {
        @Override
        JavaProcess start() throws IOException {
            Path arguments = Files.createDirectories(temp.resolve("native")).resolve("cp.args");
            ClassPathHandOver handOver = ClassPathHandOver.of(classPath(), arguments, Path.of("").toAbsolutePath());
            return JavaProcess.start(null, List.of(handOver.argument()), MAIN_CLASS);
        }
    }

    @Nested
    @DisplayName("its class path handed over under windows-1252, which lacks Ł: through a JAR manifest")
    @TestInstance(Lifecycle.PER_CLASS)
    class ManifestJar extends ProgramRun {
        private Path jar;

        @Override
        JavaProcess start() throws IOException {
            Path arguments = Files.createDirectories(temp.resolve("manifest")).resolve("cp.args");
            ClassPathHandOver handOver = ClassPathHandOver.of(classPath(), arguments, Path.of("").toAbsolutePath(),
                    WINDOWS_1252);
            jar = handOver.manifestJar().orElse(null);
            return JavaProcess.start(null, List.of(handOver.argument()), MAIN_CLASS);
        }

        @Test
        @DisplayName("main's class path is the manifest jar, so its classes came through the manifest")
        void mainClassPathIsTheJar() {
            assertEquals(String.valueOf(jar), line("MAIN CLASS PATH "), described());
        }
    }

    @Nested
    @DisplayName("its argument file and jar under 'Łukasz Żółw/Temp', named relative to a working directory in the lab")
    @TestInstance(Lifecycle.PER_CLASS)
    class RelativePaths extends ProgramRun {

        @Override
        JavaProcess start() throws IOException {
            // As on Windows with the temporary folder under C:\Users\Łukasz and the project beside it.
            Path arguments = Files.createDirectories(temp.resolve("Łukasz Żółw/Temp")).resolve("cp.args");
            ClassPathHandOver handOver = ClassPathHandOver.of(classPath(), arguments, lab, WINDOWS_1252);
            return JavaProcess.startIn(lab, List.of(handOver.argument()), MAIN_CLASS);
        }

        @Test
        @DisplayName("main's class path is the jar's path relative to the lab")
        void mainClassPathIsRelative() {
            assertEquals(Path.of("..", "Temp", "cp.args.jar").toString(), line("MAIN CLASS PATH "), described());
        }
    }
}
