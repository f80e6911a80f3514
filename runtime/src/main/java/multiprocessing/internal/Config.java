package multiprocessing.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The runtime's system properties, in one place so that the README's table and the code agree.
 * Every property whose name starts with {@code multiprocessing.} is handed on to child JVMs.
 */
public final class Config {
    /** Appends JSON-lines trace events to this file when set. */
    public static final String TRACE = "multiprocessing.trace";
    /** Most child processes (workers and Processes) one JVM may run at once. */
    public static final String MAX_PROCESSES = "multiprocessing.maxProcesses";
    /** Extra JVM options for every child JVM, separated by spaces; double quotes group. */
    public static final String WORKER_JVM_ARGS = "multiprocessing.worker.jvmArgs";
    /** Seconds a new child JVM may take to connect before the pool gives up. */
    public static final String START_TIMEOUT = "multiprocessing.worker.startTimeoutSeconds";

    private static final String PREFIX = "multiprocessing.";
    private static final int PROCESSES_PER_CORE = 8;

    private Config() {
    }

    /** The cap on live child processes: the property, or 8 per core (at least 8). */
    public static int maxProcesses() {
        int fallback = Math.max(8, PROCESSES_PER_CORE * Runtime.getRuntime().availableProcessors());
        return positiveInt(MAX_PROCESSES, fallback);
    }

    /** How long a child JVM may take from launch to its first message. */
    public static long startTimeoutMillis() {
        return positiveInt(START_TIMEOUT, 60) * 1000L;
    }

    /** The extra child JVM options, split like a command line: spaces separate, double quotes group. */
    public static List<String> workerJvmArgs() {
        return splitOptions(System.getProperty(WORKER_JVM_ARGS, ""));
    }

    /** Every {@code multiprocessing.*} system property of this JVM, for a child to inherit. */
    public static Map<String, String> inheritableProperties() {
        Map<String, String> inherited = new TreeMap<>();
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith(PREFIX)) {
                inherited.put(name, System.getProperty(name));
            }
        }
        return inherited;
    }

    static List<String> splitOptions(String text) {
        List<String> options = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean inToken = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                inToken = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (inToken) {
                    options.add(current.toString());
                    current.setLength(0);
                    inToken = false;
                }
            } else {
                current.append(c);
                inToken = true;
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("-D" + WORKER_JVM_ARGS + " has an unclosed double quote: " + text);
        }
        if (inToken) {
            options.add(current.toString());
        }
        return options;
    }

    private static int positiveInt(String property, int fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= 1) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below with the property's name
        }
        throw new IllegalArgumentException("-D" + property + "=" + value
                + " is not a positive whole number; remove it or set a value such as " + fallback);
    }
}
