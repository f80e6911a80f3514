package grader.suite.hidden;

import grader.sandbox.RunResult;
import grader.suite.Checks;
import grader.suite.Feedback;
import grader.suite.GradedStep;
import grader.suite.GradingSession;
import grader.suite.Points;
import grader.suite.PoolChecks;
import grader.suite.Step;
import grader.suite.StepEvidence;
import grader.trace.Trace;
import grader.trace.TraceEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Step 4, {@code slow_square}: ten one-second tasks with callbacks, four at a time. */
@GradedStep(Step.SLOW_SQUARE)
@DisplayName("Step 4: slow_square")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SlowSquareTests {
    private static final String LAST_LINE = "All tasks completed.";
    private static final String FUNCTION = "lab.SlowSquare.slowSquare";

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
    @DisplayName("main prints each of the ten squares once, then \"All tasks completed.\"")
    void mainPrintsEverySquareThenTheLastLine() {
        String what = "the output of SlowSquare.main";
        RunResult run = Checks.ended(evidence, evidence.main(), what);
        Checks.probeValue(evidence, run, "main", what);
        List<String> lines = run.stdoutLines();
        List<String> squares = IntStream.range(0, 10).mapToObj(x -> String.valueOf(x * x)).toList();
        boolean lastRight = !lines.isEmpty() && lines.get(lines.size() - 1).equals(LAST_LINE);
        List<String> before = lastRight ? lines.subList(0, lines.size() - 1) : lines;
        List<String> sortedBefore = new ArrayList<>(before);
        sortedBefore.sort(java.util.Comparator.comparingLong(SlowSquareTests::numberOrMax));
        if (!lastRight || !sortedBefore.equals(squares)) {
            throw Feedback.on(Step.SLOW_SQUARE).checked(what)
                    .expected("11 lines: 0, 1, 4, ..., 81 in any order (the order the tasks finish), then " + LAST_LINE)
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
    @DisplayName("the callbacks run in the main process, one per task")
    void callbacksRunInTheMainProcess() {
        String what = "where SlowSquare.main's callbacks ran";
        RunResult run = Checks.ended(evidence, evidence.main(), what);
        List<TraceEvent> callbacks = run.trace().ofKind("callback").stream()
                .filter(e -> e.text("function").equals(FUNCTION)).toList();
        long inMain = callbacks.stream().filter(e -> e.pid() == run.mainPid()).count();
        if (callbacks.size() != 10 || inMain != 10) {
            throw Feedback.on(Step.SLOW_SQUARE).checked(what)
                    .expected("ten callbacks, one per applyAsync(SlowSquare::slowSquare, x, SlowSquare::callback),"
                            + " run by the pool in the main process")
                    .actual(callbacks.isEmpty() ? "no callback ran: pass SlowSquare::callback as applyAsync's third argument"
                            : callbacks.size() + " callbacks ran, " + inMain + " of them in the main process").fail();
        }
    }

    @Test
    @Order(4)
    @Points(6)
    @DisplayName("the ten tasks overlap, four at a time, on a pool of 4 worker processes")
    void tasksOverlapFourAtATime() {
        String what = "how SlowSquare.main's tasks were scheduled";
        RunResult run = Checks.ended(evidence, evidence.main(), what);
        PoolChecks.requireWorkInPool(evidence, run, FUNCTION, 10, what);
        Trace trace = run.trace();
        int atOnce = trace.maxConcurrentTasks();
        double span = trace.taskSpanMicros() / 1e6;
        if (atOnce < 4 || span > 6.0) {
            throw Feedback.on(Step.SLOW_SQUARE).checked(what)
                    .expected("4 tasks at a time: 3 rounds, about 3 s from the first task's start to the last one's end")
                    .actual(String.format("at most %d task%s ran at the same time; the tasks took %.1f s in all",
                            atOnce, atOnce == 1 ? "" : "s", span))
                    .hint(atOnce == 1 ? "calling get() or await() right after each applyAsync waits for that task"
                            + " before the next one starts: submit all ten first, then wait for each" : "")
                    .fail();
        }
    }

    @Test
    @Order(5)
    @Points(6)
    @DisplayName("your own working code, with no forbidden shortcuts: threads, executors, reflection, files, System.exit")
    void noForbiddenShortcuts() {
        Checks.requireNoShortcuts(evidence);
    }
}
