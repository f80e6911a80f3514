package lab;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import lab.TestSupport.Step;
import multiprocessing.tools.RunChecks;
import multiprocessing.tools.RunChecks.Finding;
import multiprocessing.tools.TracedRun;

/**
 * One run of a step's {@code main} in a JVM of its own, with the runtime's trace on: the program runs
 * the way a student runs it from a terminal, and its pool workers and {@code Process}es are real
 * processes whose work the trace records. A step's test class runs its {@code main} once and shares the
 * run between the tests that look at it: what it printed, and whether the work ran in processes the way
 * the step teaches.
 *
 * <p>The lesson is read from the trace by {@link RunChecks}, the same checks and the same words as the
 * grader's, so a student who fixes what a public test says fixes what the grader would say. Those
 * checks read the order of the program's own statements (submit before wait, join before put), never
 * a stopwatch, so a busy machine cannot fail them.
 *
 * <p>Each run also draws its picture, one row per process, to {@code target/timeline-<step>.html} in
 * the working folder (the module's folder under Maven), and the lesson tests' messages point to it.
 */
final class TracedMain {
    /** Most lines of error output a message quotes: the exception and the lines it came from. */
    private static final int ERROR_LINES = 12;
    /** Most lines of standard output a message about a stopped run quotes. */
    private static final int OUTPUT_LINES = 12;

    private final Step step;
    private final Duration limit;
    private final String ifStopped;
    private final TracedRun run;
    /** A sentence that says where the run's picture is (or why there is none), for the messages. */
    private final String page;

    private TracedMain(Step step, Duration limit, String ifStopped, TracedRun run, String page) {
        this.step = step;
        this.limit = limit;
        this.ifStopped = ifStopped;
        this.run = run;
        this.page = page;
    }

    /**
     * Runs {@code step}'s {@code main} and waits for it, at most {@code limit}; then writes its picture.
     *
     * @param ifStopped what usually keeps this step's {@code main} from finishing, for the message when it
     *                  is stopped at the limit
     */
    static TracedMain run(Step step, Duration limit, String ifStopped) {
        TracedRun run = TracedRun.start("lab." + step.className(), limit);
        Path file = Path.of("target", "timeline-" + step.id() + ".html");
        String page;
        try {
            run.writePage(file, step.label() + ": " + step.className() + ".main, as the public tests ran it");
            page = "See its picture: " + shown(file) + ".";
        } catch (UncheckedIOException e) {
            // The picture helps, but a test must not fail because a folder is read-only.
            page = "Its picture could not be written to " + shown(file) + ": " + e.getMessage() + ".";
        }
        return new TracedMain(step, limit, ifStopped, run, page);
    }

    /**
     * The lines {@code main} printed, its workers' and {@code Process}es' lines included; fails first if
     * it did not run to its end, so that a test of its output never compares a half-finished run.
     */
    List<String> printedLines() {
        requireFinished();
        return run.stdoutLines();
    }

    /**
     * Passes if {@code check} finds in the trace what {@code expectation} says; fails otherwise, with the
     * expectation, what happened instead and what to do (both from {@link RunChecks}), and the picture.
     *
     * @param expectation what the program should do, as the start of a sentence: "Square.main should ..."
     */
    void assertLesson(String expectation, Function<RunChecks, Finding> check) {
        // A stub, a crash or a hang leaves a trace that tells another story ("main created no Pool"):
        // the reason it did not finish is the one worth reading first.
        requireFinished();
        Finding finding = check.apply(new RunChecks(run.timeline()));
        if (!finding.ok()) {
            fail(step.says(expectation + ", but " + finding.problem() + ". " + capitalized(finding.fix()) + ". "
                    + page));
        }
    }

    private String what() {
        return step.className() + ".main";
    }

    private void requireFinished() {
        TestSupport.requireNoPlaceholder(step, what(), run.stdout());
        if (run.timedOut()) {
            List<String> printed = run.stdoutLines();
            fail(step.says(what() + " was stopped after " + limit.toSeconds() + " s: it had not finished. " + ifStopped
                    + " " + page) + " What it printed before it was stopped: "
                    + printed.subList(Math.max(0, printed.size() - OUTPUT_LINES), printed.size())
                    + (printed.size() > OUTPUT_LINES ? " (its last " + OUTPUT_LINES + " lines)." : "."));
        }
        int exitCode = run.exitCode();
        if (exitCode == 0) {
            return;
        }
        String ended = exitCode == 1 ? " threw an exception (exit code 1)" : " ended with exit code " + exitCode;
        // A stub's exception reaches main's error output from wherever it was thrown, a worker included.
        String cause = run.stderr().contains(TestSupport.PLACEHOLDER)
                ? " because a method it uses is not implemented yet: that stub still throws"
                        + " UnsupportedOperationException. Replace the stub's body with your code."
                : ".";
        // The error output comes last: it can be long, and the sentences above are what to read first.
        fail(step.says(what() + ended + cause) + errorOutput());
    }

    /** The last {@link #ERROR_LINES} non-blank lines of the error output, indented on lines of their own. */
    private String errorOutput() {
        List<String> lines = run.stderr().lines().filter(line -> !line.isBlank()).toList();
        if (lines.isEmpty()) {
            return " Its error output was empty.";
        }
        StringBuilder quoted = new StringBuilder(lines.size() > ERROR_LINES
                ? " The last " + ERROR_LINES + " lines of its error output:" : " Its error output:");
        lines.subList(Math.max(0, lines.size() - ERROR_LINES), lines.size())
                .forEach(line -> quoted.append("\n    ").append(line));
        return quoted.toString();
    }

    /**
     * {@code page} as seen from the folder that holds {@code mvnw}, where students type their commands:
     * {@code exercises/target/timeline-square.html}; the absolute path if there is no such folder.
     */
    private static String shown(Path page) {
        Path absolute = page.toAbsolutePath().normalize();
        for (Path folder = absolute.getParent(); folder != null; folder = folder.getParent()) {
            if (Files.isRegularFile(folder.resolve("mvnw"))) {
                return folder.relativize(absolute).toString();
            }
        }
        return absolute.toString();
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }
}
