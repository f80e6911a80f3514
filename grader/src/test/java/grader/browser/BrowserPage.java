package grader.browser;

import grader.json.GraderJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One tab of a {@link HeadlessChromium}, with a blocking API. Every call waits at most its timeout
 * ({@link #DEFAULT_TIMEOUT} unless {@link #setTimeout} says otherwise) and then throws a
 * {@link BrowserTimeoutException} naming what it waited for.
 *
 * <p>Input is real: {@link #click} moves and presses the mouse at the element's centre,
 * {@link #type} and {@link #pressKey} go through Chromium's input pipeline, so the page sees trusted
 * events exactly as from a user. From the moment it opens, the tab records its errors
 * ({@link #pageErrors}) and its requests ({@link #requests}). Each tab is a browser context of its own,
 * as in a fresh incognito window: no cookies, storage or downloads are shared between tabs.
 *
 * <p>Close it, or the browser, in try-with-resources.
 */
public final class BrowserPage implements AutoCloseable {
    /** How long each call waits unless {@link #setTimeout} changed it. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private static final Duration POLL = Duration.ofMillis(50);
    private static final Set<String> LOCAL_SCHEMES = Set.of("file", "data", "blob", "about");
    private static final int LONGEST_SCRIPT_IN_MESSAGES = 120;

    private final CdpConnection connection;
    private final String browserContextId;
    private final String targetId;
    private final String sessionId;
    private final Downloads downloads;
    private final PageLog log = new PageLog();
    // The main frame's id is the target's; iframes add theirs as they attach. Downloads are routed by frame.
    private final Set<String> frames = ConcurrentHashMap.newKeySet();
    // Keyed by loader id; made by the load event or by the navigation that waits for it, whichever comes first.
    private final Map<String, CompletableFuture<Void>> loads = new ConcurrentHashMap<>();
    private volatile Path downloadDirectory;
    private volatile Duration timeout = DEFAULT_TIMEOUT;
    private boolean closed;

    private BrowserPage(CdpConnection connection, String browserContextId, String targetId, String sessionId, Downloads downloads) {
        this.connection = connection;
        this.browserContextId = browserContextId;
        this.targetId = targetId;
        this.sessionId = sessionId;
        this.downloads = downloads;
        frames.add(targetId);
    }

    /**
     * The tab {@code targetId}, alone in {@code browserContextId} and attached as {@code sessionId},
     * with its events switched on and its downloads going to {@code downloadDirectory}.
     */
    static BrowserPage attach(CdpConnection connection, String browserContextId, String targetId, String sessionId,
            Downloads downloads, Path downloadDirectory, Deadline deadline) {
        BrowserPage page = new BrowserPage(connection, browserContextId, targetId, sessionId, downloads);
        page.log.listen(connection, sessionId);
        connection.on(sessionId, "Page.lifecycleEvent", page::lifecycle);
        connection.on(sessionId, "Page.frameAttached", event -> page.frames.add((String) event.get("frameId")));
        for (String command : List.of("Page.enable", "Runtime.enable", "Log.enable", "Network.enable")) {
            page.send(command, Map.of(), deadline);
        }
        page.send("Page.setLifecycleEventsEnabled", Map.of("enabled", true), deadline);
        page.allowDownloads(downloadDirectory, deadline);
        return page;
    }

    /** Sets the timeout of every later call but {@link #waitFor} and {@link #awaitDownload}, which take their own. */
    public void setTimeout(Duration timeout) {
        this.timeout = Objects.requireNonNull(timeout);
    }

    /** Opens a local file and waits for its load event. */
    public void open(Path file) {
        open(file.toAbsolutePath().toUri());
    }

    /**
     * Opens {@code uri} and waits for its load event (every image, script and style sheet loaded).
     *
     * @throws BrowserException with Chromium's reason when the page cannot be opened at all
     */
    public void open(URI uri) {
        Deadline deadline = deadline();
        Map<String, Object> navigation = send("Page.navigate", Map.of("url", uri.toString()), deadline);
        if (navigation.get("errorText") instanceof String error && !error.isEmpty()) {
            throw new BrowserException("could not open " + uri + ": " + error);
        }
        if (!(navigation.get("loaderId") instanceof String loader)) {
            return; // a jump within the same document: nothing loads
        }
        try {
            CdpConnection.await(loads.computeIfAbsent(loader, id -> new CompletableFuture<>()), deadline, uri + " to load");
        } finally {
            loads.remove(loader);
        }
    }

    /**
     * Evaluates {@code script} in the page and returns its value as JSON values ({@code Map},
     * {@code List}, {@code String}, {@code Long}, {@code Double}, {@code Boolean} or {@code null} for
     * null and undefined); a promise is awaited. A {@code NaN}, infinity or {@code -0} returned
     * directly comes back as a {@code Double}, a BigInt as a {@code BigInteger}; inside arrays and
     * objects JSON's rules apply ({@code NaN} becomes {@code null}, a BigInt is refused). DOM nodes
     * and functions do not survive the trip: return the data you need from them instead.
     *
     * @throws JavaScriptException when the script throws or its promise rejects
     */
    public Object evaluate(String script) {
        return evaluate(script, deadline());
    }

    /**
     * Clicks the element {@code cssSelector} matches, as a user would: scrolls it into view, moves the
     * mouse to the centre of its box and presses and releases the left button there. Waits until
     * the element exists, has a size, is not disabled and is the topmost element at that point, so
     * that a click that would land on an overlay fails instead of clicking something else.
     */
    public void click(String cssSelector) {
        Deadline deadline = deadline();
        Map<String, Object> centre = awaitElement(cssSelector, "clickable", """
                el.scrollIntoView({block: 'center', inline: 'center', behavior: 'instant'});
                const box = el.getBoundingClientRect();
                if (box.width === 0 || box.height === 0) return {problem: 'it has no size'};
                if (el.disabled) return {problem: 'it is disabled'};
                const x = box.left + box.width / 2, y = box.top + box.height / 2;
                const hit = document.elementFromPoint(x, y);
                if (hit !== el && !el.contains(hit)) {
                    return {problem: 'its centre is under ' + (hit ? hit.outerHTML.slice(0, 100) : 'nothing, outside the viewport')};
                }
                return {x, y};
                """, deadline);
        double x = ((Number) centre.get("x")).doubleValue();
        double y = ((Number) centre.get("y")).doubleValue();
        mouse("mouseMoved", x, y, "none", 0, 0, deadline);
        mouse("mousePressed", x, y, "left", 1, 1, deadline);
        mouse("mouseReleased", x, y, "left", 0, 1, deadline);
    }

    /**
     * Types {@code text} into the element {@code cssSelector} matches, after whatever it holds: focuses
     * it, puts the caret at the end and inserts the text as the keyboard's input method would, which
     * fires the {@code beforeinput} and {@code input} events but no key events (use
     * {@link #pressKey} for those).
     */
    public void type(String cssSelector, String text) {
        Deadline deadline = deadline();
        awaitElement(cssSelector, "focusable", """
                if (el.disabled) return {problem: 'it is disabled'};
                el.focus();
                if (document.activeElement !== el) return {problem: 'it does not take the focus'};
                // Some input types (email, number) have no caret and refuse selection ranges.
                try { el.setSelectionRange(el.value.length, el.value.length); } catch (e) { }
                return {};
                """, deadline);
        send("Input.insertText", Map.of("text", text), deadline);
    }

    /**
     * Presses and releases {@code key} on the focused element: a DOM key name such as "Escape",
     * "Enter", "Tab", "Backspace" or "ArrowDown", "Space", or a single character.
     *
     * @throws IllegalArgumentException for a key it does not know
     */
    public void pressKey(String key) {
        Keys.Key pressed = Keys.of(key);
        Deadline deadline = deadline();
        send("Input.dispatchKeyEvent", pressed.down(), deadline);
        send("Input.dispatchKeyEvent", pressed.up(), deadline);
    }

    /** {@link #waitFor(String, Duration)} with this page's timeout. */
    public Object waitFor(String condition) {
        return waitFor(condition, timeout);
    }

    /**
     * Evaluates the JavaScript expression {@code condition} every 50 ms until it is truthy, and
     * returns that value. A condition that throws counts as not yet true, since the thing it asks
     * about may simply not exist yet.
     *
     * @throws BrowserTimeoutException with the last value or exception when the time is up
     */
    public Object waitFor(String condition, Duration timeout) {
        Deadline deadline = Deadline.in(timeout);
        String last = "never evaluated";
        while (!deadline.passed()) {
            try {
                Object value = evaluate(condition, deadline);
                if (truthy(value)) {
                    return value;
                }
                last = "last value " + GraderJson.write(value);
            } catch (BrowserTimeoutException e) {
                break;
            } catch (JavaScriptException e) {
                last = "last attempt threw " + e.thrown();
            } catch (BrowserException e) {
                if (connection.isGone()) {
                    throw e;
                }
                last = "last attempt: " + e.getMessage(); // e.g. the page is navigating
            }
            pause(deadline);
        }
        throw deadline.timeout("`" + abbreviate(condition) + "` to be true (" + last + ")");
    }

    /** Saves a PNG of the viewport as {@code png}, creating its folder; returns {@code png}. */
    public Path screenshot(Path png) {
        Map<String, Object> shot = send("Page.captureScreenshot", Map.of("format", "png"), deadline());
        byte[] bytes = Base64.getDecoder().decode((String) shot.get("data"));
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

    /** Makes the viewport {@code width} by {@code height} CSS pixels, at one device pixel each. */
    public void setViewport(int width, int height) {
        send("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false), deadline());
    }

    /**
     * Sends this tab's later downloads to {@code folder}, creating it. Downloads are allowed from the
     * start, into {@link #downloadDirectory()}; this only moves them.
     */
    public void enableDownloads(Path folder) {
        allowDownloads(folder, deadline());
    }

    /** Where this tab's downloads go: a folder of its own in the browser's private directory until {@link #enableDownloads} names another. */
    public Path downloadDirectory() {
        return downloadDirectory;
    }

    /** {@link #awaitDownload(Duration)} with this page's timeout. */
    public Path awaitDownload() {
        return awaitDownload(timeout);
    }

    /**
     * The file of this tab's next download to complete, waiting at most {@code timeout} for it.
     * Downloads that completed before the call count, oldest first, so click first and wait
     * afterwards.
     *
     * @throws BrowserException when the download was canceled
     */
    public Path awaitDownload(Duration timeout) {
        return downloads.next(frames, downloadDirectory, Deadline.in(timeout));
    }

    /**
     * The errors the page reported since this tab opened, oldest first: uncaught exceptions and
     * unhandled rejections, {@code console.error} and failed {@code console.assert} calls, and
     * the browser's error log (a resource that failed to load, a blocked request). Assert it is
     * empty to check that a page ran cleanly. Errors are recorded as they arrive: one thrown while
     * the page loads is here when {@link #open} returns, but an unhandled rejection or an error in
     * a timer may come later, so check at the end of the test, or {@link #waitFor} the page first.
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
        return log.requests().stream().filter(url -> !LOCAL_SCHEMES.contains(scheme(url))).toList();
    }

    /**
     * Sends any DevTools command to this tab and returns its result, for what this class does not
     * cover; events of domains enabled this way are not delivered anywhere.
     */
    public Map<String, Object> send(String method, Map<String, ?> params) {
        return send(method, params, deadline());
    }

    /** Closes the tab and its browser context; does nothing when the browser is already gone or on the second call. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (!connection.isGone()) {
                Deadline deadline = deadline();
                connection.send(null, "Target.closeTarget", Map.of("targetId", targetId), deadline);
                connection.send(null, "Target.disposeBrowserContext", Map.of("browserContextId", browserContextId), deadline);
            }
        } finally {
            connection.forget(sessionId);
        }
    }

    private void allowDownloads(Path folder, Deadline deadline) {
        Path absolute = folder.toAbsolutePath();
        downloads.allow(browserContextId, absolute, deadline);
        downloadDirectory = absolute;
    }

    private Object evaluate(String script, Deadline deadline) {
        Map<String, Object> answer = CdpConnection.await(connection.call(sessionId, "Runtime.evaluate",
                Map.of("expression", script, "returnByValue", true, "awaitPromise", true)), deadline,
                "the result of " + abbreviate(script));
        if (answer.get("exceptionDetails") instanceof Map<?, ?> details) {
            @SuppressWarnings("unchecked")
            Map<String, Object> exception = (Map<String, Object>) details;
            throw new JavaScriptException(PageLog.describe(exception), abbreviate(script));
        }
        return value(answer.get("result") instanceof Map<?, ?> result ? result : Map.of());
    }

    /**
     * Runs {@code check}, a function body over {@code el}, the element {@code cssSelector} matches,
     * until it returns no {@code problem}; returns what it returned. A selector that matches nothing
     * is a problem to wait out; one that is not valid CSS fails at once.
     */
    @SuppressWarnings("unchecked")
    private Map<String, Object> awaitElement(String cssSelector, String state, String check, Deadline deadline) {
        String script = "(() => {\nconst el = document.querySelector(" + GraderJson.write(cssSelector) + ");\n"
                + "if (!el) return {problem: 'nothing matches it'};\n" + check + "})()";
        String problem = "never checked";
        while (!deadline.passed()) {
            Object answer;
            try {
                answer = evaluate(script, deadline);
            } catch (BrowserTimeoutException e) {
                break;
            } catch (JavaScriptException e) {
                throw new BrowserException("cannot look for " + cssSelector + ": " + e.thrown(), e);
            } catch (BrowserException e) {
                if (connection.isGone()) {
                    throw e;
                }
                answer = Map.of("problem", e.getMessage()); // e.g. the page is navigating
            }
            Map<String, Object> result = answer instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
            if (!result.containsKey("problem")) {
                return result;
            }
            problem = String.valueOf(result.get("problem"));
            pause(deadline);
        }
        throw deadline.timeout(cssSelector + " to be " + state + " (" + problem + ")");
    }

    private void mouse(String type, double x, double y, String button, int buttons, int clickCount, Deadline deadline) {
        send("Input.dispatchMouseEvent", Map.of("type", type, "x", x, "y", y, "button", button,
                "buttons", buttons, "clickCount", clickCount), deadline);
    }

    private Map<String, Object> send(String method, Map<String, ?> params, Deadline deadline) {
        return connection.send(sessionId, method, params, deadline);
    }

    private void lifecycle(Map<String, Object> event) {
        if ("load".equals(event.get("name")) && targetId.equals(event.get("frameId")) && event.get("loaderId") instanceof String loader) {
            loads.computeIfAbsent(loader, id -> new CompletableFuture<>()).complete(null);
        }
    }

    private Deadline deadline() {
        return Deadline.in(timeout);
    }

    private static Object value(Map<?, ?> remote) {
        if (!(remote.get("unserializableValue") instanceof String special)) {
            return remote.get("value");
        }
        return switch (special) {
            case "NaN" -> Double.NaN;
            case "Infinity" -> Double.POSITIVE_INFINITY;
            case "-Infinity" -> Double.NEGATIVE_INFINITY;
            case "-0" -> -0.0;
            default -> special.endsWith("n") ? new BigInteger(special.substring(0, special.length() - 1)) : special;
        };
    }

    private static boolean truthy(Object value) {
        if (value == null || Boolean.FALSE.equals(value) || "".equals(value)) {
            return false;
        }
        return !(value instanceof Number number) || (number.doubleValue() != 0 && !Double.isNaN(number.doubleValue()));
    }

    private static void pause(Deadline deadline) {
        long millis = Math.min(POLL.toMillis(), deadline.remaining().toMillis());
        try {
            Thread.sleep(Math.max(1, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrowserException("interrupted while polling the page", e);
        }
    }

    private static String scheme(String url) {
        int colon = url.indexOf(':');
        return colon < 0 ? "" : url.substring(0, colon).toLowerCase(Locale.ROOT);
    }

    private static String abbreviate(String script) {
        String oneLine = script.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= LONGEST_SCRIPT_IN_MESSAGES ? oneLine : oneLine.substring(0, LONGEST_SCRIPT_IN_MESSAGES) + "...";
    }
}
