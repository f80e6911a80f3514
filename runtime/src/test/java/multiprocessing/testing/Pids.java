package multiprocessing.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/** Questions about operating-system processes by pid. */
public final class Pids {
    private Pids() {
    }

    /**
     * Whether a process with this pid still runs.
     *
     * <p>{@link ProcessHandle#isAlive()} also counts a zombie: a process that has exited but whose exit
     * status nobody has collected yet. The children of a killed parent are adopted by the system's init
     * process, and some inits (in containers especially) collect them only now and then, so where
     * {@code /proc} tells a zombie apart, a zombie counts as gone: it runs no code and holds no resources
     * but its process table entry.
     */
    public static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && !isZombie(pid);
    }

    private static boolean isZombie(long pid) {
        Path stat = Path.of("/proc", String.valueOf(pid), "stat");
        try {
            String text = Files.readString(stat);
            // "pid (command name) state ...": the name may hold spaces and parentheses
            int afterName = text.lastIndexOf(')');
            return afterName >= 0 && text.length() > afterName + 2 && text.charAt(afterName + 2) == 'Z';
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The pids among {@code pids} that still run. */
    public static List<Long> alive(Collection<Long> pids) {
        return pids.stream().filter(Pids::isAlive).toList();
    }

    /** Kills whatever still runs among {@code pids}: cleanup after a test that failed half-way. */
    public static void killAll(Collection<Long> pids) {
        for (long pid : pids) {
            ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(ProcessHandle::destroyForcibly);
        }
    }
}
