package grader.suite;

import grader.report.SourceLocation;
import grader.rules.Violation;
import grader.sandbox.BoundedCapture;
import grader.sandbox.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import multiprocessing.tools.RunChecks;
import multiprocessing.tools.RunChecks.Finding;
import multiprocessing.tools.Timeline;

/**
 * The checks the hidden tests share: a run ended within its limits, a call returned, the lesson was
 * done, the output is exactly right, the code takes no forbidden shortcut. Each failure explains itself
 * (see {@link Feedback}).
 *
 * <p><b>Points follow the lesson.</b> A test about a program's output, and the test of forbidden
 * shortcuts, pass only when the run also shows the step's lesson (a pool of worker processes, Processes
 * shut down in order, callbacks from {@code applyAsync}): a right answer computed some other way earns
 * nothing there. The lesson is read from the run's trace by {@link RunChecks}, whose words the public
 * tests use too.
 */
public final class Checks {
    private static final int SHOWN_LINES = 12;

    private Checks() {
    }

    /**
     * The run, if it ended within its limits.
     *
     * @throws RunTimedOut if it ran out of time
     * @throws org.opentest4j.AssertionFailedError if it passed the output or process cap
     */
    public static RunResult ended(StepEvidence evidence, RunResult run, String what) {
        return ended(evidence, run, what, Finding::passed);
    }

    /**
     * The run, if it ended within its limits. When it ran out of time and its trace shows a problem with
     * the step's lesson, that problem is named as the likely cause: a consumer that waits for a sentinel
     * main never put is a mistake of order, not a slow machine.
     *
     * @param lesson the step's lesson on this run
     */
    public static RunResult ended(StepEvidence evidence, RunResult run, String what, Supplier<Finding> lesson) {
        Step step = evidence.step();
        if (run.timedOut()) {
            Finding cause = lesson.get();
            throw Feedback.on(step).checked(what)
                    .expected("it finishes within " + run.limitSeconds() + " s (a correct solution needs a few)")
                    .actual("it was still running after " + run.limitSeconds() + " s, so the grader stopped it and"
                            + " everything it had started" + stillRunning(run.timeline(), run.mainPid())
                            + (cause.ok() ? "" : ". The likely cause: " + cause.problem())
                            + lastLines(run.stdout(), "It printed"))
                    .hint(cause.ok() ? "look for an infinite loop in a task, a consumer that never gets its null"
                            + " sentinel, a join() that waits for a process that cannot end, or a get() on a queue"
                            + " nobody fills" : cause.fix())
                    .timedOut();
        }
        if (run.outputCapped()) {
            throw Feedback.on(step).checked(what).expected("a few lines of output")
                    .actual("it printed more than the grader's output limit and was stopped" + floodedStream(run))
                    .hint("remove debug printing inside loops").fail();
        }
        if (run.processCapHit()) {
            throw Feedback.on(step).checked(what).expected("a handful of processes (the main program and a pool of 4)")
                    .actual("it started more processes or threads at once than the grader allows and was stopped")
                    .hint("do not create processes, pools or threads inside a loop or inside a task").fail();
        }
        return run;
    }

    /**
     * What the harness recorded for {@code key}: the value a call returned.
     *
     * @throws org.opentest4j.AssertionFailedError if the call threw, or the run ended before it answered
     */
    public static Object probeValue(StepEvidence evidence, RunResult run, String key, String what) {
        ended(evidence, run, what);
        Step step = evidence.step();
        if (!(run.probe().get(key) instanceof Map<?, ?> outcome)) {
            throw Feedback.on(step).checked(what).expected("the call returns normally")
                    .actual("the program ended (exit code " + run.exitCode() + ") before the grader's call of " + key
                            + " finished" + lastLines(run.ranOutOfMemory() ? run.stdout() + run.stderr() : run.stderr(),
                            "Its output ends with"))
                    .hint(run.ranOutOfMemory()
                            ? "it ran out of memory (each JVM gets 128 MB): do not fill lists or arrays without end"
                            : "is there a System.exit or an uncaught error?").fail();
        }
        if (outcome.containsKey("error")) {
            String at = outcome.get("at") instanceof String s ? s : null;
            Feedback feedback = Feedback.on(step).checked(what).expected("the call returns normally")
                    .actual(key + " threw " + outcome.get("error") + (at == null ? "" : " at " + at));
            if (at != null && at.contains(":")) {
                String file = at.substring(0, at.indexOf(':'));
                feedback.at(new SourceLocation(evidence.sourcePath().replace(evidence.step().fileName(), file), parseLine(at)));
            }
            if (String.valueOf(outcome.get("error")).contains("not implemented yet")) {
                feedback.hint("this is still the stub: replace its body with your code");
            }
            throw feedback.fail();
        }
        return outcome.get("value");
    }

    /** Lines of {@code text} shown in a message, numbered, at most a dozen. */
    public static String show(List<String> lines) {
        if (lines.isEmpty()) {
            return "nothing";
        }
        String shown = lines.stream().limit(SHOWN_LINES).map(line -> "  | " + abbreviate(line))
                .collect(Collectors.joining("\n"));
        int left = lines.size() - SHOWN_LINES;
        return lines.size() + " line" + (lines.size() == 1 ? "" : "s") + ":\n" + shown
                + (left > 0 ? "\n  | [... " + left + " more line" + (left == 1 ? "" : "s") + " after line " + SHOWN_LINES
                + " left out of this message ...]" : "");
    }

    /**
     * Requires that {@code main} returned normally, did the step's lesson, and printed exactly
     * {@code expected}.
     *
     * @param lesson the step's lesson on this run; the output earns its points only with it
     * @throws org.opentest4j.AssertionFailedError naming the lesson's problem, or showing the first difference
     */
    public static void requireOutput(StepEvidence evidence, RunResult run, List<String> expected, String what,
                                     Supplier<Finding> lesson) {
        requireReturnedWithLesson(evidence, run, show(expected), what, lesson);
        List<String> actual = run.stdoutLines();
        if (actual.equals(expected)) {
            return;
        }
        throw Feedback.on(evidence.step()).checked(what).expected(show(expected))
                .actual("it printed " + show(actual)).hint(firstDifference(expected, actual)).fail();
    }

    /**
     * Requires that {@code main} returned normally, is more than the stub, and did the step's lesson: the
     * checks an output test makes before it compares the output itself.
     *
     * @param expected what the output test expects, for the message
     */
    public static void requireReturnedWithLesson(StepEvidence evidence, RunResult run, String expected, String what,
                                                 Supplier<Finding> lesson) {
        probeValue(evidence, run, "main", what);
        requireNotStub(evidence, run, what);
        Finding finding = lesson.get();
        if (!finding.ok()) {
            throw Feedback.on(evidence.step()).checked(what)
                    .expected(expected + "\nThese points come with the lesson of the step, which the run did not show.")
                    .actual(finding.problem()).hint(finding.fix()).fail();
        }
    }

    /**
     * Requires that {@code run} did the step's lesson. An untouched stub is named as such, not diagnosed
     * as a program that skipped the lesson.
     *
     * @param expected what the lesson looks like when done, for the message
     */
    public static void requireLesson(StepEvidence evidence, RunResult run, String what, String expected,
                                     Finding finding) {
        requireNotStub(evidence, run, what);
        if (!finding.ok()) {
            throw Feedback.on(evidence.step()).checked(what).expected(expected).actual(finding.problem())
                    .hint(finding.fix()).fail();
        }
    }

    private static void requireNotStub(StepEvidence evidence, RunResult run, String what) {
        List<String> actual = run.stdoutLines();
        if (String.join("\n", actual).contains("not implemented yet")) {
            throw Feedback.on(evidence.step()).checked(what).expected("a program of your own")
                    .actual("main is still the stub: it printed " + show(actual))
                    .hint("this is still the stub: replace main's body with your program").fail();
        }
    }

    /**
     * Requires working lesson code that takes none of the forbidden shortcuts: no violation of the rules,
     * a {@code main} that ended by itself and returned, and the step's whole lesson in its run. The points
     * of this test never come with code that merely stopped printing the stub's line.
     *
     * @param lesson the step's whole lesson on the main run
     * @throws org.opentest4j.AssertionFailedError naming each violation and its line, or what is missing
     */
    public static void requireNoShortcuts(StepEvidence evidence, Supplier<Finding> lesson) {
        List<Violation> violations = evidence.violations();
        if (violations.isEmpty()) {
            requireWorkingLesson(evidence, lesson);
            return;
        }
        Violation first = violations.get(0);
        String listed = violations.stream().limit(8).map(v -> "  " + v.rule() + ": " + v.message())
                .collect(Collectors.joining("\n"));
        throw Feedback.on(evidence.step()).checked("the code uses only what this lab is about")
                .expected("work goes through multiprocessing's Pool, Process and Queue; no threads, executors,"
                        + " parallel streams, reflection, files, network, System.exit or System.getProperty")
                .actual(violations.size() + " forbidden use" + (violations.size() == 1 ? "" : "s") + ":\n" + listed
                        + (violations.size() > 8 ? "\n  ..." : ""))
                .at(evidence.locate(first))
                .fail();
    }

    /** ". Its error output ends with: ..." for a message, or "" when the run wrote no error output. */
    public static String stderrTail(RunResult run) {
        return lastLines(run.stderr(), "Its error output ends with");
    }

    /**
     * Requires that the step's code works the way the lesson teaches, so that "no forbidden shortcuts" is
     * never a free gift: main is more than the stub, ended by itself and returned, and its run shows the
     * whole lesson.
     */
    private static void requireWorkingLesson(StepEvidence evidence, Supplier<Finding> lesson) {
        String what = "the code uses only what this lab is about";
        String expected = "working code of your own that does the step's lesson: these points come with it";
        RunResult run = evidence.main();
        if (run.stdoutLines().stream().anyMatch(line -> line.contains("not implemented yet"))) {
            throw Feedback.on(evidence.step()).checked(what).expected(expected)
                    .actual("main still is the stub: it printed " + show(run.stdoutLines()))
                    .hint("write the step first; this check then makes sure it takes no shortcut").fail();
        }
        if (!run.endedNormally() || !(run.probe().get("main") instanceof Map<?, ?> outcome) || outcome.containsKey("error")) {
            throw Feedback.on(evidence.step()).checked(what).expected(expected)
                    .actual("main did not run to its end: " + (run.timedOut() ? "the grader stopped it at the time limit"
                            : run.outputCapped() ? "it printed more than the output limit"
                            : run.processCapHit() ? "it started too many processes or threads"
                            : "it ended with an exception or System.exit (exit code " + run.exitCode() + ")"))
                    .hint("the test of main's output says what went wrong; fix that first").fail();
        }
        Finding finding = lesson.get();
        if (!finding.ok()) {
            throw Feedback.on(evidence.step()).checked(what).expected(expected).actual(finding.problem())
                    .hint(finding.fix()).fail();
        }
    }

    /**
     * ". Still running when it was stopped: the consumer process (pid 12), 3 tasks of SlowSquare::slowSquare"
     * for a timeout message, from the run's trace; "" when the trace names nothing.
     */
    static String stillRunning(Timeline timeline, long mainPid) {
        List<String> running = new ArrayList<>();
        for (Timeline.Lifetime process : timeline.lifetimes()) {
            if (!process.exited() && process.parent() == mainPid) {
                running.add("the " + process.lane() + " process (pid " + process.pid() + "), which had not ended");
            }
        }
        long pending = timeline.jobs().stream().filter(job -> job.owner() == mainPid && !job.done()).count();
        if (pending > 0) {
            String function = timeline.jobs().stream().filter(job -> job.owner() == mainPid && !job.done())
                    .map(Timeline.Job::function).findFirst().orElse("");
            running.add(pending + " unfinished " + (pending == 1 ? "call" : "calls") + " of "
                    + RunChecks.reference(function) + " on the pool");
        }
        return running.isEmpty() ? "" : ". Still running when it was stopped: " + String.join(", ", running);
    }

    private static String firstDifference(List<String> expected, List<String> actual) {
        for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
            if (i >= actual.size()) {
                return "line " + (i + 1) + " is missing: " + expected.get(i);
            }
            if (i >= expected.size()) {
                return "line " + (i + 1) + " should not be there: " + abbreviate(actual.get(i));
            }
            if (!expected.get(i).equals(actual.get(i))) {
                return "line " + (i + 1) + " differs: expected \"" + expected.get(i) + "\" but it was \""
                        + abbreviate(actual.get(i)) + "\"" + (expected.get(i).strip().equals(actual.get(i).strip())
                        ? " (look at the spaces)" : "");
            }
        }
        return "";
    }

    /** Which stream overflowed, how it began, and how much of it was cut. */
    private static String floodedStream(RunResult run) {
        boolean stderr = run.stderr().contains(BoundedCapture.CUT_NOTE) && !run.stdout().contains(BoundedCapture.CUT_NOTE);
        String text = stderr ? run.stderr() : run.stdout();
        List<String> lines = List.of(text.split("\n"));
        String cut = lines.stream().filter(l -> l.startsWith(BoundedCapture.CUT_NOTE)).findFirst().orElse("");
        List<String> first = lines.stream().filter(l -> !l.startsWith(BoundedCapture.CUT_NOTE)).limit(6).toList();
        long keptLines = lines.size() - (cut.isEmpty() ? 0 : 1);
        return " (on standard " + (stderr ? "error" : "output") + "). It began with:\n"
                + first.stream().map(l -> "  | " + abbreviate(l)).collect(Collectors.joining("\n"))
                + (keptLines > first.size() ? "\n  | [... " + (keptLines - first.size()) + " more lines kept by the"
                + " grader are left out of this message ...]" : "")
                + (cut.isEmpty() ? "" : "\n  | " + cut);
    }

    private static String lastLines(String text, String lead) {
        if (text.isBlank()) {
            return "";
        }
        List<String> lines = List.of(text.split("\n"));
        List<String> tail = lines.subList(Math.max(0, lines.size() - 6), lines.size());
        String before = lines.size() > tail.size() ? "  | [... the first " + (lines.size() - tail.size()) + " line"
                + (lines.size() - tail.size() == 1 ? " is" : "s are") + " left out of this message ...]\n" : "";
        return ". " + lead + ":\n" + before + tail.stream().map(l -> "  | " + abbreviate(l)).collect(Collectors.joining("\n"));
    }

    private static String abbreviate(String line) {
        return line.length() > 160 ? line.substring(0, 157) + "..." : line;
    }

    private static int parseLine(String at) {
        try {
            return Integer.parseInt(at.substring(at.lastIndexOf(':') + 1));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
