package bench;

import java.util.List;

/**
 * Whether Java and Python printed the same thing, so that the timings compare equal work.
 *
 * @param equivalent whether every successful run of both sides printed equivalent output
 * @param summary    a short verdict for the tables
 * @param detail     what differed, or empty
 */
record OutputCheck(boolean equivalent, String summary, String detail) {

    /** Compares every successful run of {@code series}, warm-up included, under {@code rule}. */
    static OutputCheck of(Series series, OutputRule rule) {
        List<String> reference = null;
        String referenceLabel = null;
        for (boolean java : new boolean[] {true, false}) {
            for (RunResult run : series.allRuns(java)) {
                if (!run.ok()) {
                    continue;
                }
                List<String> lines = rule.normalize(run.stdoutLines());
                if (reference == null) {
                    reference = lines;
                    referenceLabel = run.spec().label();
                } else if (!reference.equals(lines)) {
                    return new OutputCheck(false, "DIFFERENT",
                            referenceLabel + " printed " + abbreviate(reference) + " but " + run.spec().label()
                                    + " printed " + abbreviate(lines));
                }
            }
        }
        if (reference == null) {
            return new OutputCheck(false, "no successful run", "");
        }
        if (!series.hasPython()) {
            return new OutputCheck(true, "Java only", "");
        }
        return new OutputCheck(true, "same", "");
    }

    private static String abbreviate(List<String> lines) {
        String text = String.join(" | ", lines);
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
