package grader.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the batch's progress line")
class ProgressTest {
    @Test
    @DisplayName("shows the bar, count and percentage")
    void barAndCount() {
        assertTrue(Progress.line(10, 40, 10, Duration.ofMinutes(5), "").startsWith("[######------------------] 10/40  25%"),
                Progress.line(10, 40, 10, Duration.ofMinutes(5), ""));
    }

    @Test
    @DisplayName("gives the rate and the time left from the repositories graded so far")
    void rateAndTimeLeft() {
        // 10 graded in 5 minutes: 2 per minute, 30 left: 15 minutes.
        String line = Progress.line(10, 40, 10, Duration.ofMinutes(5), "bob 87/100");
        assertTrue(line.endsWith("2.0/min  ~15m00s left  bob 87/100"), line);
    }

    @Test
    @DisplayName("does not count skipped repositories in the rate")
    void skippedDoNotCount() {
        String line = Progress.line(30, 40, 0, Duration.ofSeconds(1), "");
        assertFalse(line.contains("/min"), line);
    }

    @Test
    @DisplayName("writes durations the way people read them")
    void human() {
        assertEquals("45s 3m05s 1h02m", Progress.human(Duration.ofSeconds(45)) + " "
                + Progress.human(Duration.ofSeconds(185)) + " " + Progress.human(Duration.ofMinutes(62)));
    }
}
