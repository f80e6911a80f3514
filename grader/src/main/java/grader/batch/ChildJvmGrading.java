package grader.batch;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Grades each repository in a JVM of its own ({@code grader.cli.Main grade}): a grading that crashes,
 * hangs or runs out of memory takes only that JVM with it, and the batch goes on. The child runs the
 * same grader classes as the batch, so the batch and a single {@code grade} always agree.
 */
public final class ChildJvmGrading implements SingleGrading {
    /** Far above the worst case of one grading (about 2 minutes on a loaded 2-core machine). */
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofMinutes(8);
    /**
     * The grader JVM's own options, wherever a grader is started: here, in the workflows (a test holds
     * them to this list) and in the tests. A grading is a short batch job that mostly waits for its
     * sandboxes, so the optimising compiler and the parallel collector only burn CPU that the students'
     * code needs: measured on a 2-core machine, they cut the grader JVM's CPU from 8.8 s to 3.7 s per
     * grading at the same wall time. They change nothing the grader decides.
     */
    public static final List<String> JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    private static final int LOG_TAIL_CHARS = 600;

    private final Duration timeLimit;

    /** A grading that stops a repository's grading after {@code timeLimit}. */
    public ChildJvmGrading(Duration timeLimit) {
        this.timeLimit = timeLimit;
    }

    @Override
    public Outcome grade(StudentRepository repository, Path reportDir) throws InterruptedException {
        Path log = reportDir.resolveSibling(reportDir.getFileName() + ".log");
        List<String> command = command("grade", repository.path().toString(), "--out", reportDir.toString());
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice())).start();
        } catch (IOException e) {
            return new Outcome(BatchRecord.Status.ERROR, "could not start the grader: " + e.getMessage());
        }
        try {
            if (!process.waitFor(timeLimit.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process);
                return new Outcome(BatchRecord.Status.TIMEOUT,
                        "grading took longer than " + timeLimit.toMinutes() + " minutes and was stopped");
            }
        } catch (InterruptedException e) {
            kill(process);
            throw e;
        }
        if (process.exitValue() == 0 && Files.isRegularFile(reportDir.resolve("grade.json"))) {
            return new Outcome(BatchRecord.Status.GRADED, "");
        }
        return new Outcome(BatchRecord.Status.ERROR,
                "the grader exited with code " + process.exitValue() + ": " + tail(log));
    }

    /**
     * The command that runs the grader's command line ({@code grader.cli.Main}) with {@code arguments} in
     * a JVM of its own, on this JVM's Java and class path, with {@link #JVM_OPTIONS}.
     */
    public static List<String> command(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "grader.cli.Main"));
        command.addAll(List.of(arguments));
        return command;
    }

    /** The grader kills its own sandboxes; this is for the grader JVM itself and anything it left. */
    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String tail(Path log) {
        try {
            String text = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).strip();
            return text.length() <= LOG_TAIL_CHARS ? text : "..." + text.substring(text.length() - LOG_TAIL_CHARS);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static File nullDevice() {
        return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
