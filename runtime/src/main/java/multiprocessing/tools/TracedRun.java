package multiprocessing.tools;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import multiprocessing.internal.ChildLauncher;
import multiprocessing.internal.ClassPathHandOver;
import multiprocessing.internal.Config;

/**
 * Runs a program's {@code main} in a JVM of its own with the trace switched on, the way a student runs
 * it from a terminal, and keeps what it printed and what its trace says.
 *
 * <pre>{@code
 * TracedRun run = TracedRun.start("lab.SlowSquare", Duration.ofSeconds(60));
 * run.stdoutLines();                       // what main printed, its workers' lines included
 * new RunChecks(run.timeline())            // where the work ran, in plain words
 * }</pre>
 *
 * <p>The child gets this JVM's {@code java}, its class path (handed over as {@code ClassPathHandOver}
 * does it, so long IDE class paths, spaces, and letters the system's code page lacks work on every
 * system) and its {@code multiprocessing.*} properties. A
 * run that outlives its time limit is stopped, with everything it started. The trace is a fresh file
 * per run, deleted when this JVM exits.
 */
public final class TracedRun {
    /** Most bytes kept of each output stream; the rest is read and counted, never stored. */
    static final int MAX_KEPT_BYTES = 1 << 20;
    private static final List<String> JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-Xshare:auto", "-Dstdout.encoding=UTF-8", "-Dstderr.encoding=UTF-8", "-Dsun.stdout.encoding=UTF-8",
            "-Dsun.stderr.encoding=UTF-8");

    private final String mainClass;
    private final Integer exitCode;
    private final long pid;
    private final String stdout;
    private final String stderr;
    private final Path trace;
    private final Duration elapsed;
    private Timeline timeline;

    private TracedRun(String mainClass, Integer exitCode, long pid, String stdout, String stderr, Path trace,
                      Duration elapsed) {
        this.mainClass = mainClass;
        this.exitCode = exitCode;
        this.pid = pid;
        this.stdout = stdout;
        this.stderr = stderr;
        this.trace = trace;
        this.elapsed = elapsed;
    }

    /**
     * Runs {@code mainClass}'s {@code main} with no arguments and waits for it, at most {@code limit}.
     *
     * @throws UncheckedIOException if no JVM could be started
     */
    public static TracedRun start(String mainClass, Duration limit) {
        try {
            Path directory = Files.createTempDirectory("multiprocessing-run-");
            Path trace = directory.resolve("trace.jsonl");
            Path arguments = directory.resolve("classpath.args");
            directory.toFile().deleteOnExit();
            trace.toFile().deleteOnExit();
            arguments.toFile().deleteOnExit();
            // After those: files are deleted at exit in the reverse order, so a jar it may put beside the
            // argument file goes before the directory. The child starts in this JVM's working directory.
            ClassPathHandOver classPath = ClassPathHandOver.of(System.getProperty("java.class.path", "."),
                    arguments, Path.of("").toAbsolutePath());
            List<String> command = new ArrayList<>();
            command.add(ChildLauncher.javaExecutable());
            command.addAll(JVM_OPTIONS);
            for (Map.Entry<String, String> property : Config.inheritableProperties().entrySet()) {
                if (!property.getKey().equals(Config.TRACE)) {
                    command.add("-D" + property.getKey() + "=" + property.getValue());
                }
            }
            command.add("-D" + Config.TRACE + "=" + trace);
            command.add(classPath.argument());
            command.add(mainClass);
            long started = System.nanoTime();
            java.lang.Process process = new ProcessBuilder(command).start();
            process.getOutputStream().close();
            Drain out = Drain.start(process.getInputStream(), "stdout of " + mainClass);
            Drain err = Drain.start(process.getErrorStream(), "stderr of " + mainClass);
            boolean ended = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
            if (!ended) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            return new TracedRun(mainClass, ended ? process.exitValue() : null, process.pid(), out.text(), err.text(),
                    trace, elapsed);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + mainClass + " in a JVM of its own: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + mainClass, e);
        }
    }

    /** The class whose {@code main} ran. */
    public String mainClass() {
        return mainClass;
    }

    /** Whether it ran out of time and was stopped. */
    public boolean timedOut() {
        return exitCode == null;
    }

    /** Its exit code: 0 when main returned, 1 when it threw; null when it was stopped at the time limit. */
    public Integer exitCode() {
        return exitCode;
    }

    /** The pid of the JVM that ran main. */
    public long pid() {
        return pid;
    }

    /** How long it ran, start to end. */
    public Duration elapsed() {
        return elapsed;
    }

    /** What it printed on standard output ({@code \n} line ends), including its workers' and Processes' lines. */
    public String stdout() {
        return stdout;
    }

    /** What it printed on standard error. */
    public String stderr() {
        return stderr;
    }

    /** The lines of {@link #stdout()}. */
    public List<String> stdoutLines() {
        return stdout.lines().toList();
    }

    /** The trace file; it may be missing when the program started no pool and no Process. */
    public Path trace() {
        return trace;
    }

    /** The run as its trace tells it (empty when there is no trace). */
    public synchronized Timeline timeline() {
        if (timeline == null) {
            try {
                timeline = Files.isRegularFile(trace) ? Timeline.read(trace) : Timeline.empty();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the trace " + trace, e);
            }
        }
        return timeline;
    }

    /** Writes the timeline's web page to {@code page}, creating its folder; returns the page's path. */
    public Path writePage(Path page, String title) {
        try {
            Path folder = page.toAbsolutePath().getParent();
            if (folder != null) {
                Files.createDirectories(folder);
            }
            Files.writeString(page, timeline().html(title), StandardCharsets.UTF_8);
            return page;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the timeline page " + page, e);
        }
    }

    /**
     * Runs a program's {@code main} with the trace on and draws its timeline: {@code TracedRun <main class>
     * <page.html> [title]}. Prints what the program printed, then where the page went and the verdict;
     * exits with the program's exit code (1 if it had to be stopped, 2 for wrong arguments).
     */
    public static void main(String[] args) {
        System.exit(TracedRunCommand.run(args, TracedRunCommand.LIMIT, System.out, System.err));
    }

    /** Reads a stream to its end on a thread of its own, keeping at most {@link #MAX_KEPT_BYTES}. */
    private static final class Drain {
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final Thread thread;
        private long dropped;

        private Drain(InputStream in, String name) {
            this.thread = new Thread(() -> pump(in), "multiprocessing-run-" + name);
            thread.setDaemon(true);
        }

        static Drain start(InputStream in, String name) {
            Drain drain = new Drain(in, name);
            drain.thread.start();
            return drain;
        }

        private void pump(InputStream in) {
            byte[] buffer = new byte[8192];
            try (in) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    synchronized (this) {
                        int keep = (int) Math.max(0, Math.min(n, MAX_KEPT_BYTES - kept.size()));
                        kept.write(buffer, 0, keep);
                        dropped += n - keep;
                    }
                }
            } catch (IOException e) {
                // the process is gone: what was read is all there is
            }
        }

        String text() throws InterruptedException {
            thread.join(TimeUnit.SECONDS.toMillis(5));
            synchronized (this) {
                String text = kept.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
                return dropped == 0 ? text
                        : text + "\n[... " + dropped + " more bytes of output were cut here ...]\n";
            }
        }
    }
}
