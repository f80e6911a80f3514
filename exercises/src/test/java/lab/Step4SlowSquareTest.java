package lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import lab.TestSupport.Step;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Step 4: slow_square")
class Step4SlowSquareTest {
    private static final Step STEP = Step.SLOW_SQUARE;
    private static final Duration QUICK = Duration.ofSeconds(10);
    /** A correct main takes about 4 s, one that runs the tasks one at a time about 11 s; the grader allows 25 s. */
    private static final Duration MAIN_LIMIT = Duration.ofSeconds(60);
    private static final String IF_STOPPED = "A correct SlowSquare.main takes about 4 seconds. Does it submit all ten"
            + " tasks with applyAsync, then await() each result once, and does slowSquare sleep one second only?";
    private static final String LAST_LINE = "All tasks completed.";
    private static final String SLOW_SQUARE = "lab.SlowSquare.slowSquare";
    private static final String CALLBACK = "lab.SlowSquare.callback";

    /** SlowSquare.main, run once in a JVM of its own for the tests that look at it. */
    private static TracedMain main;

    private static synchronized TracedMain main() {
        if (main == null) {
            main = TracedMain.run(STEP, MAIN_LIMIT, IF_STOPPED);
        }
        return main;
    }

    @Test
    @DisplayName("slowSquare(5) returns 25")
    void slowSquareOfFive() {
        int result = TestSupport.call(STEP, "SlowSquare.slowSquare(5)", QUICK, "It should sleep one second only.",
                () -> SlowSquare.slowSquare(5));
        assertEquals(25, result, STEP.says("SlowSquare.slowSquare(5) should return 5 * 5."));
    }

    @Test
    @DisplayName("slowSquare sleeps about one second")
    void slowSquareSleeps() {
        long start = System.nanoTime();
        TestSupport.call(STEP, "SlowSquare.slowSquare(2)", QUICK, "It should sleep one second only.",
                () -> SlowSquare.slowSquare(2));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis >= 900, STEP.says("SlowSquare.slowSquare(2) returned after " + millis + " ms; it should"
                + " sleep one second (Thread.sleep(1000)) before it returns."));
    }

    @Test
    @DisplayName("callback prints its argument")
    void callbackPrints() {
        String output = TestSupport.printed(STEP, "SlowSquare.callback(49)", QUICK, "It should only print.",
                () -> SlowSquare.callback(49));
        assertEquals("49\n", output, STEP.says("SlowSquare.callback(49) should print 49 on a line of its own."));
    }

    @Test
    @DisplayName("main ends with \"All tasks completed.\"")
    void mainEndsWithTheLastLine() {
        List<String> lines = main().printedLines();
        assertEquals(LAST_LINE, lines.isEmpty() ? "(nothing)" : lines.get(lines.size() - 1),
                STEP.says("The last line SlowSquare.main prints should be \"" + LAST_LINE + "\", printed after"
                        + " every result was awaited. Everything it printed: " + lines));
    }

    @Test
    @DisplayName("main prints each of the ten squares once")
    void mainPrintsTheSquares() {
        List<String> lines = main().printedLines();
        List<String> squares = lines.stream().filter(line -> !line.equals(LAST_LINE)).sorted().toList();
        List<String> expected = List.of("0", "1", "4", "9", "16", "25", "36", "49", "64", "81").stream().sorted().toList();
        assertEquals(expected, squares, STEP.says("SlowSquare.main should make the callback print each square of"
                + " 0 to 9 exactly once, in any order (shown sorted here)."));
    }

    @Test
    @DisplayName("main's work runs on a pool of 4 worker processes")
    void mainUsesAPoolOfFour() {
        main().assertLesson("SlowSquare.main should hand the ten numbers to a Pool of 4 worker processes, one"
                + " applyAsync each", checks -> checks.poolDidTheWork(SLOW_SQUARE, "applyAsync", 10, 4));
    }

    @Test
    @DisplayName("the tasks overlap, four at a time, and the callbacks run in main")
    void mainOverlapsTheTasks() {
        // Read from the trace, not from a stopwatch: which tasks ran at the same moment in the workers,
        // and whether main waited for each result before it submitted the next (see "Why 3 seconds, not 10").
        // A main that returned without waiting has no finished tasks to compare: that is its problem,
        // not "at most 0 tasks ran at the same time".
        main().assertLesson("SlowSquare.main should run the ten tasks four at a time, and the pool should call"
                + " callback in main for each result", checks -> checks.waitedForResults(SLOW_SQUARE)
                .and(() -> checks.overlapped(SLOW_SQUARE, "applyAsync", 4))
                .and(() -> checks.callbacksInMain(SLOW_SQUARE, CALLBACK, 10)));
    }

    @Test
    @DisplayName("main waits for every result before it returns")
    void mainWaitsForTheResults() {
        main().assertLesson("SlowSquare.main should await every result before it prints \"" + LAST_LINE + "\" and"
                + " returns", checks -> checks.waitedForResults(SLOW_SQUARE));
    }
}
