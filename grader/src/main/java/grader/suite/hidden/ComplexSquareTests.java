package grader.suite.hidden;

import grader.sandbox.RunResult;
import grader.suite.Checks;
import grader.suite.Feedback;
import grader.suite.GradedStep;
import grader.suite.GradingSession;
import grader.suite.Points;
import grader.suite.Step;
import grader.suite.StepEvidence;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import multiprocessing.tools.RunChecks.Finding;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Step 2, {@code complex_square}: a million squares in {@code long}, on a pool closed by try-with-resources.
 *
 * <p>The lesson is a pool that does the million squares and is closed when the work is done. Only
 * {@code square(x)} earns points without a pool; {@code squares(n)}'s results count when a pool
 * computed them and main's output came from the same work.
 */
@GradedStep(Step.COMPLEX_SQUARE)
@DisplayName("Step 2: complex_square")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ComplexSquareTests {
    private static final int MILLION = 1_000_000;
    private static final String FIRST_TEN = "[0, 1, 4, 9, 16, 25, 36, 49, 64, 81]";
    private static final String FUNCTION = "lab.ComplexSquare.square";

    private final StepEvidence evidence = GradingSession.evidence(Step.COMPLEX_SQUARE);

    @Test
    @Order(1)
    @Points(5)
    @DisplayName("square(x) is exact beyond 46340, where int overflows")
    void squareIsComputedInLong() {
        RunResult run = evidence.probe("complex");
        for (int x : new int[] {0, 46340, 46341, -46341, Integer.MAX_VALUE}) {
            String call = "square(" + x + ")";
            Object value = Checks.probeValue(evidence, run, call, "what " + call + " returns");
            long expected = (long) x * x;
            if (!(value instanceof Number n) || n.longValue() != expected) {
                Feedback feedback = Feedback.on(Step.COMPLEX_SQUARE).checked("what " + call + " returns")
                        .expected(String.valueOf(expected)).actual(String.valueOf(value));
                if (value instanceof Number n && n.longValue() == (long) (x * x)) {
                    feedback.hint("x * x on two ints overflows before it becomes a long; widen first: (long) x * x."
                            + " The guide's \"Why long?\" explains it");
                }
                throw feedback.fail();
            }
        }
    }

    @Test
    @Order(2)
    @Points(5)
    @DisplayName("squares(n) returns the squares of 0..n-1 in order, a million of them too, computed by a pool")
    void squaresReturnsEverySquareInOrder() {
        RunResult run = evidence.probe("complex");
        Object ten = Checks.probeValue(evidence, run, "squares(10)", "what squares(10) returns");
        List<Long> expectedTen = LongStream.range(0, 10).map(x -> x * x).boxed().toList();
        if (!(ten instanceof List<?> list) || !list.stream().map(o -> o instanceof Number n ? n.longValue() : o)
                .toList().equals(expectedTen)) {
            throw Feedback.on(Step.COMPLEX_SQUARE).checked("what squares(10) returns").expected(expectedTen.toString())
                    .actual(String.valueOf(ten)).fail();
        }
        Object million = Checks.probeValue(evidence, run, "squares(1000000)", "what squares(1000000) returns");
        Map<?, ?> summary = (Map<?, ?>) million;
        long last = (long) (MILLION - 1) * (MILLION - 1);
        long sum = LongStream.range(0, MILLION).map(x -> x * x).sum();
        String what = "what squares(1000000) returns";
        requireField(summary, "size", MILLION, what, "a list of 1000000 squares");
        requireField(summary, "not_long", 0, what, "every element is a Long");
        requireField(summary, "last", last, what, "the last element is 999999 * 999999 = " + last);
        requireField(summary, "sum", sum, what, "the right squares in every position (checksum " + sum + ")");
        String where = "where squares(n) and main computed the squares";
        Checks.requireLesson(evidence, evidence.main(), where, "squares(n) maps ComplexSquare::square over range(n) on a Pool of 4,"
                + " and main prints what squares(1_000_000) returned", run.checks().calling("squares(n)")
                .poolDidTheWork(FUNCTION, "map", MILLION + 10, 4).and(() -> mainWork(evidence.main())));
    }

    private static void requireField(Map<?, ?> summary, String field, long expected, String what, String description) {
        Object actual = summary.get(field);
        if (!(actual instanceof Number n) || n.longValue() != expected) {
            throw Feedback.on(Step.COMPLEX_SQUARE).checked(what).expected(description)
                    .actual(field + " was " + actual).fail();
        }
    }

    @Test
    @Order(3)
    @Points(5)
    @DisplayName("main prints the first ten of a million squares, computed by the pool")
    void mainPrintsTheFirstTen() {
        String what = "the output of ComplexSquare.main";
        RunResult run = Checks.ended(evidence, evidence.main(), what);
        Checks.requireOutput(evidence, run, List.of(FIRST_TEN), what, () -> mainWork(run));
    }

    @Test
    @Order(4)
    @Points(5)
    @DisplayName("a pool of 4 worker processes squares the million numbers and is closed afterwards")
    void workRunsInAClosedPool() {
        String what = "where ComplexSquare.main's work ran";
        RunResult run = Checks.ended(evidence, evidence.main(), what);
        Checks.requireLesson(evidence, run, what, "a Pool of 4 worker processes squares the million numbers, and the pool"
                + " is closed when the work is done: try (Pool pool = new Pool(4)) { ... }", mainLesson(run));
    }

    @Test
    @Order(5)
    @Points(5)
    @DisplayName("your own working code, with no forbidden shortcuts: threads, executors, parallel streams, reflection, files, System.exit")
    void noForbiddenShortcuts() {
        Checks.requireNoShortcuts(evidence, () -> mainLesson(evidence.main())
                .and(() -> evidence.probe("complex").checks().calling("squares(n)")
                        .poolDidTheWork(FUNCTION, "map", MILLION + 10, 4)));
    }

    private static Finding mainWork(RunResult run) {
        return run.checks().poolDidTheWork(FUNCTION, "map", MILLION, 4);
    }

    private static Finding mainLesson(RunResult run) {
        return mainWork(run).and(() -> run.checks().poolClosed());
    }
}
