package multiprocessing.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A separate JVM that runs a fixture's {@code main}, started with this JVM's own {@code java}.
 *
 * <p>The coverage agent of this JVM (if any) and its {@code -Dmultiprocessing.worker.jvmArgs} are handed
 * on, so code that runs in the fixture and in its workers counts towards the runtime's coverage. Its
 * standard output is collected line by line; its standard error goes to a file, for failure messages.
 */
public final class JavaProcess implements AutoCloseable {
    private static final String WORKER_JVM_ARGS = "multiprocessing.worker.jvmArgs";

    private final java.lang.Process process;
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private final Path stderr;
    private final Thread reader;

    private JavaProcess(java.lang.Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        this.reader = new Thread(this::readLines, "fixture-stdout-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /** The {@code java} executable of this JVM. */
    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The options that carry this JVM's coverage agent to another JVM (empty without coverage). */
    public static List<String> coverageOptions() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(option -> option.startsWith("-javaagent:"))
                .toList();
    }

    /** The {@code -Dmultiprocessing.worker.jvmArgs=...} option of this JVM, with {@code extra} appended. */
    public static String workerJvmArgsOption(String extra) {
        String current = System.getProperty(WORKER_JVM_ARGS, "");
        String value = extra.isEmpty() ? current : current.isBlank() ? extra : current + " " + extra;
        return "-D" + WORKER_JVM_ARGS + "=" + value;
    }

    /** Starts {@code mainClass} on this JVM's class path. */
    public static JavaProcess start(Class<?> mainClass, String... args) throws IOException {
        return start(System.getProperty("java.class.path"), List.of(), mainClass.getName(), args);
    }

    /** Starts {@code mainClass} with extra JVM {@code options} on this JVM's class path. */
    public static JavaProcess start(List<String> options, Class<?> mainClass, String... args) throws IOException {
        return start(System.getProperty("java.class.path"), options, mainClass.getName(), args);
    }

    /**
     * Starts {@code java [coverage] [worker jvmArgs] options -cp classPath mainClass args}. When
     * {@code options} sets the worker jvmArgs itself, this JVM's setting is not added.
     */
    public static JavaProcess start(String classPath, List<String> options, String mainClass, String... args)
            throws IOException {
        return start(command(classPath, options, mainClass, args), null);
    }

    /**
     * Starts {@code java [coverage] [worker jvmArgs] options mainClass args} in {@code workingDirectory}:
     * the options give the class path, and relative paths in them are relative to that directory.
     */
    public static JavaProcess startIn(Path workingDirectory, List<String> options, String mainClass,
                                      String... args) throws IOException {
        return start(command(null, options, mainClass, args), workingDirectory);
    }

    private static List<String> command(String classPath, List<String> options, String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(coverageOptions());
        if (options.stream().noneMatch(o -> o.startsWith("-D" + WORKER_JVM_ARGS + "="))) {
            command.add(workerJvmArgsOption(""));
        }
        command.addAll(options);
        if (classPath != null) {
            command.add("-cp");
            command.add(classPath);
        }
        command.add(mainClass);
        command.addAll(List.of(args));
        return command;
    }

    /** Starts {@code java [coverage] [worker jvmArgs] options -jar jar args}. */
    public static JavaProcess startJar(Path jar, List<String> options, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(coverageOptions());
        command.add(workerJvmArgsOption(""));
        command.addAll(options);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(args));
        return start(command, null);
    }

    /** Starts {@code command} in {@code workingDirectory}, or in this JVM's when it is null. */
    private static JavaProcess start(List<String> command, Path workingDirectory) throws IOException {
        Path stderr = Files.createTempFile("fixture-stderr-", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory == null ? null : workingDirectory.toFile())
                .redirectError(stderr.toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        return new JavaProcess(builder.start(), stderr);
    }

    private void readLines() {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                }
            }
        } catch (IOException e) {
            // the fixture is gone; what it printed so far is kept
        } finally {
            synchronized (lines) {
                lines.notifyAll();
            }
        }
    }

    /** The fixture's pid. */
    public long pid() {
        return process.pid();
    }

    /** The process itself. */
    public java.lang.Process process() {
        return process;
    }

    /**
     * Waits up to {@code limit} for a line of standard output that matches {@code wanted}.
     *
     * @throws AssertionError with the fixture's output if none came
     */
    public String awaitLine(Predicate<String> wanted, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        synchronized (lines) {
            while (true) {
                for (String line : lines) {
                    if (wanted.test(line)) {
                        return line;
                    }
                }
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0 || (!reader.isAlive() && !process.isAlive())) {
                    throw new AssertionError("the fixture printed no expected line within " + limit + "; "
                            + describe());
                }
                lines.wait(Math.min(left, 100));
            }
        }
    }

    /** Waits up to {@code limit} for the fixture to exit; its exit code, or null if it still runs. */
    public Integer waitFor(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            return null;
        }
        reader.join(limit.toMillis());
        return process.exitValue();
    }

    /** Every line of standard output read so far. */
    public List<String> stdoutLines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** The fixture's standard error so far. */
    public String stderr() {
        try {
            return Files.readString(stderr);
        } catch (IOException e) {
            return "(standard error unreadable: " + e + ")";
        }
    }

    /** Its output, for assertion messages. */
    public String describe() {
        return "fixture pid " + pid() + (process.isAlive() ? " (running)" : " (exit " + process.exitValue() + ")")
                + "\n--- stdout ---\n" + String.join("\n", stdoutLines()) + "\n--- stderr ---\n" + stderr();
    }

    /** Kills the fixture and everything it started, if still running, and deletes the stderr file. */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
            Files.deleteIfExists(stderr);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException ignored) {
            // a temp file left behind is harmless
        }
    }
}
