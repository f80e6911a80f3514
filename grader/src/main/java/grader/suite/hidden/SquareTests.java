package grader.suite.hidden;

import grader.sandbox.RunResult;
import grader.suite.Checks;
import grader.suite.Feedback;
import grader.suite.GradedStep;
import grader.suite.GradingSession;
import grader.suite.Points;
import grader.suite.Step;
import grader.suite.StepEvidence;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import multiprocessing.tools.RunChecks.Finding;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Step 1, {@code square}: a function mapped over ten numbers on a pool of four processes.
 *
 * <p>The lesson is the pool: main creates a {@code Pool(4)} and hands the ten numbers to it in one go.
 * Only {@code square(x)} itself earns points without it; the output and the "own working code" test
 * come with the lesson.
 */
@GradedStep(Step.SQUARE)
@DisplayName("Step 1: square")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SquareTests {
    private static final String EXPECTED_LINE = "[0, 1, 4, 9, 16, 25, 36, 49, 64, 81]";
    private static final String FUNCTION = "lab.Square.square";

    private final StepEvidence evidence = GradingSession.evidence(Step.SQUARE);

    @Test
    @Order(1)
    @Points(5)
    @DisplayName("square(x) returns x squared")
    void squareReturnsTheSquare() {
        RunResult run = evidence.probe("square");
        Map<Integer, Long> expected = new LinkedHashMap<>();
        for (int x : new int[] {0, 1, 7, -3, 12}) {
            expected.put(x, (long) x * x);
        }
        for (Map.Entry<Integer, Long> entry : expected.entrySet()) {
            String call = "square(" + entry.getKey() + ")";
            Object value = Checks.probeValue(evidence, run, call, "what " + call + " returns");
            if (!(value instanceof Number n) || n.longValue() != entry.getValue()) {
                throw Feedback.on(Step.SQUARE).checked("what " + call + " returns").expected(String.valueOf(entry.getValue()))
                        .actual(String.valueOf(value)).fail();
            }
        }
    }

    @Test
    @Order(2)
    @Points(5)
    @DisplayName("main prints the ten squares as one list, computed by the pool")
    void mainPrintsTheSquares() {
        String what = "the output of Square.main";
        RunResult run = Checks.ended(evidence, evidence.main(), what);
        Checks.requireOutput(evidence, run, List.of(EXPECTED_LINE), what, () -> poolWork(run));
    }

    @Test
    @Order(3)
    @Points(5)
    @DisplayName("a pool of 4 worker processes squares the ten numbers, handed over at once")
    void workRunsInThePool() {
        String what = "where Square.main's work ran";
        RunResult run = Checks.ended(evidence, evidence.main(), what);
        Checks.requireLesson(evidence, run, what, "main creates a Pool of 4 worker processes and hands all ten numbers to"
                + " it in one call: pool.map(Square::square, range(10))", lesson(run));
    }

    @Test
    @Order(4)
    @Points(5)
    @DisplayName("your own working code, with no forbidden shortcuts: threads, executors, reflection, files, System.exit")
    void noForbiddenShortcuts() {
        Checks.requireNoShortcuts(evidence, () -> lesson(evidence.main()));
    }

    private static Finding poolWork(RunResult run) {
        return run.checks().poolDidTheWork(FUNCTION, "map", 10, 4);
    }

    private static Finding lesson(RunResult run) {
        return poolWork(run).and(() -> run.checks().handedOverAtOnce(FUNCTION, "map"));
    }
}
