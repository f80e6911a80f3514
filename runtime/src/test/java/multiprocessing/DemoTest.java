package multiprocessing;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import multiprocessing.testing.CapturedOutput;
import multiprocessing.tools.Demo;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Covers the runtime's demo program ({@link Demo}, the jar's main class): it runs its whole tour. */
@DisplayName("The demo program")
class DemoTest {

    @Test
    @DisplayName("squares on a pool, naps in several workers, and passes items through a queue")
    void runsTheTour() {
        List<String> lines;
        try (CapturedOutput output = CapturedOutput.start()) {
            Demo.main(new String[0]);
            lines = output.stdoutLines();
        }
        assertAll(
                () -> assertTrue(lines.contains("squares of range(10): [0, 1, 4, 9, 16, 25, 36, 49, 64, 81]"),
                        "squares line missing: " + lines),
                () -> assertTrue(lines.stream().filter(l -> l.matches("  callback got \\d+")).count() == 4,
                        "four callbacks expected: " + lines),
                () -> assertTrue(lines.stream().filter(l -> l.matches("  consumer pid \\d+ got \\d")).count() == 3,
                        "three queue items expected: " + lines),
                () -> assertTrue(lines.stream()
                                .anyMatch(l -> l.matches("the consumer \\(pid \\d+\\) exited with code 0")),
                        "consumer exit line missing: " + lines));
    }
}
