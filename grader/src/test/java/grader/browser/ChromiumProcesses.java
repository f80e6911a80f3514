package grader.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every process of one browser: chromedriver, Chromium and Chromium's helpers, including those that
 * leave the process tree. Chromium's crash handler double-forks, so its parent is init and no
 * descendant walk finds it; it, like every other process of the browser, names the browser's private
 * directory on its command line, and that is how each is recognised. Their descendants count too.
 */
final class ChromiumProcesses {
    /** How long {@link #kill} waits for the processes to be gone. */
    static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Path PROC = Path.of("/proc");

    private final String marker;
    private final Set<ProcessHandle> seen = new LinkedHashSet<>();

    /** The processes of the browser whose private directory is {@code marker}. */
    ChromiumProcesses(String marker) {
        this.marker = marker;
    }

    /**
     * The processes still {@linkplain #running running}, counting every one seen before. Remembering matters: once
     * chromedriver or the browser ends, its children are re-parented and no longer show as its descendants.
     */
    synchronized List<ProcessHandle> stillRunning() {
        ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine().map(line -> line.contains(marker)).orElse(false))
                .forEach(process -> {
                    seen.add(process);
                    process.descendants().forEach(seen::add);
                });
        seen.remove(ProcessHandle.current());
        seen.removeIf(process -> !running(process));
        return List.copyOf(seen);
    }

    /**
     * Whether {@code process} still runs. A zombie does not: it has ended and only waits for its
     * parent, or for init once the parent is gone, to collect its exit status. Killed Chromium helpers
     * are such orphans, and some inits (a container's shell, a VM's agent) collect them late or
     * never, while {@link ProcessHandle#isAlive} counts them alive until then.
     */
    static boolean running(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        try {
            // Linux: the state is the first field after the command name, which ends with the last ')'.
            String stat = Files.readString(PROC.resolve(Long.toString(process.pid())).resolve("stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException | RuntimeException notLinuxOrGone) {
            return process.isAlive();
        }
    }

    /**
     * Kills the processes and waits until they are gone, killing again whatever appears meanwhile;
     * returns those still running after {@link #PATIENCE}, which should be none. No grace period: it
     * runs after WebDriver's own shutdown, so whatever is left has already ignored the polite way.
     */
    List<ProcessHandle> kill() {
        long end = System.nanoTime() + PATIENCE.toNanos();
        List<ProcessHandle> left = stillRunning();
        while (!left.isEmpty() && end - System.nanoTime() > 0) {
            left.forEach(ProcessHandle::destroyForcibly);
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                // The killing must go on: keep the flag for the caller.
                Thread.currentThread().interrupt();
            }
            left = stillRunning();
        }
        return left;
    }
}
