package grader.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * What the pages reported while a test drove them, from the two logs chromedriver keeps when asked
 * to ({@link #record}). Its browser log holds what the DevTools console shows: uncaught exceptions
 * and unhandled rejections, {@code console.*} calls, and the browser's own entries, such as a
 * resource that failed to load or what the Content-Security-Policy blocked; the errors among them
 * are the {@code SEVERE} entries. Its performance log holds the DevTools network events, whose
 * requests give the URL of every request a page made.
 *
 * <p>chromedriver hands each entry out once, so every read adds what is new to the lists here.
 */
final class PageLog {
    // A data: URL can be megabytes long; its start is all a test needs to see.
    private static final int LONGEST_URL = 300;
    private static final Set<String> LOCAL_SCHEMES = Set.of("file", "data", "blob", "about");

    private final ChromeDriver driver;
    private final Json json = new Json();
    private final List<String> errors = new ArrayList<>();
    private final List<String> requests = new ArrayList<>();

    PageLog(ChromeDriver driver) {
        this.driver = driver;
    }

    /** Asks chromedriver, in the options a session starts with, to keep the logs read here. */
    static void record(ChromeOptions options) {
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        // The network events only: the page events would fill the log with what no test reads.
        options.setExperimentalOption("perfLoggingPrefs", Map.of("enableNetwork", true, "enablePage", false));
    }

    /** The errors so far, oldest first. */
    synchronized List<String> errors() {
        read();
        return List.copyOf(errors);
    }

    /** The requested URLs so far, oldest first. */
    synchronized List<String> requests() {
        read();
        return List.copyOf(requests);
    }

    /** The requested URLs so far that are not the page's own: all but {@code file:}, {@code data:}, {@code blob:} and {@code about:}. */
    List<String> nonLocalRequests() {
        return requests().stream().filter(url -> !LOCAL_SCHEMES.contains(scheme(url))).toList();
    }

    /** Drops everything recorded so far, read or not. */
    synchronized void forget() {
        read();
        errors.clear();
        requests.clear();
    }

    private void read() {
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(entry.getMessage());
            }
        }
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            Map<String, Object> event = map(map(json.toType(entry.getMessage(), Json.MAP_TYPE)).get("message"));
            Map<String, Object> params = map(event.get("params"));
            Object method = event.get("method");
            if ("Network.requestWillBeSent".equals(method)) {
                request(map(params.get("request")).get("url"));
            } else if ("Network.webSocketCreated".equals(method)) {
                // WebSockets do not go through requestWillBeSent, yet they are requests all the same.
                request(params.get("url"));
            }
        }
    }

    private void request(Object url) {
        String text = String.valueOf(url);
        requests.add(text.length() <= LONGEST_URL ? text : text.substring(0, LONGEST_URL) + "...");
    }

    private static String scheme(String url) {
        int colon = url.indexOf(':');
        return colon < 0 ? "" : url.substring(0, colon).toLowerCase(Locale.ROOT);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
