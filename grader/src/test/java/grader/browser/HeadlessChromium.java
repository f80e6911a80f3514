package grader.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One headless Chromium, driven through the Chrome DevTools Protocol. Start it with {@link #start},
 * open tabs with {@link #newPage}, and always close it in try-with-resources: {@link #close} ends
 * every process the browser started and deletes its private directory, also when the test failed.
 *
 * <p>The protocol runs over Chromium's debugging pipe (file descriptors 3 and 4, plumbed by
 * {@code /bin/sh}) rather than a WebSocket: no port is opened, and Chromium quits by itself when the
 * pipe ends, so even a JVM killed outright leaves no browser behind (its crash handler, a helper
 * outside the process tree, follows it within a second or two). The browser gets a private
 * directory holding its profile, its home directory (Chromium writes crash-report settings and a
 * dconf cache under {@code $HOME}) and a download folder for each tab.
 *
 * <p>Linux and macOS only, where {@code /bin/sh} exists.
 */
public final class HeadlessChromium implements AutoCloseable {
    /** How long Chromium may take to start and answer its first command. */
    public static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);

    /** The system property that names the Chromium binary to use. */
    public static final String PATH_PROPERTY = "chromium.path";

    /** The environment variable that names the Chromium binary to use, when the property is not set. */
    public static final String PATH_VARIABLE = "CHROMIUM";

    /** Where {@link #find} looks, in order, for messages. */
    public static final String WHERE_LOOKED = "-D" + PATH_PROPERTY + ", $" + PATH_VARIABLE
            + ", /usr/bin/chromium, then chromium, chromium-browser and google-chrome on the PATH";

    private static final Path STANDARD_BINARY = Path.of("/usr/bin/chromium");
    private static final List<String> NAMES_ON_PATH = List.of("chromium", "chromium-browser", "google-chrome");
    private static final int LOG_LINES_IN_ERRORS = 15;

    // Chromium reads commands from fd 3 and writes to fd 4; stdin and stdout are the pipes to this JVM.
    private static final String PIPE_SCRIPT = "exec \"$0\" \"$@\" 3<&0 4>&1 </dev/null >/dev/null";

    private static final List<String> FLAGS = List.of(
            "--headless",
            // Containers and CI runners often lack the user namespaces Chromium's sandbox needs.
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            // The tests' machines only reach package registries: every background connection would be
            // refused, slowly and noisily, and a test must not depend on the network anyway.
            "--disable-quic",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--no-first-run",
            "--no-default-browser-check",
            // The same viewport everywhere, so screenshots and layouts compare across machines.
            "--window-size=1280,800",
            "--remote-debugging-pipe");

    private final Process process;
    private final Path directory;
    private final Path log;
    private final AtomicInteger pages = new AtomicInteger();
    private final ChromiumProcesses processes;
    private final CdpConnection connection;
    private final Downloads downloads;
    private boolean closed;

    private HeadlessChromium(Process process, Path directory) {
        this.process = process;
        this.directory = directory;
        this.log = directory.resolve("chromium.log");
        this.processes = new ChromiumProcesses(process.toHandle(), directory + File.separator);
        this.connection = new CdpConnection(process.getInputStream(), process.getOutputStream(), this::whatBecameOfIt);
        this.downloads = new Downloads(connection);
    }

    /**
     * The Chromium binary to use: the one named by the system property {@value #PATH_PROPERTY} or
     * the environment variable {@value #PATH_VARIABLE}, else {@code /usr/bin/chromium}, else the
     * first of {@code chromium}, {@code chromium-browser} and {@code google-chrome} on the PATH.
     *
     * @throws IllegalStateException when the property or variable names something that is not an
     *     executable file: a wrong setting must not quietly skip the browser tests
     */
    public static Optional<Path> find() {
        String configured = System.getProperty(PATH_PROPERTY);
        String source = "-D" + PATH_PROPERTY;
        if (configured == null || configured.isBlank()) {
            configured = System.getenv(PATH_VARIABLE);
            source = "$" + PATH_VARIABLE;
        }
        if (configured != null && !configured.isBlank()) {
            Path binary = Path.of(configured);
            if (!isExecutableFile(binary)) {
                throw new IllegalStateException(source + " names " + configured + ", which is not an executable file");
            }
            return Optional.of(binary);
        }
        if (isExecutableFile(STANDARD_BINARY)) {
            return Optional.of(STANDARD_BINARY);
        }
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        for (String name : NAMES_ON_PATH) {
            for (String folder : path.split(File.pathSeparator)) {
                if (!folder.isEmpty() && isExecutableFile(Path.of(folder, name))) {
                    return Optional.of(Path.of(folder, name));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Starts the Chromium that {@link #find} finds.
     *
     * @throws IllegalStateException when there is none
     */
    public static HeadlessChromium start() {
        return start(find().orElseThrow(() -> new IllegalStateException("no Chromium found; looked at " + WHERE_LOOKED)));
    }

    /**
     * Starts {@code binary} headless, with a fresh profile in a private directory, and waits until it
     * answers (at most {@link #STARTUP_TIMEOUT}).
     *
     * @throws BrowserException with the end of Chromium's log when it does not start
     */
    public static HeadlessChromium start(Path binary) {
        Path directory;
        try {
            directory = Files.createTempDirectory("headless-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a directory for Chromium", e);
        }
        Process process;
        try {
            process = launch(binary, directory);
        } catch (IOException e) {
            UncheckedIOException failure = new UncheckedIOException("could not start " + binary, e);
            try {
                deleteRecursively(directory);
            } catch (UncheckedIOException cleanup) {
                failure.addSuppressed(cleanup);
            }
            throw failure;
        }
        HeadlessChromium chromium = new HeadlessChromium(process, directory);
        try {
            chromium.connection.send(null, "Browser.getVersion", Map.of(), Deadline.in(STARTUP_TIMEOUT));
            return chromium;
        } catch (RuntimeException e) {
            // A browser that exited has said so, log included; one that hangs has not.
            String message = binary + " did not start: " + e.getMessage()
                    + (e instanceof BrowserTimeoutException ? "; its log ends with:\n" + chromium.logTail() : "");
            BrowserException failure = new BrowserException(message, e);
            try {
                chromium.close();
            } catch (RuntimeException cleanup) {
                failure.addSuppressed(cleanup);
            }
            throw failure;
        }
    }

    private static Process launch(Path binary, Path directory) throws IOException {
        Path home = Files.createDirectories(directory.resolve("home"));
        Path profile = Files.createDirectories(directory.resolve("profile"));
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", PIPE_SCRIPT, binary.toString()));
        command.addAll(FLAGS);
        command.add("--user-data-dir=" + profile);
        command.add("about:blank");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(directory.resolve("chromium.log").toFile());
        // Chromium writes under $HOME and the XDG folders whatever the profile says: keep that private too.
        Map<String, String> environment = builder.environment();
        environment.put("HOME", home.toString());
        environment.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        environment.put("XDG_CACHE_HOME", home.resolve(".cache").toString());
        return builder.start();
    }

    /**
     * Opens a new tab on {@code about:blank}, in a browser context of its own (nothing shared with
     * other tabs), with error and request recording switched on and downloads allowed into a folder
     * of its own.
     */
    public BrowserPage newPage() {
        Deadline deadline = Deadline.in(BrowserPage.DEFAULT_TIMEOUT);
        String context = (String) connection.send(null, "Target.createBrowserContext", Map.of(), deadline).get("browserContextId");
        String targetId = (String) connection.send(null, "Target.createTarget",
                Map.of("url", "about:blank", "browserContextId", context), deadline).get("targetId");
        // Flattened: the tab's commands travel on this same pipe, tagged with the session id.
        String sessionId = (String) connection.send(null, "Target.attachToTarget",
                Map.of("targetId", targetId, "flatten", true), deadline).get("sessionId");
        Path downloadDirectory = directory.resolve("downloads").resolve("page-" + pages.incrementAndGet());
        return BrowserPage.attach(connection, context, targetId, sessionId, downloads, downloadDirectory, deadline);
    }

    /** The launched process, whose descendants are Chromium's other processes; for tests that check clean-up. */
    public ProcessHandle process() {
        return process.toHandle();
    }

    /** The browser's private directory: its profile, its home and the tabs' download folders; deleted on close. */
    public Path directory() {
        return directory;
    }

    /**
     * Ends the browser: closes the pipe, kills every Chromium process (descendants and re-parented
     * helpers too) and deletes the private directory. Does nothing the second time.
     *
     * @throws IllegalStateException when a Chromium process survived being killed
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        // Seen now, while the tree is whole: a child whose parent died no longer shows as a descendant.
        processes.stillRunning();
        connection.close();
        List<ProcessHandle> survivors = processes.kill();
        if (!survivors.isEmpty()) {
            throw new IllegalStateException("Chromium processes survived being killed: "
                    + survivors.stream().map(p -> Long.toString(p.pid())).collect(Collectors.joining(", ")));
        }
        deleteRecursively(directory);
    }

    private static void deleteRecursively(Path directory) {
        IOException last = null;
        // Retried: a process that just died may have had a file half-written a moment ago.
        for (int attempt = 0; attempt < 3; attempt++) {
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
                return;
            } catch (IOException e) {
                last = e;
            } catch (UncheckedIOException e) {
                last = e.getCause();
            }
        }
        throw new UncheckedIOException("could not delete Chromium's directory " + directory, last);
    }

    /** What the end of the pipe meant, for error messages; waits a moment for the exit code. */
    private String whatBecameOfIt() {
        try {
            if (process.waitFor(2, TimeUnit.SECONDS)) {
                return "Chromium exited with code " + process.exitValue() + "; its log ends with:\n" + logTail();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "Chromium is still running; its log ends with:\n" + logTail();
    }

    private String logTail() {
        try {
            // Decoded leniently: the log is Chromium's, and a stray byte must not hide the real error.
            List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_LINES_IN_ERRORS), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static boolean isExecutableFile(Path path) {
        return Files.isRegularFile(path) && Files.isExecutable(path);
    }
}
