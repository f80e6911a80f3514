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
    /** Ten one-second tasks on four workers take 3 s plus start-up; one at a time they take 10 s or more. */
    private static final double PARALLEL_LIMIT_SECONDS = 9.0;
    private static final String LAST_LINE = "All tasks completed.";

    /** What SlowSquare.main printed and how long it took, recorded once for the tests that look at it. */
    private record MainRun(List<String> lines, double seconds) {
    }

    private static MainRun mainRun;

    private static synchronized MainRun mainRun() {
        if (mainRun == null) {
            long start = System.nanoTime();
            String output = TestSupport.printed(STEP, "SlowSquare.main", Duration.ofSeconds(60),
                    "Does it await() each result once, after all ten applyAsync calls?",
                    () -> SlowSquare.main(new String[0]));
            mainRun = new MainRun(TestSupport.lines(output), (System.nanoTime() - start) / 1e9);
        }
        return mainRun;
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
        List<String> lines = mainRun().lines();
        assertEquals(LAST_LINE, lines.isEmpty() ? "(nothing)" : lines.get(lines.size() - 1),
                STEP.says("The last line SlowSquare.main prints should be \"" + LAST_LINE + "\", printed after"
                        + " every result was awaited. Everything it printed: " + lines));
    }

    @Test
    @DisplayName("main prints each of the ten squares once")
    void mainPrintsTheSquares() {
        List<String> lines = mainRun().lines();
        List<String> squares = lines.stream().filter(line -> !line.equals(LAST_LINE)).sorted().toList();
        List<String> expected = List.of("0", "1", "4", "9", "16", "25", "36", "49", "64", "81").stream().sorted().toList();
        assertEquals(expected, squares, STEP.says("SlowSquare.main should make the callback print each square of"
                + " 0 to 9 exactly once, in any order (shown sorted here)."));
    }

    @Test
    @DisplayName("main runs the tasks in parallel: well under 10 s")
    void mainRunsInParallel() {
        double seconds = mainRun().seconds();
        assertTrue(seconds < PARALLEL_LIMIT_SECONDS, STEP.says(String.format(
                "SlowSquare.main took %.1f s. With 4 workers the ten one-second tasks need about 3 s; 10 s or more"
                        + " means they ran one at a time, for example because get() or await() was called right"
                        + " after each applyAsync (see \"Why 3 seconds, not 10\").", seconds)));
    }
}
