package bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FiguresTest {
    @Test
    void medianOfOddAndEvenCountsSkippingMissingValues() {
        assertEquals(2.0, Stats.median(Arrays.asList(3.0, 1.0, 2.0)));
        assertEquals(2.5, Stats.median(Arrays.asList(4.0, 1.0, null, 2.0, 3.0)));
        assertNull(Stats.median(List.of()));
    }

    @Test
    void ratiosArePerPairAndSkipFailedPairs() {
        Series series = new Series(new Series.Pair(Runs.ok("j", 9, ""), Runs.ok("p", 1, "")), List.of(
                new Series.Pair(Runs.ok("j", 2, ""), Runs.ok("p", 1, "")),
                new Series.Pair(Runs.ok("j", 3, ""), Runs.ok("p", 1, "")),
                new Series.Pair(Runs.failed("j", 100), Runs.ok("p", 1, "")),
                new Series.Pair(Runs.ok("j", 8, ""), Runs.ok("p", 2, ""))));
        assertEquals(3.0, series.medianRatio(RunResult::wallSeconds));
        assertEquals(3.0, series.median(true, RunResult::wallSeconds));
        assertEquals(1, series.failures().size());
    }

    @Test
    void theWarmUpPairsFailuresAreReportedToo() {
        Series series = new Series(new Series.Pair(Runs.timedOut("j"), Runs.ok("p", 1, "")),
                List.of(new Series.Pair(Runs.ok("j", 2, ""), Runs.ok("p", 1, ""))));
        assertEquals(1, series.failures().size());
        assertTrue(series.failures().get(0).failure().contains("timed out"));
    }

    @Test
    void slowSquareOutputsMayArriveInAnyOrderButTheLastLine() {
        OutputRule rule = OutputRule.ANY_ORDER_THEN_LAST;
        assertEquals(rule.normalize(List.of("4", "0", "1", "done")), rule.normalize(List.of("0", "1", "4", "done")));
        assertFalse(rule.normalize(List.of("done", "0")).equals(rule.normalize(List.of("0", "done"))));
        assertFalse(OutputRule.EXACT.normalize(List.of("1", "0")).equals(OutputRule.EXACT.normalize(List.of("0", "1"))));
    }

    @Test
    void outputCheckFindsADifference() {
        Series same = new Series(new Series.Pair(Runs.ok("j", 1, "[0, 1]\n"), Runs.ok("p", 1, "[0, 1]\r\n")),
                List.of());
        assertTrue(OutputCheck.of(same, OutputRule.EXACT).equivalent());
        Series different = new Series(new Series.Pair(Runs.ok("j", 1, "[0, 1]\n"), Runs.ok("p", 1, "[0, 2]\n")),
                List.of());
        OutputCheck check = OutputCheck.of(different, OutputRule.EXACT);
        assertFalse(check.equivalent());
        assertTrue(check.detail().contains("[0, 2]"));
    }

    @Test
    void sumOfSquaresMatchesWhatBothSidesPrint() {
        assertEquals("285", MicroBenchmark.sumOfSquares(10));
        // Printed by both the Java and the Python map benchmark over range(10_000_000).
        assertEquals("1291890006563070912", MicroBenchmark.sumOfSquares(10_000_000));
    }

    @Test
    void chunksizeIsPythonsDefaultForFourWorkers() {
        MicroBenchmark map = MicroBenchmark.all(Options.parse(new String[0])).stream()
                .filter(b -> b.id().equals("map")).findFirst().orElseThrow();
        assertEquals(List.of("map", "10000000", "625000"), map.commandArgs());
        assertEquals(List.of("-Xmx512m", "-Dmultiprocessing.worker.jvmArgs=-Xmx512m"), map.javaJvmOptions());
    }

    @Test
    void slowSquareSleepsThreeRounds() {
        assertEquals(3.0, Targets.SLOW_SQUARE_SLEEP_SECONDS);
    }
}
