package grader.browser;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.openqa.selenium.JavascriptException;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;

/**
 * Covers {@link HeadlessChromium} against small pages of its own: what it adds to WebDriver (the
 * error and request records, downloads, the viewport, waiting) and what the browser tests rely on
 * WebDriver for (trusted clicks and keys). Every assertion of a browser test that a page ran cleanly
 * or stayed offline is only as good as these records, so each is shown to catch what it must. The
 * tests share one browser, each in a fresh tab; the tests of closing start browsers of their own.
 */
@DisplayName("headless Chromium through Selenium")
class HeadlessChromiumTest {
    private static final String CSV = "name,role\nAda,writer\nAlan,reader\nGrace,writer\n";

    private static final String SMOKE_PAGE = """
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Smoke</title></head>
            <body>
              <button id="greet" type="button">Click me</button>
              <p id="status">idle</p>
              <label>Filter <input id="filter" type="text"></label>
              <table id="people">
                <thead><tr><th>Name</th><th>Role</th></tr></thead>
                <tbody>
                  <tr><td>Ada</td><td>writer</td></tr>
                  <tr><td>Alan</td><td>reader</td></tr>
                  <tr><td>Grace</td><td>writer</td></tr>
                </tbody>
              </table>
              <a id="export" download="x.csv" href="#">Export</a>
              <script>
                document.getElementById('greet').addEventListener('click', event => {
                  event.target.textContent = event.isTrusted ? 'Clicked' : 'Clicked by a script';
                });
                const filter = document.getElementById('filter');
                filter.addEventListener('input', () => {
                  const wanted = filter.value.toLowerCase();
                  for (const row of document.querySelectorAll('#people tbody tr')) {
                    row.hidden = !row.textContent.toLowerCase().includes(wanted);
                  }
                });
                document.addEventListener('keydown', event => {
                  if (event.key === 'Escape') {
                    document.getElementById('status').textContent = event.isTrusted ? 'escaped' : 'escaped by a script';
                  }
                });
                document.getElementById('export').href = URL.createObjectURL(new Blob([CSV_TEXT], {type: 'text/csv'}));
              </script>
            </body>
            </html>
            """.replace("CSV_TEXT", "'" + CSV.replace("\n", "\\n") + "'");

    private static final String THROWING_PAGE = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Throws</title></head>
            <body><script>throw new Error('boom');</script></body></html>
            """;

    private static final String CONSOLE_PAGE = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Console</title></head>
            <body><script>
              console.warn('only a warning');
              console.error('an error', 42);
              console.assert(1 === 2, 'a failed assertion');
              Promise.reject(new Error('not handled'));
            </script></body></html>
            """;

    // The dashboard's policy in small: an inline script runs only with the hash of its exact text.
    private static final String BLOCKED_PAGE = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='">
            <title>Blocked</title></head>
            <body><script>document.title = 'ran';</script></body></html>
            """;

    private static final String MISSING_IMAGE_PAGE = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Missing</title></head>
            <body><img alt="" src="absent.png"></body></html>
            """;

    // Chromium refuses port 9 as unsafe before connecting: the request is made, yet nothing leaves the machine.
    private static final String REMOTE_URL = "http://127.0.0.1:9/pixel.png";
    private static final String SOCKET_URL = "ws://127.0.0.1:9/socket";
    private static final String REQUESTING_PAGE = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Requests</title></head>
            <body><img alt="" src="REMOTE_URL"><script>new WebSocket('SOCKET_URL');</script></body></html>
            """.replace("REMOTE_URL", REMOTE_URL).replace("SOCKET_URL", SOCKET_URL);

    private static HeadlessChromium chromium;
    private Path pages;

    // Started by the first test rather than in @BeforeAll, so that without a browser each test shows as skipped (or failed, on CI).
    @BeforeEach
    void startBrowser() {
        if (chromium == null) {
            chromium = HeadlessChromium.start();
        }
        chromium.setTimeout(HeadlessChromium.DEFAULT_TIMEOUT);
        chromium.newTab();
    }

    @AfterAll
    static void closeBrowser() {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
    }

    @BeforeEach
    void writePages(@TempDir Path folder) throws IOException {
        pages = folder;
        Files.writeString(folder.resolve("smoke.html"), SMOKE_PAGE);
        Files.writeString(folder.resolve("throws.html"), THROWING_PAGE);
        Files.writeString(folder.resolve("console.html"), CONSOLE_PAGE);
        Files.writeString(folder.resolve("blocked.html"), BLOCKED_PAGE);
        Files.writeString(folder.resolve("missing-image.html"), MISSING_IMAGE_PAGE);
        Files.writeString(folder.resolve("requests.html"), REQUESTING_PAGE);
    }

    private void open(String file) {
        chromium.open(pages.resolve(file));
    }

    @Nested
    @DisplayName("clicking")
    class Clicking {
        @Test
        @DisplayName("a button runs its handler with a trusted event")
        void trusted() {
            open("smoke.html");
            chromium.click("#greet");
            assertEquals("Clicked", chromium.evaluate("document.getElementById('greet').textContent"));
        }

        @Test
        @DisplayName("an element that never appears times out, naming the selector")
        void missing() {
            open("smoke.html");
            chromium.setTimeout(Duration.ofMillis(300));
            TimeoutException timeout = assertThrows(TimeoutException.class, () -> chromium.click("#missing"));
            assertTrue(timeout.getMessage().startsWith("timed out after 300 ms waiting for #missing to be clickable (nothing matches it)"),
                    timeout::getMessage);
        }
    }

    @Nested
    @DisplayName("typing")
    class Typing {
        @Test
        @DisplayName("into the filter hides the rows that do not match")
        void filters() {
            open("smoke.html");
            chromium.type("#filter", "gr");
            assertEquals(List.of("Grace"), chromium.evaluate(
                    "[...document.querySelectorAll('#people tbody tr:not([hidden]) td:first-child')].map(cell => cell.textContent)"));
        }

        @Test
        @DisplayName("the Escape key reaches the page's key handler as a trusted event")
        void escape() {
            open("smoke.html");
            chromium.pressKey(Keys.ESCAPE);
            assertEquals("escaped", chromium.evaluate("document.getElementById('status').textContent"));
        }
    }

    @Nested
    @DisplayName("downloading")
    class Downloading {
        @Test
        @DisplayName("a blob link saves the file under the name its download attribute gives")
        void name(@TempDir Path folder) {
            open("smoke.html");
            chromium.downloadInto(folder);
            chromium.click("#export");
            assertEquals("x.csv", chromium.awaitDownload().getFileName().toString());
        }

        @Test
        @DisplayName("a blob link saves the page's content")
        void content(@TempDir Path folder) throws Exception {
            open("smoke.html");
            chromium.downloadInto(folder);
            chromium.click("#export");
            assertEquals(CSV, Files.readString(chromium.awaitDownload()));
        }

        @Test
        @DisplayName("into a folder the test names")
        void folder(@TempDir Path folder) {
            open("smoke.html");
            chromium.downloadInto(folder);
            chromium.click("#export");
            assertEquals(folder.resolve("x.csv"), chromium.awaitDownload());
        }

        @Test
        @DisplayName("times out when nothing is downloaded, saying that none began")
        void none(@TempDir Path folder) {
            open("smoke.html");
            chromium.downloadInto(folder);
            TimeoutException timeout = assertThrows(TimeoutException.class, () -> chromium.awaitDownload(Duration.ofMillis(200)));
            assertTrue(timeout.getMessage().contains("(none began)"), timeout::getMessage);
        }
    }

    @Nested
    @DisplayName("waiting")
    class Waiting {
        @Test
        @DisplayName("returns the condition's value once it holds")
        void holds() {
            open("smoke.html");
            chromium.evaluate("setTimeout(() => document.title = 'later', 200)");
            assertEquals("later", chromium.waitFor("document.title === 'later' && document.title"));
        }

        @Test
        @DisplayName("times out naming the condition and its last value")
        void timesOut() {
            open("smoke.html");
            TimeoutException timeout = assertThrows(TimeoutException.class,
                    () -> chromium.waitFor("document.title === 'never'", Duration.ofMillis(200)));
            assertTrue(timeout.getMessage().startsWith(
                    "timed out after 200 ms waiting for `document.title === 'never'` to be true (last value false)"), timeout::getMessage);
        }
    }

    @Nested
    @DisplayName("the viewport")
    class Viewport {
        @Test
        @DisplayName("takes the size it is set to")
        void size() {
            open("smoke.html");
            chromium.setViewport(400, 300);
            assertEquals(List.of(400L, 300L), chromium.evaluate("[window.innerWidth, window.innerHeight]"));
        }
    }

    @Nested
    @DisplayName("screenshots")
    class Screenshots {
        @Test
        @DisplayName("are PNG files")
        void png() throws Exception {
            open("smoke.html");
            Path png = chromium.screenshot(Path.of("target", "browser", "smoke.png"));
            byte[] magic = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
            assertArrayEquals(magic, Arrays.copyOf(Files.readAllBytes(png), magic.length));
        }

        @Test
        @DisplayName("are as large as the viewport")
        void size(@TempDir Path folder) throws Exception {
            open("smoke.html");
            chromium.setViewport(400, 300);
            // The PNG header chunk holds the width and the height as big-endian ints at bytes 16 and 20.
            ByteBuffer header = ByteBuffer.wrap(Files.readAllBytes(chromium.screenshot(folder.resolve("small.png"))));
            assertEquals(List.of(400, 300), List.of(header.getInt(16), header.getInt(20)));
        }
    }

    @Nested
    @DisplayName("page errors")
    class PageErrors {
        @Test
        @DisplayName("are none for a page that runs cleanly")
        void none() {
            open("smoke.html");
            assertEquals(List.of(), chromium.pageErrors());
        }

        @Test
        @DisplayName("include an exception the page did not catch")
        void uncaught() {
            open("throws.html");
            assertContains(chromium::pageErrors, "Uncaught Error: boom");
        }

        @Test
        @DisplayName("include console.error, a failed console.assert and an unhandled rejection, but no warning")
        void console() {
            open("console.html");
            List<String> errors = awaitErrors(3);
            assertTrue(errors.stream().anyMatch(error -> error.contains("\"an error\" 42")), errors::toString);
            assertTrue(errors.stream().anyMatch(error -> error.contains("a failed assertion")), errors::toString);
            assertTrue(errors.stream().anyMatch(error -> error.contains("Uncaught Error: not handled")), errors::toString);
            assertFalse(errors.stream().anyMatch(error -> error.contains("only a warning")), errors::toString);
        }

        @Test
        @DisplayName("include an inline script the Content-Security-Policy blocked")
        void blockedByPolicy() {
            open("blocked.html");
            assertEquals("Blocked", chromium.evaluate("document.title"), "the policy did not block the script");
            assertContains(chromium::pageErrors, "violates the following Content Security Policy directive");
        }

        @Test
        @DisplayName("include a file that cannot be loaded, with Chromium's reason")
        void missingFile() {
            open("missing-image.html");
            assertContains(chromium::pageErrors, "net::ERR_FILE_NOT_FOUND");
        }

        @Test
        @DisplayName("of a script the test evaluates are thrown, with the exception's text")
        void evaluated() {
            open("smoke.html");
            JavascriptException thrown = assertThrows(JavascriptException.class, () -> chromium.evaluate("null.length"));
            assertTrue(thrown.getMessage().contains("Cannot read properties of null"), thrown::getMessage);
        }

        @Test
        @DisplayName("of an earlier tab are forgotten in a new one")
        void forgottenByNewTab() {
            open("throws.html");
            assertContains(chromium::pageErrors, "Uncaught Error: boom");
            chromium.newTab();
            open("smoke.html");
            assertEquals(List.of(), chromium.pageErrors());
        }

        /** The errors once there are at least {@code count}: a rejection is reported after the script ran. */
        private List<String> awaitErrors(int count) {
            long end = System.nanoTime() + HeadlessChromium.DEFAULT_TIMEOUT.toNanos();
            List<String> errors = chromium.pageErrors();
            while (errors.size() < count && System.nanoTime() < end) {
                chromium.waitFor("new Promise(done => setTimeout(() => done(true), 50))");
                errors = chromium.pageErrors();
            }
            return errors;
        }
    }

    @Nested
    @DisplayName("requests")
    class Requests {
        @Test
        @DisplayName("of a self-contained page are its own file only")
        void local() {
            open("smoke.html");
            assertEquals(List.of(pages.resolve("smoke.html").toUri().toString()), chromium.requests());
            assertEquals(List.of(), chromium.nonLocalRequests());
        }

        @Test
        @DisplayName("to another host are recorded, WebSockets included")
        void remote() {
            open("requests.html");
            assertEquals(List.of(REMOTE_URL, SOCKET_URL), chromium.nonLocalRequests());
        }
    }

    @Nested
    @DisplayName("finding the programs")
    class Finding {
        @Test
        @ResourceLock(Resources.SYSTEM_PROPERTIES)
        @DisplayName("fails when -Dchromium.path names no executable file, rather than skip the browser tests")
        void wrongBrowser(@TempDir Path folder) {
            assertWrongSettingFails(ChromiumAvailability.BROWSER_PROPERTY, folder, ChromiumAvailability::findBrowser);
        }

        @Test
        @ResourceLock(Resources.SYSTEM_PROPERTIES)
        @DisplayName("fails when -Dchromedriver.path names no executable file, rather than skip the browser tests")
        void wrongDriver(@TempDir Path folder) {
            assertWrongSettingFails(ChromiumAvailability.DRIVER_PROPERTY, folder, ChromiumAvailability::findDriver);
        }

        private void assertWrongSettingFails(String property, Path folder, Supplier<?> find) {
            String before = System.getProperty(property);
            System.setProperty(property, folder.resolve("no-such-program").toString());
            try {
                assertThrows(IllegalStateException.class, find::get);
            } finally {
                if (before == null) {
                    System.clearProperty(property);
                } else {
                    System.setProperty(property, before);
                }
            }
        }
    }

    @Nested
    @DisplayName("closing")
    class Closing {
        @Test
        @DisplayName("leaves none of the browser's processes running, chromedriver and re-parented helpers included")
        void processes() {
            Path directory;
            List<ProcessHandle> launched;
            try (HeadlessChromium own = HeadlessChromium.start()) {
                own.open(pages.resolve("smoke.html"));
                directory = own.directory();
                launched = processesNaming(directory);
                assertTrue(launched.stream().anyMatch(process -> process.info().command().orElse("").endsWith("chromedriver")),
                        "chromedriver does not name the browser's directory, so closing could not find it: " + launched);
            }
            // A zombie has ended; how soon init collects it is up to the machine (see ChromiumProcesses.running).
            assertEquals(List.of(), launched.stream().filter(ChromiumProcesses::running).toList());
            assertEquals(List.of(), processesNaming(directory).stream().filter(ChromiumProcesses::running).toList());
        }

        @Test
        @DisplayName("deletes the browser's private directory")
        void directory() {
            Path directory;
            try (HeadlessChromium own = HeadlessChromium.start()) {
                directory = own.directory();
            }
            assertFalse(Files.exists(directory), directory::toString);
        }

        private List<ProcessHandle> processesNaming(Path directory) {
            return ProcessHandle.allProcesses()
                    .filter(process -> process.info().commandLine().map(line -> line.contains(directory.toString())).orElse(false))
                    .toList();
        }
    }

    private static void assertContains(Supplier<List<String>> errors, String part) {
        List<String> found = errors.get();
        assertTrue(found.stream().anyMatch(error -> error.contains(part)), () -> "no error contains \"" + part + "\": " + found);
    }
}
