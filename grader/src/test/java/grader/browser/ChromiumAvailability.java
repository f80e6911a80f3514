package grader.browser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Which Chromium and chromedriver a browser test uses, and what it does without them. With both found
 * it runs. Without one it fails on CI ({@code CI=true}), where the build installs Debian's
 * {@code chromium} and {@code chromium-driver} packages and a missing program means a broken build;
 * elsewhere it is skipped, with a warning on the console, so that a developer sees what went untested
 * instead of a quiet green.
 *
 * <p>The two must be of the same version: chromedriver refuses any other browser, saying which
 * version it wants. Debian's {@code chromium-driver} package requires the {@code chromium} of its own
 * version, and both land in {@code /usr/bin}, where each is looked for first.
 */
public final class ChromiumAvailability {
    /** The system property that names the Chromium binary to use. */
    public static final String BROWSER_PROPERTY = "chromium.path";

    /** The environment variable that names the Chromium binary to use, when the property is not set. */
    public static final String BROWSER_VARIABLE = "CHROMIUM";

    /** The system property that names the chromedriver binary to use. */
    public static final String DRIVER_PROPERTY = "chromedriver.path";

    /** The environment variable that names the chromedriver binary to use, when the property is not set. */
    public static final String DRIVER_VARIABLE = "CHROMEDRIVER";

    private static final Program BROWSER = new Program("Chromium", BROWSER_PROPERTY, BROWSER_VARIABLE,
            Path.of("/usr/bin/chromium"), List.of("chromium", "chromium-browser", "google-chrome"));
    private static final Program DRIVER = new Program("chromedriver", DRIVER_PROPERTY, DRIVER_VARIABLE,
            Path.of("/usr/bin/chromedriver"), List.of("chromedriver"));
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    /** A browser and the driver that drives it. */
    public record Binaries(Path browser, Path driver) {
    }

    /** How one program is looked for: a property, a variable, a standard path, then names on the PATH. */
    private record Program(String name, String property, String variable, Path standard, List<String> namesOnPath) {
        String whereLooked() {
            return "-D" + property + ", $" + variable + ", " + standard + ", then " + String.join(", ", namesOnPath) + " on the PATH";
        }
    }

    private ChromiumAvailability() {
    }

    /**
     * The Chromium binary to use: the one named by the system property {@value #BROWSER_PROPERTY} or
     * the environment variable {@value #BROWSER_VARIABLE}, else {@code /usr/bin/chromium}, else the
     * first of {@code chromium}, {@code chromium-browser} and {@code google-chrome} on the PATH.
     *
     * @throws IllegalStateException when the property or variable names something that is not an
     *     executable file: a wrong setting must not quietly skip the browser tests
     */
    public static Optional<Path> findBrowser() {
        return find(BROWSER);
    }

    /**
     * The chromedriver binary to use: the one named by the system property {@value #DRIVER_PROPERTY}
     * or the environment variable {@value #DRIVER_VARIABLE}, else {@code /usr/bin/chromedriver}, else
     * {@code chromedriver} on the PATH.
     *
     * @throws IllegalStateException when the property or variable names something that is not an
     *     executable file
     */
    public static Optional<Path> findDriver() {
        return find(DRIVER);
    }

    /** The browser and driver to test with; fails or skips the calling test when either is missing. */
    public static Binaries binariesForTest() {
        Optional<Path> browser = findBrowser();
        Optional<Path> driver = findDriver();
        if (browser.isPresent() && driver.isPresent()) {
            return new Binaries(browser.get(), driver.get());
        }
        List<String> missing = new ArrayList<>();
        browser.ifPresentOrElse(found -> { }, () -> missing.add("no Chromium found (looked at " + BROWSER.whereLooked() + ")"));
        driver.ifPresentOrElse(found -> { }, () -> missing.add("no chromedriver found (looked at " + DRIVER.whereLooked() + ")"));
        String what = String.join("; ", missing);
        if ("true".equals(System.getenv("CI"))) {
            Assertions.fail(what + ". Install Debian's chromium and chromium-driver packages"
                    + " (apt-get install chromium chromium-driver); the CI build installs them.");
        }
        if (!WARNED.getAndSet(true)) {
            System.err.println("WARNING: browser tests skipped: " + what
                    + ". Install Debian's chromium and chromium-driver packages to run them.");
        }
        Assumptions.assumeTrue(false, "browser test skipped: " + what);
        throw new IllegalStateException("unreachable: the assumption above always aborts the test");
    }

    private static Optional<Path> find(Program program) {
        String configured = System.getProperty(program.property());
        String source = "-D" + program.property();
        if (configured == null || configured.isBlank()) {
            configured = System.getenv(program.variable());
            source = "$" + program.variable();
        }
        if (configured != null && !configured.isBlank()) {
            Path binary = Path.of(configured);
            if (!isExecutableFile(binary)) {
                throw new IllegalStateException(source + " names " + configured + ", which is not an executable file");
            }
            return Optional.of(binary);
        }
        if (isExecutableFile(program.standard())) {
            return Optional.of(program.standard());
        }
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        for (String name : program.namesOnPath()) {
            for (String folder : path.split(File.pathSeparator)) {
                if (!folder.isEmpty() && isExecutableFile(Path.of(folder, name))) {
                    return Optional.of(Path.of(folder, name));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isExecutableFile(Path path) {
        return Files.isRegularFile(path) && Files.isExecutable(path);
    }
}
