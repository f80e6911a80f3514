package multiprocessing.internal;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import multiprocessing.MultiprocessingException;

/**
 * Starts child JVMs: the parent's own {@code java}, the parent's class path, and {@link ChildMain}.
 *
 * <p>The class path travels in an argument file ({@code @file}, understood by every {@code java}
 * since 9) because Windows limits a command line to 32K characters and long IDE class paths pass
 * that. The argument-file quoting rules are in {@link #argumentFileLine}.
 */
public final class ChildLauncher {
    /** Options that make a short-lived child JVM start fast and die cleanly on heap exhaustion. */
    private static final List<String> DEFAULT_JVM_OPTIONS = List.of(
            "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-XX:-UsePerfData",
            "-XX:+ExitOnOutOfMemoryError");

    private static Path classPathFile;

    private ChildLauncher() {
    }

    /** Launches a child for {@code bootstrap}; its output goes to this process's stdout and stderr. */
    public static ChildProcess launch(Bootstrap bootstrap, String role) {
        if (ExitHook.exiting()) {
            throw new MultiprocessingException("cannot start " + role + ": this program is exiting");
        }
        ChildRegistry.reserve(role);
        java.lang.Process process;
        try {
            process = new ProcessBuilder(command()).start();
        } catch (IOException | RuntimeException e) {
            ChildRegistry.unreserve();
            throw new MultiprocessingException("cannot start a JVM for " + role + ": " + e.getMessage()
                    + ". Check that " + javaExecutable() + " runs and that -D" + Config.WORKER_JVM_ARGS
                    + " holds valid JVM options.", e);
        }
        OutputStream lifeline = process.getOutputStream();
        String name = "multiprocessing-output-" + process.pid();
        ChildProcess child = new ChildProcess(process, lifeline,
                OutputPump.start(name, process.getInputStream(), () -> System.out),
                OutputPump.start(name, process.getErrorStream(), () -> System.err), role,
                bootstrap.role() == Bootstrap.Role.PROCESS);
        ChildRegistry.track(child);
        try {
            lifeline.write((bootstrap.toLine() + "\n").getBytes(StandardCharsets.US_ASCII));
            lifeline.flush();
        } catch (IOException e) {
            // The child died at once; whoever waits for it will see its exit code and error output.
        }
        return child;
    }

    static List<String> command() throws IOException {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(DEFAULT_JVM_OPTIONS);
        command.addAll(Config.workerJvmArgs());
        command.add("@" + classPathFile());
        command.add(ChildMain.class.getName());
        return command;
    }

    /** The {@code java} of the running JVM, so children run on the same Java as their parent. */
    public static String javaExecutable() {
        boolean windows = File.separatorChar == '\\';
        return Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java").toString();
    }

    private static synchronized Path classPathFile() throws IOException {
        if (classPathFile == null) {
            Path file = createPrivateTempFile("multiprocessing-classpath-", ".args");
            file.toFile().deleteOnExit();
            String classPath = System.getProperty("java.class.path", ".");
            Files.writeString(file, "-cp\n" + argumentFileLine(classPath) + "\n", StandardCharsets.UTF_8);
            classPathFile = file;
        }
        return classPathFile;
    }

    /**
     * A new temporary file only its owner can read, as {@link Files#createTempFile} makes, but named
     * from {@link Hub#randomBytes}: {@code createTempFile} draws its name from {@code SecureRandom},
     * whose provider framework would cost every program's start some fifty classes.
     */
    private static Path createPrivateTempFile(String prefix, String suffix) throws IOException {
        Path directory = Path.of(System.getProperty("java.io.tmpdir"));
        boolean posix = directory.getFileSystem().supportedFileAttributeViews().contains("posix");
        for (int attempt = 0; ; attempt++) {
            Path file = directory.resolve(prefix + java.util.HexFormat.of().formatHex(Hub.randomBytes(8)) + suffix);
            try {
                return posix
                        ? Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                                java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")))
                        : Files.createFile(file);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt == 10) {
                    throw e;
                }
            }
        }
    }

    /**
     * One argument as a line of a {@code java} argument file: in double quotes, so spaces stay inside
     * the argument, with backslashes and double quotes escaped, since a backslash escapes the next
     * character inside quotes (Windows paths are full of backslashes).
     */
    public static String argumentFileLine(String argument) {
        return '"' + argument.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
