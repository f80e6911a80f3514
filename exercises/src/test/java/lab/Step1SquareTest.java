package lab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import lab.TestSupport.Step;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Step 1: square")
class Step1SquareTest {
    private static final Step STEP = Step.SQUARE;
    private static final Duration QUICK = Duration.ofSeconds(5);
    /** A correct main takes a second or two; the grader allows 20 s. */
    private static final Duration MAIN_LIMIT = Duration.ofSeconds(30);
    private static final String IF_STOPPED = "A correct Square.main takes a second or two, mostly to start four"
            + " JVMs. Does it call pool.map once, and never wait (get, await, join) for something that does not end?";
    private static final String SQUARE = "lab.Square.square";

    /** Square.main, run once in a JVM of its own for the tests that look at it. */
    private static TracedMain main;

    private static synchronized TracedMain main() {
        if (main == null) {
            main = TracedMain.run(STEP, MAIN_LIMIT, IF_STOPPED);
        }
        return main;
    }

    @Test
    @DisplayName("square(7) returns 49")
    void squaresSeven() {
        int result = TestSupport.call(STEP, "Square.square(7)", QUICK, "", () -> Square.square(7));
        assertEquals(49, result, STEP.says("Square.square(7) should return 7 * 7."));
    }

    @Test
    @DisplayName("square(-4) returns 16")
    void squaresANegativeNumber() {
        int result = TestSupport.call(STEP, "Square.square(-4)", QUICK, "", () -> Square.square(-4));
        assertEquals(16, result, STEP.says("Square.square(-4) should return (-4) * (-4)."));
    }

    @Test
    @DisplayName("main prints [0, 1, 4, 9, 16, 25, 36, 49, 64, 81]")
    void mainPrintsTheSquares() {
        assertEquals(List.of("[0, 1, 4, 9, 16, 25, 36, 49, 64, 81]"), main().printedLines(),
                STEP.says("Square.main should print exactly one line: the list that pool.map returns."));
    }

    @Test
    @DisplayName("main's work runs on a pool of 4 worker processes")
    void mainUsesAPoolOfFour() {
        // map hands all ten numbers over in one call; ten calls that each wait run one number at a time.
        main().assertLesson("Square.main should hand the ten numbers to a Pool of 4 worker processes, in one map"
                + " call", checks -> checks.poolDidTheWork(SQUARE, "map", 10, 4)
                .and(() -> checks.handedOverAtOnce(SQUARE, "map")));
    }
}
