package lab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import lab.TestSupport.Step;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Step 2: complex_square")
class Step2ComplexSquareTest {
    private static final Step STEP = Step.COMPLEX_SQUARE;
    private static final Duration QUICK = Duration.ofSeconds(5);
    private static final Duration POOL = Duration.ofSeconds(60);
    private static final String IF_SLOW = "A pool of 4 squares a million numbers in a few seconds; is the pool"
            + " opened in try-with-resources and used once?";

    private static final String SQUARE = "lab.ComplexSquare.square";

    /** squares(1_000_000), computed once for the tests that look at it. */
    private static List<Long> million;
    /** ComplexSquare.main, run once in a JVM of its own for the tests that look at it. */
    private static TracedMain main;

    private static synchronized List<Long> million() {
        if (million == null) {
            million = TestSupport.call(STEP, "ComplexSquare.squares(1_000_000)", POOL, IF_SLOW,
                    () -> ComplexSquare.squares(1_000_000));
        }
        return million;
    }

    private static synchronized TracedMain main() {
        if (main == null) {
            main = TracedMain.run(STEP, POOL, IF_SLOW);
        }
        return main;
    }

    @Test
    @DisplayName("square(3) returns 9")
    void squaresThree() {
        long result = TestSupport.call(STEP, "ComplexSquare.square(3)", QUICK, "", () -> ComplexSquare.square(3));
        assertEquals(9L, result, STEP.says("ComplexSquare.square(3) should return 3 * 3."));
    }

    @Test
    @DisplayName("square(46341) does not overflow")
    void squaresBeyondIntRange() {
        long result = TestSupport.call(STEP, "ComplexSquare.square(46341)", QUICK, "",
                () -> ComplexSquare.square(46341));
        assertEquals(2_147_488_281L, result, STEP.says("ComplexSquare.square(46341) should return 2147488281,"
                + " which is more than Integer.MAX_VALUE. A negative number means the multiplication was done in"
                + " int and overflowed: multiply as long (see \"Why long?\")."));
    }

    @Test
    @DisplayName("squares(10) returns the ten squares in order")
    void squaresTen() {
        List<Long> result = TestSupport.call(STEP, "ComplexSquare.squares(10)", POOL, IF_SLOW,
                () -> ComplexSquare.squares(10));
        assertEquals(List.of(0L, 1L, 4L, 9L, 16L, 25L, 36L, 49L, 64L, 81L), result,
                STEP.says("ComplexSquare.squares(10) should return the squares of 0 to 9, in order."));
    }

    @Test
    @DisplayName("squares(1_000_000) returns a million results")
    void squaresAMillion() {
        assertEquals(1_000_000, million().size(),
                STEP.says("ComplexSquare.squares(1_000_000) should return one square per number in range(1_000_000)."));
    }

    @Test
    @DisplayName("the last of squares(1_000_000) is 999999 * 999999")
    void lastOfAMillion() {
        List<Long> squares = million();
        assertEquals(999_999L * 999_999L, squares.get(squares.size() - 1),
                STEP.says("The last element of ComplexSquare.squares(1_000_000) should be 999998000001, the square"
                        + " of 999999: are the results in input order, and computed as long?"));
    }

    @Test
    @DisplayName("main prints the first ten squares")
    void mainPrintsTheFirstTen() {
        assertEquals(List.of("[0, 1, 4, 9, 16, 25, 36, 49, 64, 81]"), main().printedLines(),
                STEP.says("ComplexSquare.main should print exactly one line: the first ten elements of"
                        + " squares(1_000_000), as a list."));
    }

    @Test
    @DisplayName("main's work runs on a pool of 4 worker processes, closed when the work is done")
    void mainUsesAPoolOfFourAndClosesIt() {
        main().assertLesson("ComplexSquare.main should square the million numbers on a Pool of 4 worker processes,"
                + " and close the pool when they are done", checks -> checks.poolDidTheWork(SQUARE, "map", 1_000_000, 4)
                .and(checks::poolClosed));
    }
}
