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
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * Covers {@link HeadlessChromium} and {@link BrowserPage} against small pages of its own: real input,
 * downloads, screenshots, the error and request records, and the clean-up. The tests share one
 * browser, each in a tab of its own, which shares nothing with the other tabs; the tests of closing
 * start browsers of their own.
 */
@DisplayName("headless Chromium")
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

    // Chromium refuses port 9 as unsafe before connecting: the request is made, yet nothing leaves the machine.
    private static final String REMOTE_URL = "http://127.0.0.1:9/pixel.png";
    private static final String REQUESTING_PAGE = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Requests</title></head>
            <body><img alt="" src="REMOTE_URL"></body></html>
            """.replace("REMOTE_URL", REMOTE_URL);

    private static HeadlessChromium chromium;
    private Path pages;

    // Started by the first test rather than in @BeforeAll, so that without Chromium each test shows as skipped (or failed, on CI).
    @BeforeEach
    void startBrowser() {
        if (chromium == null) {
            chromium = HeadlessChromium.start(ChromiumAvailability.binaryForTest());
        }
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
        Files.writeString(folder.resolve("requests.html"), REQUESTING_PAGE);
    }

    @Nested
    @DisplayName("clicking")
    class Clicking {
        @Test
        @DisplayName("a button runs its handler with a trusted event")
        void trusted() throws Exception {
            onPage("smoke.html", page -> {
                page.click("#greet");
                assertEquals("Clicked", page.evaluate("document.getElementById('greet').textContent"));
            });
        }

        @Test
        @DisplayName("an element that never appears times out, naming the selector")
        void missing() throws Exception {
            onPage("smoke.html", page -> {
                page.setTimeout(Duration.ofMillis(300));
                BrowserTimeoutException timeout = assertThrows(BrowserTimeoutException.class, () -> page.click("#missing"));
                assertEquals("timed out after 300 ms waiting for #missing to be clickable (nothing matches it)", timeout.getMessage());
            });
        }
    }

    @Nested
    @DisplayName("typing")
    class Typing {
        @Test
        @DisplayName("into the filter hides the rows that do not match")
        void filters() throws Exception {
            onPage("smoke.html", page -> {
                page.type("#filter", "gr");
                assertEquals(List.of("Grace"), page.evaluate(
                        "[...document.querySelectorAll('#people tbody tr:not([hidden]) td:first-child')].map(cell => cell.textContent)"));
            });
        }

        @Test
        @DisplayName("the Escape key reaches the page's key handler as a trusted event")
        void escape() throws Exception {
            onPage("smoke.html", page -> {
                page.pressKey("Escape");
                assertEquals("escaped", page.evaluate("document.getElementById('status').textContent"));
            });
        }
    }

    @Nested
    @DisplayName("downloading")
    class Downloading {
        @Test
        @DisplayName("a blob link saves the file under the name its download attribute gives")
        void name() throws Exception {
            onPage("smoke.html", page -> {
                page.click("#export");
                assertEquals("x.csv", page.awaitDownload().getFileName().toString());
            });
        }

        @Test
        @DisplayName("a blob link saves the page's content")
        void content() throws Exception {
            onPage("smoke.html", page -> {
                page.click("#export");
                assertEquals(CSV, Files.readString(page.awaitDownload()));
            });
        }

        @Test
        @DisplayName("into a folder the test names")
        void folder(@TempDir Path folder) throws Exception {
            onPage("smoke.html", page -> {
                page.enableDownloads(folder);
                page.click("#export");
                assertEquals(folder.resolve("x.csv"), page.awaitDownload());
            });
        }
    }

    @Nested
    @DisplayName("waiting")
    class Waiting {
        @Test
        @DisplayName("returns the condition's value once it holds")
        void holds() throws Exception {
            onPage("smoke.html", page -> {
                page.evaluate("setTimeout(() => document.title = 'later', 200)");
                assertEquals("later", page.waitFor("document.title === 'later' && document.title"));
            });
        }

        @Test
        @DisplayName("times out naming the condition and its last value")
        void timesOut() throws Exception {
            onPage("smoke.html", page -> {
                BrowserTimeoutException timeout = assertThrows(BrowserTimeoutException.class,
                        () -> page.waitFor("document.title === 'never'", Duration.ofMillis(200)));
                assertEquals("timed out after 200 ms waiting for `document.title === 'never'` to be true (last value false)", timeout.getMessage());
            });
        }
    }

    @Nested
    @DisplayName("the viewport")
    class Viewport {
        @Test
        @DisplayName("takes the size it is set to")
        void size() throws Exception {
            onPage("smoke.html", page -> {
                page.setViewport(400, 300);
                assertEquals(List.of(400L, 300L), page.evaluate("[window.innerWidth, window.innerHeight]"));
            });
        }
    }

    @Nested
    @DisplayName("screenshots")
    class Screenshots {
        @Test
        @DisplayName("are PNG files")
        void png() throws Exception {
            onPage("smoke.html", page -> {
                Path png = page.screenshot(Path.of("target", "browser", "smoke.png"));
                byte[] magic = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
                assertArrayEquals(magic, Arrays.copyOf(Files.readAllBytes(png), magic.length));
            });
        }

        @Test
        @DisplayName("are as large as the viewport")
        void size(@TempDir Path folder) throws Exception {
            onPage("smoke.html", page -> {
                page.setViewport(400, 300);
                // The PNG header chunk holds the width and the height as big-endian ints at bytes 16 and 20.
                ByteBuffer header = ByteBuffer.wrap(Files.readAllBytes(page.screenshot(folder.resolve("small.png"))));
                assertEquals(List.of(400, 300), List.of(header.getInt(16), header.getInt(20)));
            });
        }
    }

    @Nested
    @DisplayName("page errors")
    class PageErrors {
        @Test
        @DisplayName("are none for a page that runs cleanly")
        void none() throws Exception {
            onPage("smoke.html", page -> assertEquals(List.of(), page.pageErrors()));
        }

        @Test
        @DisplayName("include an exception the page did not catch")
        void uncaught() throws Exception {
            onPage("throws.html", page -> {
                List<String> errors = page.pageErrors();
                assertTrue(errors.stream().anyMatch(error -> error.startsWith("Uncaught Error: boom")), errors::toString);
            });
        }

        @Test
        @DisplayName("of a script the test evaluates are thrown, with the exception's text")
        void evaluated() throws Exception {
            onPage("smoke.html", page -> {
                JavaScriptException thrown = assertThrows(JavaScriptException.class, () -> page.evaluate("null.length"));
                assertTrue(thrown.thrown().startsWith("Uncaught TypeError: Cannot read properties of null"), thrown::getMessage);
            });
        }

        @Test
        @DisplayName("include a file that cannot be opened, with Chromium's reason")
        void missingFile() throws Exception {
            onPage("smoke.html", page -> {
                BrowserException missing = assertThrows(BrowserException.class, () -> page.open(pages.resolve("absent.html")));
                assertTrue(missing.getMessage().endsWith("net::ERR_FILE_NOT_FOUND"), missing::getMessage);
            });
        }
    }

    @Nested
    @DisplayName("requests")
    class Requests {
        @Test
        @DisplayName("of a self-contained page are its own file only")
        void local() throws Exception {
            onPage("smoke.html", page -> assertEquals(List.of(), page.nonLocalRequests()));
        }

        @Test
        @DisplayName("to another host are recorded")
        void remote() throws Exception {
            onPage("requests.html", page -> assertEquals(List.of(REMOTE_URL), page.nonLocalRequests()));
        }
    }

    @Nested
    @DisplayName("finding the binary")
    class Finding {
        @Test
        @ResourceLock(Resources.SYSTEM_PROPERTIES)
        @DisplayName("fails when -Dchromium.path names no executable file, rather than skip the browser tests")
        void wrongSetting(@TempDir Path folder) {
            String before = System.getProperty(HeadlessChromium.PATH_PROPERTY);
            System.setProperty(HeadlessChromium.PATH_PROPERTY, folder.resolve("no-such-chromium").toString());
            try {
                assertThrows(IllegalStateException.class, HeadlessChromium::find);
            } finally {
                if (before == null) {
                    System.clearProperty(HeadlessChromium.PATH_PROPERTY);
                } else {
                    System.setProperty(HeadlessChromium.PATH_PROPERTY, before);
                }
            }
        }
    }

    @Nested
    @DisplayName("closing")
    class Closing {
        @Test
        @DisplayName("leaves none of the browser's processes running")
        void processes() throws Exception {
            List<ProcessHandle> launched;
            try (HeadlessChromium own = HeadlessChromium.start(ChromiumAvailability.binaryForTest());
                    BrowserPage page = own.newPage()) {
                page.open(pages.resolve("smoke.html"));
                launched = Stream.concat(Stream.of(own.process()), own.process().descendants()).toList();
            }
            // A zombie has ended; how soon init collects it is up to the machine (see ChromiumProcesses.running).
            assertEquals(List.of(), launched.stream().filter(ChromiumProcesses::running).toList());
        }

        @Test
        @DisplayName("leaves no process behind that left the process tree")
        void detached() throws Exception {
            Path directory;
            try (HeadlessChromium own = HeadlessChromium.start(ChromiumAvailability.binaryForTest())) {
                directory = own.directory();
            }
            // Chromium's crash handler double-forks away from the tree; every Chromium process names the directory.
            assertEquals(List.of(), ProcessHandle.allProcesses()
                    .filter(process -> process.info().commandLine().map(line -> line.contains(directory.toString())).orElse(false))
                    .map(ProcessHandle::pid).toList());
        }

        @Test
        @DisplayName("deletes the browser's private directory")
        void directory() throws Exception {
            Path directory;
            try (HeadlessChromium own = HeadlessChromium.start(ChromiumAvailability.binaryForTest())) {
                directory = own.directory();
            }
            assertFalse(Files.exists(directory), directory::toString);
        }
    }

    /** Runs {@code test} on {@code file} in a tab of its own, closed whatever the test does. */
    private void onPage(String file, PageTest test) throws Exception {
        try (BrowserPage page = chromium.newPage()) {
            page.open(pages.resolve(file));
            test.run(page);
        }
    }

    /** A test body that may throw, which a plain {@code Consumer} may not. */
    @FunctionalInterface
    private interface PageTest {
        void run(BrowserPage page) throws Exception;
    }
}
