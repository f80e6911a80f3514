package bench;

/**
 * One target of the performance issue and how this run measured up.
 *
 * @param target  what is measured
 * @param figure  the measured figure
 * @param limit   the target
 * @param verdict PASS, MISS, or SKIP when it could not be measured (the reason is in {@code margin})
 * @param margin  how far inside (+) or outside (-) the target the figure is, or why it was skipped
 */
record TargetLine(String target, String figure, String limit, Verdict verdict, String margin) {

    /** Whether a target was met. */
    enum Verdict {
        PASS, MISS, SKIP
    }

    static TargetLine skip(String target, String limit, String why) {
        return new TargetLine(target, Format.NONE, limit, Verdict.SKIP, why);
    }

    static TargetLine miss(String target, String figure, String limit, String why) {
        return new TargetLine(target, figure, limit, Verdict.MISS, why);
    }
}
