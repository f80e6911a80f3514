package bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A micro-benchmark's runs, and what was wrong with the figures they printed.
 *
 * @param benchmark what ran
 * @param series    the runs
 * @param problems  runs that succeeded but printed a wrong or missing figure (a missing checksum, a
 *                  short count): such a run did not do the whole work, so its timing proves nothing
 */
record MicroResult(MicroBenchmark benchmark, Series series, List<String> problems) {

    /** Runs the benchmark and checks every successful run's figures. */
    static MicroResult run(MicroBenchmark benchmark, Commands commands, PairRunner runner, int pairs) {
        String label = "micro " + benchmark.id();
        Series series = runner.run(commands.microJava(label, benchmark.javaJvmOptions(), benchmark.commandArgs()),
                commands.microPython(label, benchmark.commandArgs()), pairs);
        List<String> problems = new ArrayList<>();
        for (boolean java : new boolean[] {true, false}) {
            for (RunResult run : series.allRuns(java)) {
                if (run.ok()) {
                    check(run, benchmark, problems);
                }
            }
        }
        return new MicroResult(benchmark, series, problems);
    }

    private static void check(RunResult run, MicroBenchmark benchmark, List<String> problems) {
        for (Map.Entry<String, String> expected : benchmark.expected().entrySet()) {
            String actual = run.reportedText(expected.getKey());
            if (!expected.getValue().equals(actual)) {
                problems.add(run.spec().label() + ": " + expected.getKey() + " was " + actual + ", expected "
                        + expected.getValue());
            }
        }
        for (MicroBenchmark.Metric metric : benchmark.metrics()) {
            if (run.reported(metric.key()) == null) {
                problems.add(run.spec().label() + ": printed no " + metric.key());
            }
        }
    }

    /** The problems of one side's runs. */
    List<String> problems(boolean java) {
        RunResult any = java ? series.warmUp().java() : series.warmUp().python();
        if (any == null) {
            return List.of();
        }
        String prefix = any.spec().label() + ":";
        return problems.stream().filter(problem -> problem.startsWith(prefix)).toList();
    }

    /** The median of a figure over one side's successful runs. */
    Double median(boolean java, String key) {
        return series.median(java, run -> run.reported(key));
    }

    /** The median over pairs of Java's figure divided by Python's. */
    Double ratio(String key) {
        return series.medianRatio(run -> run.reported(key));
    }
}
