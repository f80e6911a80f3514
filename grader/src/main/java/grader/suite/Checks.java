package grader.suite;

import grader.report.SourceLocation;
import grader.rules.Violation;
import grader.sandbox.RunResult;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The checks the hidden tests share: a run ended within its limits, a call returned, the output is
 * exactly right, the code takes no forbidden shortcut. Each failure explains itself (see {@link Feedback}).
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
        Step step = evidence.step();
        if (run.timedOut()) {
            throw Feedback.on(step).checked(what)
                    .expected("it finishes within " + run.limitSeconds() + " s (a correct solution needs a few)")
                    .actual("it was still running and the grader stopped it" + lastLines(run.stdout(), "It printed"))
                    .hint("look for an infinite loop in a task, a consumer that never gets its null sentinel, or a"
                            + " get() on a queue nobody fills")
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
                feedback.at(new SourceLocation(evidence.sourcePath().replace(evidence.step().sourceFile()
                        .substring("lab/".length()), file), parseLine(at)));
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
        return lines.size() + " line" + (lines.size() == 1 ? "" : "s") + ":\n" + shown
                + (lines.size() > SHOWN_LINES ? "\n  | ... (" + (lines.size() - SHOWN_LINES) + " more)" : "");
    }

    /**
     * Requires that {@code main} returned normally and printed exactly {@code expected}.
     *
     * @throws org.opentest4j.AssertionFailedError showing the first difference
     */
    public static void requireOutput(StepEvidence evidence, RunResult run, List<String> expected, String what) {
        probeValue(evidence, run, "main", what);
        List<String> actual = run.stdoutLines();
        if (actual.equals(expected)) {
            return;
        }
        Feedback feedback = Feedback.on(evidence.step()).checked(what).expected(show(expected))
                .actual("it printed " + show(actual));
        if (String.join("\n", actual).contains("not implemented yet")) {
            feedback.hint("this is still the stub: replace main's body with your program");
        } else {
            feedback.hint(firstDifference(expected, actual));
        }
        throw feedback.fail();
    }

    /**
     * Requires that the step's code takes none of the forbidden shortcuts.
     *
     * @throws org.opentest4j.AssertionFailedError naming each violation and its line
     */
    public static void requireNoShortcuts(StepEvidence evidence) {
        List<Violation> violations = evidence.violations();
        if (violations.isEmpty()) {
            requireAttempted(evidence);
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
     * Requires that the step is more than the untouched stub, so that "no forbidden shortcuts" is
     * never a free gift: main no longer prints the stub's "not implemented yet" line.
     */
    private static void requireAttempted(StepEvidence evidence) {
        RunResult run = evidence.main();
        if (run.stdoutLines().stream().anyMatch(line -> line.contains("not implemented yet"))) {
            throw Feedback.on(evidence.step()).checked("the code uses only what this lab is about")
                    .expected("a program of your own: these points come with working code")
                    .actual("main still is the stub: it printed " + show(run.stdoutLines()))
                    .hint("write the step first; this check then makes sure it takes no shortcut").fail();
        }
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

    /** Which stream overflowed, and how it began. */
    private static String floodedStream(RunResult run) {
        boolean stderr = run.stderr().endsWith(CUT_MARK) && !run.stdout().endsWith(CUT_MARK);
        String text = stderr ? run.stderr() : run.stdout();
        List<String> first = List.of(text.split("\n")).stream().limit(6).toList();
        return " (on standard " + (stderr ? "error" : "output") + "). It began with:\n"
                + first.stream().map(l -> "  | " + abbreviate(l)).collect(Collectors.joining("\n"));
    }

    private static final String CUT_MARK = "[... output cut here by the grader ...]\n";

    private static String lastLines(String text, String lead) {
        if (text.isBlank()) {
            return "";
        }
        List<String> lines = List.of(text.split("\n"));
        List<String> tail = lines.subList(Math.max(0, lines.size() - 6), lines.size());
        return ". " + lead + ":\n" + tail.stream().map(l -> "  | " + abbreviate(l)).collect(Collectors.joining("\n"));
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
