package bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs a Java program and its Python twin alternately (J, P, J, P, ...): a warm-up pair, then the
 * measured pairs. Alternating puts both languages under the same background load, pair by pair.
 */
final class PairRunner {
    private final ProcessRunner runner;
    private final PrintStream progress;

    PairRunner(ProcessRunner runner, PrintStream progress) {
        this.runner = runner;
        this.progress = progress;
    }

    /**
     * Runs the series.
     *
     * @param python the Python twin, or {@code null} to run Java alone
     * @param pairs  how many measured pairs follow the warm-up pair
     */
    Series run(RunSpec java, RunSpec python, int pairs) {
        Series.Pair warmUp = pair(java, python, "warm-up");
        List<Series.Pair> measured = new ArrayList<>();
        for (int i = 1; i <= pairs; i++) {
            measured.add(pair(java, python, "#" + i));
        }
        return new Series(warmUp, measured);
    }

    private Series.Pair pair(RunSpec java, RunSpec python, String which) {
        RunResult javaRun = runOne(java, which);
        RunResult pythonRun = python == null ? null : runOne(python, which);
        return new Series.Pair(javaRun, pythonRun);
    }

    private RunResult runOne(RunSpec spec, String which) {
        RunResult result = runner.run(spec);
        progress.printf(Locale.ROOT, "  %-28s %-8s %8.3f s  %s%n", spec.label(), which, result.wallSeconds(),
                result.ok() ? "ok" : "FAILED: " + result.failure());
        return result;
    }
}
