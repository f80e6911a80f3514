package multiprocessing.internal;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import multiprocessing.MultiprocessingException;

/**
 * Starts child JVMs: the parent's own {@code java}, the parent's class path, and {@link ChildMain}.
 * How the class path reaches the child (an argument file, holding it or naming a jar whose manifest
 * lists it) is {@link ClassPathHandOver}'s business.
 */
public final class ChildLauncher {
    /** Options that make a short-lived child JVM start fast and die cleanly on heap exhaustion. */
    private static final List<String> DEFAULT_JVM_OPTIONS = List.of(
            "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-XX:-UsePerfData",
            "-XX:+ExitOnOutOfMemoryError");

    private static ClassPathHandOver classPath;

    private ChildLauncher() {
    }

    private static MultiprocessingException cannotStart(String role, Exception cause) {
        return new MultiprocessingException("cannot start a JVM for " + role + ": " + cause.getMessage()
                + ". Check that " + javaExecutable() + " runs and that -D" + Config.WORKER_JVM_ARGS
                + " holds valid JVM options.", cause);
    }

    /** Launches a child for {@code bootstrap}; its output goes to this process's stdout and stderr. */
    public static ChildProcess launch(Bootstrap bootstrap, String role) {
        if (ExitHook.exiting()) {
            throw new MultiprocessingException("cannot start " + role + ": this program is exiting");
        }
        ChildRegistry.reserve(role);
        List<String> command;
        try {
            command = command();
        } catch (IOException e) {
            // The class path could not be handed over (an unwritable temporary folder, a path the launcher
            // cannot read): the message says what to do, and java itself is not at fault.
            ChildRegistry.unreserve();
            throw new MultiprocessingException("cannot start a JVM for " + role + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            ChildRegistry.unreserve();
            throw cannotStart(role, e);
        }
        java.lang.Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException | RuntimeException e) {
            ChildRegistry.unreserve();
            throw cannotStart(role, e);
        }
        OutputStream lifeline = process.getOutputStream();
        String name = "multiprocessing-output-" + process.pid();
        ChildProcess child = new ChildProcess(process, lifeline,
                OutputPump.start(name, process.getInputStream(), () -> System.out),
                OutputPump.start(name, process.getErrorStream(), () -> System.err), role,
                bootstrap.role() == Bootstrap.Role.PROCESS);
        ChildRegistry.track(child);
        try {
            // The child's pid first: the child could ask ProcessHandle, but at a cost to its start (see ProcessId).
            lifeline.write((process.pid() + " " + bootstrap.toLine() + "\n").getBytes(StandardCharsets.US_ASCII));
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
        command.add(classPath().argument());
        command.add(ChildMain.class.getName());
        return command;
    }

    /** The {@code java} of the running JVM, so children run on the same Java as their parent. */
    public static String javaExecutable() {
        boolean windows = File.separatorChar == '\\';
        return Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java").toString();
    }

    private static synchronized ClassPathHandOver classPath() throws IOException {
        if (classPath == null) {
            Path file = createPrivateTempFile("multiprocessing-classpath-", ".args");
            file.toFile().deleteOnExit();
            // Children start in this JVM's working directory: ProcessBuilder's default.
            classPath = ClassPathHandOver.of(System.getProperty("java.class.path", "."), file,
                    Path.of("").toAbsolutePath());
        }
        return classPath;
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
            Path file = directory.resolve(prefix + HexFormat.of().formatHex(Hub.randomBytes(8)) + suffix);
            try {
                return posix
                        ? Files.createFile(file, PosixFilePermissions.asFileAttribute(
                                PosixFilePermissions.fromString("rw-------")))
                        : Files.createFile(file);
            } catch (FileAlreadyExistsException e) {
                if (attempt == 10) {
                    throw e;
                }
            }
        }
    }
}
