package bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The runs of one Java/Python comparison: a warm-up pair, then the measured pairs, each Java run
 * directly followed by its Python twin. A side may be missing ({@code null}) when Python is not there.
 *
 * @param warmUp   the first pair, run to fill the file cache, never counted
 * @param measured the counted pairs, in the order they ran
 */
record Series(Pair warmUp, List<Pair> measured) {

    /** One Java run and the Python run right after it. */
    record Pair(RunResult java, RunResult python) {
    }

    /** Whether Python runs are part of this series. */
    boolean hasPython() {
        return warmUp.python() != null;
    }

    /** The measured Java runs (or Python runs) that succeeded. */
    List<RunResult> okRuns(boolean java) {
        List<RunResult> ok = new ArrayList<>();
        for (Pair pair : measured) {
            RunResult run = java ? pair.java() : pair.python();
            if (run != null && run.ok()) {
                ok.add(run);
            }
        }
        return ok;
    }

    /** The median of {@code metric} over the measured runs of one side that succeeded; null if none. */
    Double median(boolean java, Function<RunResult, ? extends Number> metric) {
        List<Double> values = new ArrayList<>();
        for (RunResult run : okRuns(java)) {
            Number value = metric.apply(run);
            values.add(value == null ? null : value.doubleValue());
        }
        return Stats.median(values);
    }

    /**
     * The median over measured pairs of Java's figure divided by Python's. Pairing neighbours cancels
     * slow drifts of the machine (another build starting, the CPU warming up) that medians per side
     * would keep.
     */
    Double medianRatio(Function<RunResult, ? extends Number> metric) {
        List<Double> ratios = new ArrayList<>();
        for (Pair pair : measured) {
            if (pair.java() == null || pair.python() == null || !pair.java().ok() || !pair.python().ok()) {
                continue;
            }
            Number java = metric.apply(pair.java());
            Number python = metric.apply(pair.python());
            if (java != null && python != null && python.doubleValue() != 0) {
                ratios.add(java.doubleValue() / python.doubleValue());
            }
        }
        return Stats.median(ratios);
    }

    /** Every run that failed, the warm-up pair's included: a failure is never hidden. */
    List<RunResult> failures() {
        List<RunResult> failed = new ArrayList<>();
        for (boolean java : new boolean[] {true, false}) {
            for (RunResult run : allRuns(java)) {
                if (!run.ok()) {
                    failed.add(run);
                }
            }
        }
        return failed;
    }

    /** Every run, the warm-up pair's first; for the output check. */
    List<RunResult> allRuns(boolean java) {
        List<RunResult> runs = new ArrayList<>();
        List<Pair> all = new ArrayList<>();
        all.add(warmUp);
        all.addAll(measured);
        for (Pair pair : all) {
            RunResult run = java ? pair.java() : pair.python();
            if (run != null) {
                runs.add(run);
            }
        }
        return runs;
    }
}
