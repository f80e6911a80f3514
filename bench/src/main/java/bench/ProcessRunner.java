package bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one program as a real process, the way a person would start it, and measures it: wall time,
 * CPU time and memory of its whole process tree, its output and how it ended.
 *
 * <p>Output goes to files rather than pipes, so no reader thread of the harness competes with the
 * program for the CPU; the files stay in the scratch folder for anyone who wants to look.
 */
final class ProcessRunner {
    private final Path workDir;
    private final Path scratch;
    private final boolean gnuTime;
    private final boolean sampling;
    private final int sampleMillis;
    private final double ticksPerSecond;
    private int runs;

    /**
     * @param workDir        where programs run (the repository root: their class paths are relative)
     * @param scratch        where output files go
     * @param gnuTime        whether to wrap programs in GNU time
     * @param sampleMillis   the /proc sampling interval; 0 to sample nothing
     * @param ticksPerSecond the kernel's clock ticks per second
     */
    ProcessRunner(Path workDir, Path scratch, boolean gnuTime, int sampleMillis, double ticksPerSecond) {
        this.workDir = workDir;
        this.scratch = scratch;
        this.gnuTime = gnuTime;
        this.sampling = sampleMillis > 0 && TreeSampler.available();
        this.sampleMillis = sampleMillis;
        this.ticksPerSecond = ticksPerSecond;
    }

    /** Whether runs report the tree's summed memory and sampled CPU. */
    boolean sampling() {
        return sampling;
    }

    /** Runs {@code spec} to its end (or its time limit) and returns what it did. */
    RunResult run(RunSpec spec) {
        runs++;
        String base = String.format("%03d-%s", runs, spec.label().replaceAll("[^A-Za-z0-9_.-]+", "_"));
        Path out = scratch.resolve(base + ".out");
        Path err = scratch.resolve(base + ".err");
        Path timeFile = scratch.resolve(base + ".time");
        List<String> command = gnuTime ? GnuTime.wrap(spec.command(), timeFile) : spec.command();
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        TreeSampler sampler = sampling ? TreeSampler.prepare(!gnuTime, sampleMillis, ticksPerSecond) : null;
        long start = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return new RunResult(spec, null, false, e.getMessage(), 0, null, null, null, null, 0, "", "",
                    scratch.resolve(base).toString());
        }
        // The program gets an empty standard input, as under CI: nothing can hang waiting on a terminal.
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // nothing to close
        }
        if (sampler != null) {
            sampler.start(process.pid());
        }
        boolean timedOut = !waitFor(process, spec.timeout().toMillis());
        if (timedOut) {
            killTree(process);
        }
        double wall = (System.nanoTime() - start) / 1e9;
        TreeSampler.Usage tree = sampler == null ? null : sampler.stop();
        if (tree != null && tree.processes() == 0) {
            tree = null; // the program ended before the first sample: no figure rather than a zero
        }
        GnuTime.Usage usage = null;
        try {
            usage = gnuTime ? GnuTime.parse(timeFile) : null;
        } catch (IOException e) {
            // reported as a missing figure
        }
        return new RunResult(spec, timedOut ? null : process.exitValue(), timedOut, null, wall,
                usage == null ? null : usage.cpuSeconds(),
                tree == null ? null : tree.cpuSeconds(),
                tree == null ? null : tree.peakRssSumKb(),
                usage == null ? null : usage.largestRssKb(),
                tree == null ? 0 : tree.processes(),
                read(out), read(err), scratch.resolve(base).toString());
    }

    private static boolean waitFor(Process process, long millis) {
        try {
            return process.waitFor(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Kills the program and everything it started; twice, in case a child was starting meanwhile. */
    private static void killTree(Process process) {
        for (int round = 0; round < 2; round++) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            waitFor(process, 5_000);
        }
    }

    private static String read(Path file) {
        try {
            // Bytes first: a program may print anything, and a bad byte must not lose the whole output.
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
