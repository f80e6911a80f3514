package grader.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Covers {@link ScoreSummary}: mean, median and the histogram's bins. */
@DisplayName("score summary")
class ScoreSummaryTest {

    @Nested
    @DisplayName("mean and median")
    class MeanAndMedian {
        @Test
        @DisplayName("the mean is the sum over the count")
        void mean() {
            assertEquals(80.0, ScoreSummary.of(List.of(100.0, 95.0, 45.0)).mean(), 1e-9);
        }

        @Test
        @DisplayName("the median of an odd count is the middle score")
        void medianOdd() {
            assertEquals(95.0, ScoreSummary.of(List.of(45.0, 100.0, 95.0)).median());
        }

        @Test
        @DisplayName("the median of an even count is the mean of the two middle scores")
        void medianEven() {
            assertEquals(90.0, ScoreSummary.of(List.of(100.0, 40.0, 95.0, 85.0)).median());
        }

        @Test
        @DisplayName("counts the scores")
        void graded() {
            assertEquals(4, ScoreSummary.of(List.of(100.0, 40.0, 95.0, 85.0)).graded());
        }

        @Test
        @DisplayName("no scores have no mean")
        void emptyMean() {
            assertNull(ScoreSummary.of(List.of()).mean());
        }

        @Test
        @DisplayName("no scores have no median")
        void emptyMedian() {
            assertNull(ScoreSummary.of(List.of()).median());
        }
    }

    @Nested
    @DisplayName("histogram")
    class Histogram {
        @Test
        @DisplayName("has ten 10-point bins, the last one holding 100")
        void bins() {
            assertEquals(List.of(2, 1, 0, 0, 0, 0, 0, 0, 1, 3),
                    ScoreSummary.of(List.of(0.0, 9.9, 10.0, 89.0, 90.0, 99.5, 100.0)).histogram());
        }

        @Test
        @DisplayName("of no scores is all zeros")
        void empty() {
            assertEquals(List.of(0, 0, 0, 0, 0, 0, 0, 0, 0, 0), ScoreSummary.of(List.of()).histogram());
        }
    }
}
