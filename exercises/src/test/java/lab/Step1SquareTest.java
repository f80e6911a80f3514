package lab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import lab.TestSupport.Step;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Step 1: square")
class Step1SquareTest {
    private static final Step STEP = Step.SQUARE;
    private static final Duration QUICK = Duration.ofSeconds(5);

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
        String output = TestSupport.printed(STEP, "Square.main", Duration.ofSeconds(60),
                "Does it use pool.map (which waits for the results) and print once?", () -> Square.main(new String[0]));
        assertEquals("[0, 1, 4, 9, 16, 25, 36, 49, 64, 81]\n", output,
                STEP.says("Square.main should print exactly one line: the list that pool.map returns."));
    }
}
