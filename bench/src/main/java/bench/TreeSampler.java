package bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Samples a running process tree through /proc: every process the program starts (pool workers,
 * {@code Process} children, their children), with its CPU time and peak resident set.
 *
 * <p>Why sample at all when GNU time is there: {@code %M} is the largest single process, but five JVMs
 * or five Python processes together are what the machine must hold. The kernel keeps each process's
 * own peak (VmHWM), so sampling misses no peak; it can only miss the last few milliseconds of CPU of
 * each process, and processes that live shorter than one interval.
 *
 * <p>Processes that existed before the program started are never read; a new process's stat file is
 * read once to learn its parent, and after that only the tree's members are read, so a sample costs a
 * directory listing and a few small reads.
 */
final class TreeSampler {
    private static final Path PROC = Path.of("/proc");

    private final boolean countRoot;
    private final long intervalMillis;
    private final double ticksPerSecond;
    private final Set<Long> tree = new HashSet<>();
    private final Set<Long> outsiders = new HashSet<>();
    private final Map<String, Seen> seen = new HashMap<>();
    private long rootPid;
    private Thread thread;
    private volatile boolean stopped;

    private TreeSampler(boolean countRoot, long intervalMillis, double ticksPerSecond) {
        this.countRoot = countRoot;
        this.intervalMillis = intervalMillis;
        this.ticksPerSecond = ticksPerSecond;
    }

    /** Whether this system has a Linux-style /proc to sample. */
    static boolean available() {
        return Files.isReadable(PROC.resolve("self/stat")) && Files.isReadable(PROC.resolve("self/status"));
    }

    /**
     * A sampler for a program about to start. Every process that exists now is noted as not part of
     * its tree, so the first sample after the start reads only new processes: it is quick enough to
     * catch even a program that lives a tenth of a second on a busy machine.
     *
     * @param countRoot      whether the root itself counts (not when it is only the GNU time wrapper)
     * @param ticksPerSecond the kernel's clock ticks per second, the unit of CPU times in /proc
     */
    static TreeSampler prepare(boolean countRoot, long intervalMillis, double ticksPerSecond) {
        TreeSampler sampler = new TreeSampler(countRoot, intervalMillis, ticksPerSecond);
        try {
            sampler.outsiders.addAll(listPids());
        } catch (IOException e) {
            // the first sample will read them all instead
        }
        return sampler;
    }

    /** Starts sampling the tree under {@code pid}, the program just started. */
    void start(long pid) {
        rootPid = pid;
        outsiders.remove(pid);
        tree.add(pid);
        thread = new Thread(this::loop, "tree-sampler-" + pid);
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops sampling (the tree has exited by now) and sums up what was seen. */
    Usage stop() {
        stopped = true;
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long ticks = 0;
        long rssSum = 0;
        for (Seen process : seen.values()) {
            ticks += process.cpuTicks;
            rssSum += process.peakRssKb;
        }
        return new Usage(ticks / ticksPerSecond, rssSum, seen.size());
    }

    private void loop() {
        while (!stopped) {
            try {
                sample();
            } catch (IOException | RuntimeException e) {
                // A process that exits between listing and reading is normal; try again next tick.
            }
            try {
                Thread.sleep(intervalMillis);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sample() throws IOException {
        Set<Long> live = listPids();
        // Forget dead pids, so that a pid the system hands out again is looked at afresh.
        outsiders.retainAll(live);
        tree.retainAll(live);
        tree.add(rootPid);
        Map<Long, Stat> fresh = new HashMap<>();
        for (long pid : live) {
            if (!tree.contains(pid) && !outsiders.contains(pid)) {
                Stat stat = readStat(pid);
                if (stat != null) {
                    fresh.put(pid, stat);
                }
            }
        }
        adoptDescendants(fresh);
        outsiders.addAll(fresh.keySet());
        for (long pid : tree) {
            if (pid == rootPid && !countRoot) {
                continue;
            }
            Stat stat = readStat(pid);
            if (stat == null) {
                continue;
            }
            Seen process = seen.computeIfAbsent(pid + "@" + stat.startTicks, key -> new Seen());
            process.cpuTicks = Math.max(process.cpuTicks, stat.cpuTicks);
            process.peakRssKb = Math.max(process.peakRssKb, readPeakRss(pid));
        }
    }

    /** Moves from {@code fresh} into the tree every process whose parent is in it, until none is left. */
    private void adoptDescendants(Map<Long, Stat> fresh) {
        boolean grew = true;
        while (grew) {
            grew = false;
            List<Long> adopted = new ArrayList<>();
            for (Map.Entry<Long, Stat> entry : fresh.entrySet()) {
                if (tree.contains(entry.getValue().parentPid)) {
                    adopted.add(entry.getKey());
                }
            }
            if (!adopted.isEmpty()) {
                tree.addAll(adopted);
                adopted.forEach(fresh::remove);
                grew = true;
            }
        }
    }

    private static Set<Long> listPids() throws IOException {
        Set<Long> pids = new HashSet<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!name.isEmpty() && Character.isDigit(name.charAt(0))) {
                    try {
                        pids.add(Long.parseLong(name));
                    } catch (NumberFormatException ignored) {
                        // not a process directory
                    }
                }
            }
        }
        return pids;
    }

    /** The stat line's fields we need, or {@code null} if the process is gone. */
    private static Stat readStat(long pid) {
        String text;
        try {
            text = new String(Files.readAllBytes(PROC.resolve(pid + "/stat")), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return null;
        }
        // The command name (field 2) may hold spaces and parentheses: count fields after the last ')'.
        String[] fields = text.substring(text.lastIndexOf(')') + 2).trim().split(" ");
        // fields[0] is field 3 (state): ppid is field 4, utime 14, stime 15, starttime 22.
        long parent = Long.parseLong(fields[1]);
        long cpu = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        long start = Long.parseLong(fields[19]);
        return new Stat(parent, cpu, start);
    }

    private static long readPeakRss(long pid) {
        try {
            for (String line : Files.readAllLines(PROC.resolve(pid + "/status"), StandardCharsets.ISO_8859_1)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.substring(6).replace("kB", "").trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone, or a kernel thread without memory figures
        }
        return 0;
    }

    /**
     * What the samples saw of the whole tree.
     *
     * @param cpuSeconds   user + system seconds, summed over its processes
     * @param peakRssSumKb the sum of each process's peak resident set, in KiB
     * @param processes    how many processes were seen
     */
    record Usage(double cpuSeconds, long peakRssSumKb, int processes) {
    }

    private record Stat(long parentPid, long cpuTicks, long startTicks) {
    }

    /** The latest figures of one process (pid and start time), kept after it exits. */
    private static final class Seen {
        long cpuTicks;
        long peakRssKb;
    }
}
