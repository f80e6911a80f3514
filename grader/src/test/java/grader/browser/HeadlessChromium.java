package grader.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.JavascriptException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumDriverLogLevel;
import org.openqa.selenium.interactions.Actions;

/**
 * One headless Chromium, driven by Selenium through the system's chromedriver, with what the tests
 * need beyond WebDriver: the page's errors and requests ({@link PageLog}), downloads into a folder of
 * the test's choosing, an exact viewport, and waiting for a condition in the page. Start it with
 * {@link #start()}, and always close it in try-with-resources or {@code @AfterAll}: {@link #close}
 * ends chromedriver and every Chromium process and deletes the browser's private directory, also
 * when the test failed.
 *
 * <p>Both programs come from the machine ({@link ChromiumAvailability#binariesForTest}), never from
 * the network: with the driver's path given, Selenium does not start Selenium Manager, which would
 * otherwise try to download a driver. The private directory holds the profile, a home directory
 * (Chromium writes crash-report settings and a dconf cache under {@code $HOME}, whatever the profile
 * says), chromedriver's log and the default download folder.
 *
 * <p>One tab is in use at a time: {@link #newTab} replaces it with a fresh one, and the page methods
 * act on it. Every call that waits gives up after the timeout ({@link #DEFAULT_TIMEOUT} unless
 * {@link #setTimeout} says otherwise).
 */
public final class HeadlessChromium implements AutoCloseable {
    /** How long each call waits unless {@link #setTimeout} changed it. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /** How long chromedriver may take to start and to start Chromium. */
    public static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);

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
            // The same window everywhere, so screenshots and layouts compare across machines.
            "--window-size=1280,800");

    private static final Duration POLL = Duration.ofMillis(50);
    private static final int LOG_LINES_IN_ERRORS = 15;
    private static final int LONGEST_SCRIPT_IN_MESSAGES = 120;

    // Selenium looks for its typed DevTools binding of the browser's version and warns when none is on
    // the class path. These tests send their few DevTools commands by name, through chromedriver, so
    // the warning would only be noise. Held here: the logging framework keeps loggers weakly.
    private static final Logger CDP_VERSION_FINDER = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    static {
        CDP_VERSION_FINDER.setLevel(Level.OFF);
    }

    private final ChromeDriver driver;
    private final Path directory;
    private final ChromiumProcesses processes;
    private final PageLog log;
    private final Thread shutdownHook = new Thread(this::close, "headless-chromium-shutdown");
    private final Set<Path> downloadsTaken = new HashSet<>();
    private Path downloadDirectory;
    private Duration timeout = DEFAULT_TIMEOUT;
    private boolean closed;

    private HeadlessChromium(ChromeDriver driver, Path directory, ChromiumProcesses processes) {
        this.driver = driver;
        this.directory = directory;
        this.processes = processes;
        this.log = new PageLog(driver);
    }

    /**
     * Starts the Chromium and chromedriver the machine has, or fails or skips the calling test when
     * it has none (see {@link ChromiumAvailability}).
     */
    public static HeadlessChromium start() {
        return start(ChromiumAvailability.binariesForTest());
    }

    /**
     * Starts {@code binaries.browser()} headless through {@code binaries.driver()}, with a fresh profile
     * in a private directory, its downloads allowed into a folder there and its log recorded.
     *
     * @throws IllegalStateException with the end of chromedriver's log when the browser does not start
     */
    public static HeadlessChromium start(ChromiumAvailability.Binaries binaries) {
        Path directory;
        Path home;
        Path profile;
        try {
            directory = Files.createTempDirectory("headless-chromium-");
            home = Files.createDirectories(directory.resolve("home"));
            profile = Files.createDirectories(directory.resolve("profile"));
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a directory for Chromium", e);
        }
        // Every process of this browser names the directory on its command line: chromedriver in its
        // log's path, Chromium's in the profile's. That is how close() finds them all.
        ChromiumProcesses processes = new ChromiumProcesses(directory + "/");
        Path driverLog = directory.resolve("chromedriver.log");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(binaries.driver().toFile())
                .usingAnyFreePort()
                .withTimeout(STARTUP_TIMEOUT)
                .withLogFile(driverLog.toFile())
                .withLogLevel(ChromiumDriverLogLevel.WARNING)
                // Added to the inherited environment; Chromium inherits chromedriver's.
                .withEnvironment(Map.of("HOME", home.toString(),
                        "XDG_CONFIG_HOME", home.resolve(".config").toString(),
                        "XDG_CACHE_HOME", home.resolve(".cache").toString()))
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binaries.browser().toFile());
        options.addArguments(FLAGS);
        options.addArguments("--user-data-dir=" + profile);
        PageLog.record(options);
        try {
            ChromeDriver driver = new ChromeDriver(service, options);
            HeadlessChromium chromium = new HeadlessChromium(driver, directory, processes);
            chromium.setTimeout(DEFAULT_TIMEOUT);
            chromium.downloadInto(directory.resolve("downloads"));
            Runtime.getRuntime().addShutdownHook(chromium.shutdownHook);
            return chromium;
        } catch (RuntimeException e) {
            IllegalStateException failure = new IllegalStateException(binaries.browser() + " did not start through "
                    + binaries.driver() + ": " + firstLine(e.getMessage()) + "; chromedriver's log ends with:\n" + tail(driverLog), e);
            try {
                service.stop();
            } catch (RuntimeException cleanup) {
                failure.addSuppressed(cleanup);
            }
            processes.stillRunning();
            List<ProcessHandle> survivors = processes.kill();
            if (!survivors.isEmpty()) {
                failure.addSuppressed(new IllegalStateException("processes survived being killed: " + pids(survivors)));
            }
            try {
                deleteRecursively(directory);
            } catch (UncheckedIOException cleanup) {
                failure.addSuppressed(cleanup);
            }
            throw failure;
        }
    }

    /** The WebDriver, for what this class does not cover. */
    public ChromeDriver driver() {
        return driver;
    }

    /** The browser's private directory: its profile, its home, chromedriver's log and the downloads; deleted on close. */
    public Path directory() {
        return directory;
    }

    /**
     * Sets how long every later call waits: for a page to load, a script to finish, an element to
     * become clickable, a condition or a download.
     */
    public void setTimeout(Duration timeout) {
        this.timeout = Objects.requireNonNull(timeout);
        driver.manage().timeouts().pageLoadTimeout(timeout).scriptTimeout(timeout);
    }

    /**
     * Replaces the tab with a fresh one on {@code about:blank}: every other tab is closed, and the
     * errors and requests recorded so far are forgotten, so that a test sees only its own.
     */
    public void newTab() {
        driver.switchTo().newWindow(WindowType.TAB);
        String fresh = driver.getWindowHandle();
        for (String handle : driver.getWindowHandles()) {
            if (!handle.equals(fresh)) {
                driver.switchTo().window(handle).close();
            }
        }
        driver.switchTo().window(fresh);
        log.forget();
    }

    /** Opens a local file in the tab and waits for its load event. */
    public void open(Path file) {
        driver.get(file.toAbsolutePath().toUri().toString());
    }

    /**
     * Evaluates the JavaScript expression {@code expression} in the page and returns its value as
     * WebDriver converts it ({@code Map}, {@code List}, {@code String}, {@code Long}, {@code Double},
     * {@code Boolean}, or {@code null} for null and undefined); a promise is awaited.
     *
     * @throws JavascriptException when the expression throws or its promise rejects
     */
    public Object evaluate(String expression) {
        // The line break ends a trailing line comment, which would otherwise swallow the parenthesis.
        return driver.executeScript("return (" + expression + "\n);");
    }

    /**
     * Clicks the element {@code cssSelector} matches, as a user would, through WebDriver's element
     * click. Waits until the element exists, is displayed and enabled and no other element would
     * receive the click at its centre, so that a click that would land on an overlay fails instead of
     * clicking something else.
     *
     * @throws TimeoutException naming the selector and what was last in the way
     */
    public void click(String cssSelector) {
        onElement(cssSelector, "clickable", WebElement::click);
    }

    /**
     * Types {@code text} into the element {@code cssSelector} matches, after whatever it holds, with
     * key events for every character, as WebDriver's element send keys does.
     */
    public void type(String cssSelector, String text) {
        onElement(cssSelector, "typed into", element -> element.sendKeys(text));
    }

    /** Presses and releases {@code key} (a character, or one of Selenium's {@code Keys}) on the focused element. */
    public void pressKey(CharSequence key) {
        new Actions(driver).sendKeys(key).perform();
    }

    /** {@link #waitFor(String, Duration)} with this browser's timeout. */
    public Object waitFor(String condition) {
        return waitFor(condition, timeout);
    }

    /**
     * Evaluates the JavaScript expression {@code condition} every 50 ms until it is truthy, and
     * returns that value. A condition that throws counts as not yet true, since the thing it asks
     * about may simply not exist yet.
     *
     * @throws TimeoutException with the last value or exception when the time is up
     */
    public Object waitFor(String condition, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        String last = "never evaluated";
        do {
            try {
                Object value = driver.executeScript("return (" + condition + "\n);");
                if (truthy(value)) {
                    return value;
                }
                last = "last value " + value;
            } catch (JavascriptException e) {
                last = "last attempt threw " + firstLine(e.getMessage());
            }
        } while (pause(end));
        throw timedOut(timeout, "`" + abbreviate(condition) + "` to be true (" + last + ")");
    }

    /** Makes the viewport {@code width} by {@code height} CSS pixels, at one device pixel each. */
    public void setViewport(int width, int height) {
        // WebDriver sets the window's size, of which the viewport is whatever the browser leaves.
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    }

    /** Saves a PNG of the viewport as {@code png}, creating its folder; returns {@code png}. */
    public Path screenshot(Path png) {
        byte[] bytes = driver.getScreenshotAs(OutputType.BYTES);
        try {
            Path folder = png.toAbsolutePath().getParent();
            if (folder != null) {
                Files.createDirectories(folder);
            }
            return Files.write(png, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("could not save the screenshot as " + png, e);
        }
    }

    /**
     * Sends later downloads to {@code folder}, creating it. Downloads are allowed from the start, into
     * {@link #downloadDirectory()}; this only moves them.
     */
    public void downloadInto(Path folder) {
        Path absolute = folder.toAbsolutePath();
        try {
            Files.createDirectories(absolute);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create the download directory " + absolute, e);
        }
        // Headless Chromium refuses downloads until told where they go; WebDriver has no command for it.
        driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", absolute.toString()));
        downloadDirectory = absolute;
    }

    /** Where downloads go: a folder in the browser's private directory until {@link #downloadInto} names another. */
    public Path downloadDirectory() {
        return downloadDirectory;
    }

    /** {@link #awaitDownload(Duration)} with this browser's timeout. */
    public Path awaitDownload() {
        return awaitDownload(timeout);
    }

    /**
     * The file of the next download to complete in {@link #downloadDirectory()}, waiting at most
     * {@code timeout} for it. Downloads that completed before the call count, oldest first, so click
     * first and wait afterwards. Chromium writes a download under a {@code .crdownload} name and
     * gives it its own name only once it is complete, so a file under its own name is whole.
     *
     * @throws TimeoutException naming the unfinished downloads, if any
     */
    public Path awaitDownload(Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        List<Path> unfinished;
        do {
            List<Path> files = files(downloadDirectory);
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (!name.endsWith(".crdownload") && !name.startsWith(".") && downloadsTaken.add(file)) {
                    return file;
                }
            }
            unfinished = files.stream().filter(file -> file.getFileName().toString().endsWith(".crdownload")).toList();
        } while (pause(end));
        throw timedOut(timeout, "a download to complete in " + downloadDirectory
                + " (" + (unfinished.isEmpty() ? "none began" : "begun but unfinished: " + unfinished) + ")");
    }

    /**
     * The errors the pages reported since this tab opened, oldest first: uncaught exceptions and
     * unhandled rejections, {@code console.error} and failed {@code console.assert} calls, and the
     * browser's own errors (a resource that failed to load, a request or an inline script or style
     * that the Content-Security-Policy blocked). Assert it is empty to check that a page ran cleanly;
     * an error in a timer or a late rejection may come after the page loaded, so check at the end of
     * the test.
     */
    public List<String> pageErrors() {
        return log.errors();
    }

    /** The URL of every request since this tab opened, including the pages opened, oldest first. */
    public List<String> requests() {
        return log.requests();
    }

    /**
     * The {@link #requests} that went beyond the page's own files: all but {@code file:},
     * {@code data:}, {@code blob:} and {@code about:} URLs. Assert it is empty to check that a page
     * works offline and leaks nothing.
     */
    public List<String> nonLocalRequests() {
        return log.nonLocalRequests();
    }

    /**
     * Ends the browser: quits the WebDriver session (which closes Chromium and stops chromedriver),
     * kills whatever of either is still running (re-parented helpers too) and deletes the private
     * directory. Does nothing the second time.
     *
     * @throws IllegalStateException when a process survived being killed
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        // Seen now, while the tree is whole: a child whose parent died no longer shows as a descendant.
        processes.stillRunning();
        RuntimeException failure = null;
        try {
            driver.quit();
        } catch (RuntimeException e) {
            failure = e; // the processes are killed below all the same
        }
        List<ProcessHandle> survivors = processes.kill();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // close() is the hook running: nothing to remove.
        }
        if (!survivors.isEmpty()) {
            IllegalStateException survived = new IllegalStateException("Chromium processes survived being killed: " + pids(survivors));
            if (failure != null) {
                survived.addSuppressed(failure);
            }
            throw survived;
        }
        deleteRecursively(directory);
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Waits for {@code cssSelector}'s element to take {@code action}: retried while nothing matches,
     * the element is hidden, disabled or under another, or was replaced meanwhile. A selector that is
     * not valid CSS fails at once.
     */
    private void onElement(String cssSelector, String state, Consumer<WebElement> action) {
        long end = System.nanoTime() + timeout.toNanos();
        String problem = "never checked";
        do {
            try {
                List<WebElement> found = driver.findElements(By.cssSelector(cssSelector));
                if (found.isEmpty()) {
                    problem = "nothing matches it";
                } else if (!found.get(0).isDisplayed()) {
                    problem = "it is not displayed";
                } else if (!found.get(0).isEnabled()) {
                    problem = "it is disabled";
                } else {
                    action.accept(found.get(0));
                    return;
                }
            } catch (ElementNotInteractableException | StaleElementReferenceException e) {
                // Also the click that another element would have received (ElementClickInterceptedException).
                problem = firstLine(e.getMessage());
            }
        } while (pause(end));
        throw timedOut(timeout, cssSelector + " to be " + state + " (" + problem + ")");
    }

    private static TimeoutException timedOut(Duration timeout, String what) {
        return new TimeoutException("timed out after " + timeout.toMillis() + " ms waiting for " + what);
    }

    /** Sleeps a poll interval unless the time is up; returns whether to try again. */
    private static boolean pause(long endNanos) {
        long left = endNanos - System.nanoTime();
        if (left <= 0) {
            return false;
        }
        try {
            Thread.sleep(Math.max(1, Math.min(POLL.toMillis(), left / 1_000_000)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the browser", e);
        }
        return true;
    }

    private static boolean truthy(Object value) {
        if (value == null || Boolean.FALSE.equals(value) || "".equals(value)) {
            return false;
        }
        return !(value instanceof Number number) || (number.doubleValue() != 0 && !Double.isNaN(number.doubleValue()));
    }

    private static List<Path> files(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .sorted(Comparator.comparing((Path file) -> lastModified(file)).thenComparing(Comparator.naturalOrder()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list the download directory " + folder, e);
        }
    }

    private static long lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return Long.MAX_VALUE; // renamed meanwhile: seen under its new name on the next poll
        }
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

    private static String tail(Path log) {
        try {
            // Decoded leniently: the log is chromedriver's and Chromium's, and a stray byte must not hide the real error.
            List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_LINES_IN_ERRORS), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static String pids(List<ProcessHandle> processes) {
        return processes.stream().map(process -> Long.toString(process.pid())).collect(Collectors.joining(", "));
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    private static String abbreviate(String script) {
        String oneLine = script.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= LONGEST_SCRIPT_IN_MESSAGES ? oneLine : oneLine.substring(0, LONGEST_SCRIPT_IN_MESSAGES) + "...";
    }
}
