package grader.browser;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * What a browser test does about its browser. With a Chromium found by {@link HeadlessChromium#find}
 * it runs. Without one it fails on CI ({@code CI=true}), where the build installs Debian's
 * {@code chromium} package and a missing browser means a broken build; elsewhere it is skipped, with
 * a warning on the console, so that a developer sees what went untested instead of a quiet green.
 */
public final class ChromiumAvailability {
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private ChromiumAvailability() {
    }

    /** The Chromium binary to test with; fails or skips the calling test when there is none. */
    public static Path binaryForTest() {
        Optional<Path> binary = HeadlessChromium.find();
        if (binary.isPresent()) {
            return binary.get();
        }
        String missing = "no Chromium found (looked at " + HeadlessChromium.WHERE_LOOKED + ")";
        if ("true".equals(System.getenv("CI"))) {
            Assertions.fail(missing + ". Install Debian's chromium package (apt-get install chromium); the CI build installs it.");
        }
        if (!WARNED.getAndSet(true)) {
            System.err.println("WARNING: browser tests skipped: " + missing + ". Install Debian's chromium package to run them.");
        }
        Assumptions.assumeTrue(false, "browser test skipped: " + missing);
        throw new IllegalStateException("unreachable: the assumption above always aborts the test");
    }
}
