package grader.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Finds and kills every process of a sandboxed run, including ones that left the process tree (a new
 * session, a double fork): each run's processes carry a unique marker in their environment, which
 * children inherit, and on Linux {@code /proc/<pid>/environ} shows it. Elsewhere it falls back to the
 * process tree.
 */
final class ProcessReaper {
    static final String MARKER_VARIABLE = "GRADER_RUN_MARKER";
    private static final Path PROC = Path.of("/proc");

    private ProcessReaper() {
    }

    /** The pids of live processes that carry {@code marker}, plus {@code root}'s descendants. */
    static List<Long> find(String marker, ProcessHandle root) {
        List<Long> pids = new ArrayList<>();
        byte[] needle = (MARKER_VARIABLE + "=" + marker).getBytes(StandardCharsets.UTF_8);
        if (Files.isDirectory(PROC)) {
            try (Stream<Path> entries = Files.list(PROC)) {
                for (Path entry : entries.toList()) {
                    String name = entry.getFileName().toString();
                    if (name.chars().allMatch(Character::isDigit) && carries(entry.resolve("environ"), needle)) {
                        pids.add(Long.parseLong(name));
                    }
                }
            } catch (IOException e) {
                // fall through to the process tree
            }
        }
        root.descendants().map(ProcessHandle::pid).filter(pid -> !pids.contains(pid)).forEach(pids::add);
        long self = ProcessHandle.current().pid();
        pids.remove(self);
        return pids;
    }

    /** Threads of the given processes in all, from {@code /proc/<pid>/status}; 0 where that is unknown. */
    static int threadCount(List<Long> pids) {
        int threads = 0;
        for (long pid : pids) {
            try {
                for (String line : Files.readAllLines(PROC.resolve(Long.toString(pid)).resolve("status"))) {
                    if (line.startsWith("Threads:")) {
                        threads += Integer.parseInt(line.substring("Threads:".length()).trim());
                        break;
                    }
                }
            } catch (IOException | RuntimeException gone) {
                // the process ended meanwhile, or this is not Linux
            }
        }
        return threads;
    }

    /** Waits up to {@code millis} for the run's processes to exit by themselves. */
    static void awaitGone(String marker, ProcessHandle root, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (!find(marker, root).isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
    }

    /** Kills every process of the run (until none is left, a few rounds at most); how many there were. */
    static int killAll(String marker, ProcessHandle root) {
        int killed = 0;
        for (int round = 0; round < 5; round++) {
            List<Long> pids = find(marker, root);
            if (root.isAlive() && !pids.contains(root.pid())) {
                pids.add(root.pid());
            }
            if (pids.isEmpty()) {
                break;
            }
            for (long pid : pids) {
                if (ProcessHandle.of(pid).map(ProcessHandle::destroyForcibly).orElse(false)) {
                    killed++;
                }
            }
            for (long pid : pids) {
                ProcessHandle.of(pid).ifPresent(p -> {
                    try {
                        p.onExit().get(Duration.ofSeconds(2).toMillis(), TimeUnit.MILLISECONDS);
                    } catch (Exception ignored) {
                        // checked again next round
                    }
                });
            }
        }
        return killed;
    }

    private static boolean carries(Path environ, byte[] needle) {
        try {
            byte[] bytes = Files.readAllBytes(environ);
            outer:
            for (int i = 0; i + needle.length <= bytes.length; i++) {
                if (i > 0 && bytes[i - 1] != 0) {
                    continue;
                }
                for (int j = 0; j < needle.length; j++) {
                    if (bytes[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return i + needle.length == bytes.length || bytes[i + needle.length] == 0;
            }
            return false;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }
}
