package grader.browser;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * What a tab reported while a test drove it: its errors (uncaught exceptions, {@code console.error}
 * and failed {@code console.assert} calls, and the browser's own error log entries, such as a
 * resource that failed to load) and the URL of every request it made.
 */
final class PageLog {
    // A data: URL can be megabytes long; its start is all a test needs to see.
    private static final int LONGEST_URL = 300;

    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    /** Starts recording the events of {@code sessionId}; the domains must be enabled separately. */
    void listen(CdpConnection connection, String sessionId) {
        connection.on(sessionId, "Runtime.exceptionThrown", event -> errors.add(describe(map(event.get("exceptionDetails")))));
        connection.on(sessionId, "Runtime.consoleAPICalled", this::console);
        connection.on(sessionId, "Log.entryAdded", this::logEntry);
        connection.on(sessionId, "Network.requestWillBeSent", event -> request(map(event.get("request")).get("url")));
        // WebSockets do not go through requestWillBeSent, yet they are requests all the same.
        connection.on(sessionId, "Network.webSocketCreated", event -> request(event.get("url")));
    }

    /** The errors so far, oldest first. */
    List<String> errors() {
        return List.copyOf(errors);
    }

    /** The requested URLs so far, oldest first. */
    List<String> requests() {
        return List.copyOf(requests);
    }

    /** An exception as Chromium's console shows it: "Uncaught Error: boom (file:///page.html:12)". */
    static String describe(Map<String, Object> details) {
        Map<String, Object> exception = map(details.get("exception"));
        Object thrown = exception.containsKey("description") ? exception.get("description") : exception.get("value");
        String text = String.valueOf(details.getOrDefault("text", "Uncaught"));
        String first = thrown == null ? "" : String.valueOf(thrown).lines().findFirst().orElse("");
        // A rejected promise's text already ends with the exception ("Uncaught (in promise) Error: x").
        String message = text.endsWith(first) ? text : text + " " + first;
        Object url = details.get("url");
        if (url instanceof String where && !where.isEmpty() && details.get("lineNumber") instanceof Number line) {
            message += " (" + where + ":" + (line.longValue() + 1) + ")";
        }
        return message;
    }

    private void console(Map<String, Object> event) {
        Object type = event.get("type");
        if ("error".equals(type) || "assert".equals(type)) {
            String text = list(event.get("args")).stream()
                    .map(argument -> map(argument))
                    .map(argument -> String.valueOf(argument.containsKey("value") ? argument.get("value")
                            : argument.getOrDefault("description", argument.get("type"))))
                    .collect(Collectors.joining(" "));
            errors.add("console." + type + ": " + text);
        }
    }

    private void logEntry(Map<String, Object> event) {
        Map<String, Object> entry = map(event.get("entry"));
        if ("error".equals(entry.get("level"))) {
            Object url = entry.get("url");
            errors.add(entry.get("source") + ": " + entry.get("text") + (url == null ? "" : " (" + url + ")"));
        }
    }

    private void request(Object url) {
        String text = String.valueOf(url);
        requests.add(text.length() <= LONGEST_URL ? text : text.substring(0, LONGEST_URL) + "...");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }
}
