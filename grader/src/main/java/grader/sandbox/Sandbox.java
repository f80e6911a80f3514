package grader.sandbox;

import grader.json.GraderJson;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import multiprocessing.tools.Timeline;

/**
 * Runs student code in child JVMs under limits, and makes sure nothing of a run survives it.
 *
 * <p>Every run gets its own directory (working directory, temp directory and home), a heap cap that
 * its workers inherit, {@code -XX:+ExitOnOutOfMemoryError}, a time limit, an output cap, a process
 * cap, an empty environment but for a unique marker, and the runtime's trace switched on into a fresh
 * file. When the run ends, times out or passes a cap, every process carrying its marker is killed.
 * Nothing of the submission runs in the grader's own JVM.
 */
public final class Sandbox {
    private static final long WATCH_MILLIS = 100;
    private static final long LEFTOVER_GRACE_MILLIS = 2_000;

    private final SandboxLimits limits;
    private final TrustedClasspath trusted;
    private final Path workRoot;
    private final AtomicInteger runs = new AtomicInteger();

    /** A sandbox that keeps its runs' directories under {@code workRoot}. */
    public Sandbox(SandboxLimits limits, TrustedClasspath trusted, Path workRoot) {
        this.limits = limits;
        this.trusted = trusted;
        this.workRoot = workRoot;
    }

    /** The environment variable that names a CI run (set by {@code .ci/run}); kept in the sandbox. */
    public static final String CI_RUN_VARIABLE = "LAB_CI_RUN";

    /** Runs one request to its end (or its limit) and reports what happened. */
    public RunResult run(RunRequest request) {
        Path work = workRoot.resolve(String.format("%02d-%s", runs.incrementAndGet(), request.label()));
        String marker = UUID.randomUUID().toString();
        java.lang.Process process = null;
        try {
            Files.createDirectories(work.resolve("tmp"));
            Path traceFile = work.resolve("trace.jsonl");
            Path probeFile = work.resolve("probe.json");
            ProcessBuilder builder = new ProcessBuilder(command(request, work, traceFile, probeFile)).directory(work.toFile());
            builder.environment().clear();
            builder.environment().put("PATH", "/usr/local/bin:/usr/bin:/bin");
            builder.environment().put("HOME", work.toString());
            builder.environment().put("LANG", "C.UTF-8");
            builder.environment().put(ProcessReaper.MARKER_VARIABLE, marker);
            // The one variable passed on: a CI run's own id, by which its leftover check tells the
            // sandboxes it started from those of another build on the same machine.
            String ciRun = System.getenv(CI_RUN_VARIABLE);
            if (ciRun != null) {
                builder.environment().put(CI_RUN_VARIABLE, ciRun);
            }
            long start = System.nanoTime();
            long startUs = nowMicros();
            process = builder.start();
            process.getOutputStream().close();
            AtomicLong total = new AtomicLong();
            BoundedCapture out = new BoundedCapture(process.getInputStream(), limits.keptOutputBytes(), total, "sandbox-stdout");
            BoundedCapture err = new BoundedCapture(process.getErrorStream(), limits.keptOutputBytes(), total, "sandbox-stderr");
            Outcome outcome = watch(process, request, marker, total, start);
            long endUs = nowMicros();
            // The runtime stops a program's children when it exits; give it the 2 s it promises.
            if (outcome == Outcome.ENDED) {
                ProcessReaper.awaitGone(marker, process.toHandle(), LEFTOVER_GRACE_MILLIS);
            }
            int leftovers = ProcessReaper.killAll(marker, process.toHandle());
            out.awaitEnd(2_000);
            err.awaitEnd(2_000);
            long millis = (System.nanoTime() - start) / 1_000_000;
            int exitCode = process.isAlive() ? -1 : process.exitValue();
            return new RunResult(request.label(), process.pid(), outcome == Outcome.ENDED ? exitCode : -1,
                    outcome == Outcome.TIMED_OUT, outcome == Outcome.OUTPUT_CAP, outcome == Outcome.PROCESS_CAP,
                    out.text(), err.text(), readTimeline(traceFile), readProbe(probeFile),
                    outcome == Outcome.ENDED ? leftovers : 0, millis, request.timeout().toSeconds(), traceFile, startUs,
                    endUs);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + request.label() + " in the sandbox", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + request.label(), e);
        } finally {
            if (process != null) {
                ProcessReaper.killAll(marker, process.toHandle());
            }
        }
    }

    private enum Outcome { ENDED, TIMED_OUT, OUTPUT_CAP, PROCESS_CAP }

    /** Microseconds since the epoch, on the clock the runtime's trace uses. */
    private static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    /** The run's trace as the runtime reads it; an empty timeline when there is none or it cannot be read. */
    private static Timeline readTimeline(Path traceFile) {
        try {
            return Files.isRegularFile(traceFile) ? Timeline.read(traceFile) : Timeline.empty();
        } catch (IOException e) {
            return Timeline.empty();
        }
    }

    private Outcome watch(java.lang.Process process, RunRequest request, String marker, AtomicLong total, long start)
            throws InterruptedException {
        long deadline = start + request.timeout().toNanos();
        int checks = 0;
        while (!process.waitFor(WATCH_MILLIS, TimeUnit.MILLISECONDS)) {
            if (System.nanoTime() > deadline) {
                return Outcome.TIMED_OUT;
            }
            if (total.get() > limits.outputCapBytes()) {
                return Outcome.OUTPUT_CAP;
            }
            // Counting processes and threads reads /proc: every 300 ms is enough to stop a spawning loop early.
            if (++checks % 3 == 0) {
                List<Long> pids = ProcessReaper.find(marker, process.toHandle());
                if (pids.size() > limits.maxProcesses() || ProcessReaper.threadCount(pids) > limits.maxThreads()) {
                    return Outcome.PROCESS_CAP;
                }
            }
        }
        return total.get() > limits.outputCapBytes() ? Outcome.OUTPUT_CAP : Outcome.ENDED;
    }

    private List<String> command(RunRequest request, Path work, Path traceFile, Path probeFile) {
        String heap = "-Xmx" + limits.heapMegabytes() + "m";
        List<String> command = new ArrayList<>(List.of(javaExecutable(), heap, "-Xss1m", "-XX:+ExitOnOutOfMemoryError",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-Xshare:auto",
                "-Djava.io.tmpdir=" + work.resolve("tmp"), "-Duser.home=" + work,
                "-Dmultiprocessing.trace=" + traceFile,
                "-Dmultiprocessing.maxProcesses=" + (limits.maxProcesses() - 2),
                "-Dmultiprocessing.worker.jvmArgs=" + heap + " -Xss1m",
                "-cp", String.join(File.pathSeparator, trusted.runtime().toString(),
                        trusted.harness().toString(), request.classes().toString()),
                "grader.harness.Probe", probeFile.toString(), request.check()));
        command.addAll(request.arguments());
        return command;
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Map<String, Object> readProbe(Path probeFile) {
        try {
            if (Files.isRegularFile(probeFile) && Files.size(probeFile) < 4 * 1024 * 1024) {
                return GraderJson.readObject(Files.readString(probeFile, StandardCharsets.UTF_8));
            }
        } catch (IOException | IllegalArgumentException e) {
            // an unreadable result is no result
        }
        return Map.of();
    }
}
