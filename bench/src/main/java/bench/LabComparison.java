package bench;

/**
 * One lab program, Java against Python: the runs and whether their outputs agree.
 *
 * @param id     the step (or "baseline")
 * @param series the runs
 * @param output whether Java and Python printed equivalent output
 */
record LabComparison(String id, Series series, OutputCheck output) {

    /** Runs the series and checks the outputs. */
    static LabComparison run(String id, RunSpec java, RunSpec python, OutputRule rule, int pairs, PairRunner runner) {
        Series series = runner.run(java, python, pairs);
        return new LabComparison(id, series, OutputCheck.of(series, rule));
    }

    /** The median wall time of one side's successful measured runs, in seconds. */
    Double wall(boolean java) {
        return series.median(java, RunResult::wallSeconds);
    }

    /** The median over pairs of Java's wall time divided by Python's. */
    Double wallRatio() {
        return series.medianRatio(RunResult::wallSeconds);
    }
}
