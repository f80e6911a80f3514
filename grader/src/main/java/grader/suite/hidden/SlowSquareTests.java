package grader.suite.hidden;

import grader.sandbox.RunResult;
import grader.suite.Checks;
import grader.suite.Feedback;
import grader.suite.GradedStep;
import grader.suite.GradingSession;
import grader.suite.Points;
import grader.suite.Step;
import grader.suite.StepEvidence;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import multiprocessing.tools.RunChecks;
import multiprocessing.tools.RunChecks.Finding;
import multiprocessing.tools.Timeline;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Step 4, {@code slow_square}: ten one-second tasks with callbacks, four at a time.
 *
 * <p>The lesson is {@code applyAsync} with a callback: submit all ten at once, let the pool call the
 * callback in main as each result arrives, and wait for every result before saying so. Only
 * {@code slowSquare} and {@code callback} themselves earn points without it.
 */
@GradedStep(Step.SLOW_SQUARE)
@DisplayName("Step 4: slow_square")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SlowSquareTests {
    private static final String LAST_LINE = "All tasks completed.";
    private static final String FUNCTION = "lab.SlowSquare.slowSquare";
    private static final String CALLBACK = "lab.SlowSquare.callback";
    /** Ten one-second tasks, four at a time, take 3 s; one at a time 10 s. Generous for a loaded machine. */
    private static final double MAX_SPAN_SECONDS = 6.0;

    private final StepEvidence evidence = GradingSession.evidence(Step.SLOW_SQUARE);

    @Test
    @Order(1)
    @Points(6)
    @DisplayName("slowSquare(x) takes about a second and returns x squared; callback prints its argument")
    void slowSquareAndCallback() {
        RunResult run = evidence.probe("slow");
        Map<?, ?> outcome = (Map<?, ?>) Checks.probeValue(evidence, run, "slowSquare(5)", "what slowSquare(5) does");
        Object value = outcome.get("value");
        long millis = ((Number) outcome.get("millis")).longValue();
        if (!(value instanceof Number n) || n.longValue() != 25) {
            throw Feedback.on(Step.SLOW_SQUARE).checked("what slowSquare(5) returns").expected("25")
                    .actual(String.valueOf(value)).fail();
        }
        if (millis < 900) {
            throw Feedback.on(Step.SLOW_SQUARE).checked("how long slowSquare(5) takes")
                    .expected("about one second: Thread.sleep(1000) before returning")
                    .actual("it returned after " + millis + " ms").fail();
        }
        Checks.probeValue(evidence, run, "callback(49)", "what callback(49) does");
        List<String> lines = run.stdoutLines();
        int start = lines.indexOf("--- the grader calls callback(49) ---");
        List<String> printed = start < 0 ? lines : lines.subList(start + 1, Math.min(lines.size(), start + 3));
        if (printed.isEmpty() || !printed.get(0).equals("49")) {
            throw Feedback.on(Step.SLOW_SQUARE).checked("what callback(49) prints").expected("the line 49")
                    .actual("it printed " + Checks.show(printed.stream().filter(l -> !l.startsWith("---")).toList()))
                    .fail();
        }
    }

    @Test
    @Order(2)
    @Points(6)
    @DisplayName("main prints each of the ten squares once, from the callbacks, then \"All tasks completed.\"")
    void mainPrintsEverySquareThenTheLastLine() {
        String what = "the output of SlowSquare.main";
        RunResult run = Checks.ended(evidence, evidence.main(), what);
        String expected = "11 lines: 0, 1, 4, ..., 81 in any order (the order the tasks finish), printed by the callbacks,"
                + " then " + LAST_LINE;
        Checks.requireReturnedWithLesson(evidence, run, expected, what, () -> run.checks()
                .poolDidTheWork(FUNCTION, "applyAsync", 10, 4)
                .and(() -> run.checks().callbacksInMain(FUNCTION, CALLBACK, 10))
                .and(() -> run.checks().waitedForResults(FUNCTION)));
        List<String> lines = run.stdoutLines();
        List<String> squares = IntStream.range(0, 10).mapToObj(x -> String.valueOf(x * x)).toList();
        boolean lastRight = !lines.isEmpty() && lines.get(lines.size() - 1).equals(LAST_LINE);
        List<String> before = new ArrayList<>(lastRight ? lines.subList(0, lines.size() - 1) : lines);
        before.sort(Comparator.comparingLong(SlowSquareTests::numberOrMax));
        if (!lastRight || !before.equals(squares)) {
            throw Feedback.on(Step.SLOW_SQUARE).checked(what).expected(expected)
                    .actual("it printed " + Checks.show(lines))
                    .hint(!lastRight ? "print \"" + LAST_LINE + "\" after waiting for every result with await()"
                            : "each result must be printed by the callback exactly once").fail();
        }
    }

    private static long numberOrMax(String line) {
        try {
            return Long.parseLong(line.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    @Test
    @Order(3)
    @Points(6)
    @DisplayName("the pool calls callback in the main process, once per task")
    void callbacksRunInTheMainProcess() {
        String what = "where SlowSquare.main's callbacks ran";
        RunResult run = Checks.ended(evidence, evidence.main(), what);
        Checks.requireLesson(evidence, run, what, "ten callbacks, one per applyAsync(SlowSquare::slowSquare, x,"
                + " SlowSquare::callback), run by the pool in the main process", run.checks()
                .callbacksInMain(FUNCTION, CALLBACK, 10));
    }

    @Test
    @Order(4)
    @Points(6)
    @DisplayName("the ten tasks overlap, four at a time, on a pool of 4 worker processes")
    void tasksOverlapFourAtATime() {
        String what = "how SlowSquare.main's tasks were scheduled";
        RunResult run = Checks.ended(evidence, evidence.main(), what);
        Checks.requireLesson(evidence, run, what, "4 tasks at a time on a Pool of 4: 3 rounds, about 3 s from the first"
                + " task's start to the last one's end", overlap(run));
    }

    @Test
    @Order(5)
    @Points(6)
    @DisplayName("your own working code, with no forbidden shortcuts: threads, executors, reflection, files, System.exit")
    void noForbiddenShortcuts() {
        Checks.requireNoShortcuts(evidence, () -> {
            RunResult run = evidence.main();
            RunChecks checks = run.checks();
            return overlap(run).and(() -> checks.callbacksInMain(FUNCTION, CALLBACK, 10))
                    .and(() -> checks.waitedForResults(FUNCTION));
        });
    }

    /** A pool of 4 ran the ten tasks, handed over at once, four at a time, within a few seconds. */
    private static Finding overlap(RunResult run) {
        RunChecks checks = run.checks();
        return checks.poolDidTheWork(FUNCTION, "applyAsync", 10, 4)
                .and(() -> checks.overlapped(FUNCTION, "applyAsync", 4))
                .and(() -> span(run.timeline()));
    }

    /**
     * The one timed check, from the trace's own task times, not a stopwatch: the ten tasks took at most
     * {@value #MAX_SPAN_SECONDS} s from the first start to the last end, where a correct run needs 3.
     */
    private static Finding span(Timeline timeline) {
        List<Timeline.Bar> tasks = timeline.tasks().stream().filter(bar -> bar.function().equals(FUNCTION)).toList();
        long first = tasks.stream().mapToLong(Timeline.Bar::startUs).min().orElse(0);
        long last = tasks.stream().mapToLong(Timeline.Bar::endUs).max().orElse(0);
        double seconds = (last - first) / 1e6;
        return seconds <= MAX_SPAN_SECONDS ? Finding.passed()
                : Finding.failed(String.format("the ten tasks took %.1f s from the first start to the last end", seconds),
                "submit all ten with applyAsync before waiting for any of them, on a Pool of 4");
    }
}
