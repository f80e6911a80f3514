package bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The targets of the performance issue, checked against what was measured. Every target appears in
 * every report: one that could not be measured says why instead of disappearing.
 */
final class Targets {
    /** slow_square's sleeping critical path: 10 one-second tasks on 4 workers run in ceil(10 / 4) = 3 rounds. */
    static final double SLOW_SQUARE_SLEEP_SECONDS = Math.ceil(10 / 4.0) * 1.0;
    static final double COMPLEX_SQUARE_RATIO = 0.6;
    static final double SQUARE_RATIO = 1.0;
    static final double QUEUE_RATIO = 1.0;
    static final double QUEUE_THROUGHPUT_FACTOR = 2.0;
    static final double GRADING_SECONDS = 15.0;
    static final double WORKER_CPU_FACTOR = 2.0;
    static final double BOXED_RATIO = 2.0;

    private final Map<String, LabComparison> labs;
    private final Map<String, MicroResult> micro;
    private final Grading grading;
    private final String noPython;

    /**
     * @param noPython why there is no Python to compare with, or null when there is one
     * @param grading  the gradings, or null when that section did not run
     */
    Targets(Map<String, LabComparison> labs, Map<String, MicroResult> micro, Grading grading, String noPython) {
        this.labs = labs;
        this.micro = micro;
        this.grading = grading;
        this.noPython = noPython;
    }

    /** Every target, in the order. */
    List<TargetLine> evaluate() {
        List<TargetLine> lines = new ArrayList<>();
        lines.add(wallRatio("complex_square", COMPLEX_SQUARE_RATIO));
        lines.add(wallRatio("square", SQUARE_RATIO));
        lines.add(wallRatio("queue", QUEUE_RATIO));
        lines.add(slowSquareOverhead());
        lines.add(queueThroughput());
        lines.add(mapCompletes());
        lines.add(workerCpu());
        lines.add(boxedRatio("argument_ms", "as the argument"));
        lines.add(boxedRatio("result_ms", "as the result"));
        lines.add(gradingTime());
        return lines;
    }

    private TargetLine wallRatio(String id, double limit) {
        String target = id + ": wall time, Java / Python";
        String limitText = "<= " + Format.ratio(limit);
        LabComparison lab = labs.get(id);
        if (lab == null) {
            return TargetLine.skip(target, limitText, "not run (--only)");
        }
        if (noPython != null) {
            return TargetLine.skip(target, limitText, noPython);
        }
        if (!lab.output().equivalent()) {
            return TargetLine.miss(target, Format.ratio(lab.wallRatio()), limitText,
                    "outputs differ, so the timings do not compare equal work");
        }
        Double ratio = lab.wallRatio();
        if (ratio == null) {
            return TargetLine.miss(target, Format.NONE, limitText, "no pair where both runs succeeded");
        }
        String figure = String.format(Locale.ROOT, "%s (Java %s s, Python %s s)", Format.ratio(ratio),
                Format.seconds(lab.wall(true)), Format.seconds(lab.wall(false)));
        return verdict(target, figure, limitText, ratio <= limit, Format.signed(limit - ratio, ""));
    }

    private TargetLine slowSquareOverhead() {
        String target = "slow_square: wall time beyond its " + Format.figure(SLOW_SQUARE_SLEEP_SECONDS)
                + " s of sleeping";
        String limitText = "Java <= Python";
        LabComparison lab = labs.get("slow_square");
        if (lab == null) {
            return TargetLine.skip(target, limitText, "not run (--only)");
        }
        if (noPython != null) {
            return TargetLine.skip(target, limitText, noPython);
        }
        Double java = lab.wall(true);
        Double python = lab.wall(false);
        if (java == null || python == null) {
            return TargetLine.miss(target, Format.NONE, limitText, "no successful run on one side");
        }
        double javaOverhead = java - SLOW_SQUARE_SLEEP_SECONDS;
        double pythonOverhead = python - SLOW_SQUARE_SLEEP_SECONDS;
        String figure = String.format(Locale.ROOT, "Java +%s s, Python +%s s", Format.seconds(javaOverhead),
                Format.seconds(pythonOverhead));
        if (!lab.output().equivalent()) {
            return TargetLine.miss(target, figure, limitText, "outputs differ");
        }
        return verdict(target, figure, limitText, javaOverhead <= pythonOverhead,
                Format.signed(pythonOverhead - javaOverhead, " s"));
    }

    private TargetLine queueThroughput() {
        String target = "Queue throughput, Java / Python";
        String limitText = ">= " + Format.ratio(QUEUE_THROUGHPUT_FACTOR);
        MicroResult queue = micro.get("queue");
        if (queue == null) {
            return TargetLine.skip(target, limitText, "not run (--only)");
        }
        if (noPython != null) {
            return TargetLine.skip(target, limitText, noPython);
        }
        Double ratio = queue.ratio("items_per_s");
        String figure = String.format(Locale.ROOT, "%s (Java %s/s, Python %s/s)", Format.ratio(ratio),
                Format.figure(queue.median(true, "items_per_s")), Format.figure(queue.median(false, "items_per_s")));
        if (!queue.problems().isEmpty()) {
            return TargetLine.miss(target, figure, limitText, "a run got the wrong items: " + queue.problems().get(0));
        }
        if (ratio == null) {
            return TargetLine.miss(target, figure, limitText, "no pair where both runs succeeded");
        }
        return verdict(target, figure, limitText, ratio >= QUEUE_THROUGHPUT_FACTOR,
                Format.signed(ratio - QUEUE_THROUGHPUT_FACTOR, ""));
    }

    private TargetLine mapCompletes() {
        String target = "map over range(N) with parent and workers at -Xmx512m";
        String limitText = "completes";
        MicroResult map = micro.get("map");
        if (map == null) {
            return TargetLine.skip(target, limitText, "not run (--only)");
        }
        List<RunResult> runs = map.series().allRuns(true);
        long failed = runs.stream().filter(run -> !run.ok()).count();
        List<String> wrong = map.problems(true);
        String figure = String.format(Locale.ROOT, "%d of %d runs, map %s s (median)", runs.size() - failed,
                runs.size(), Format.seconds(msToSeconds(map.median(true, "map_ms"))));
        if (failed > 0) {
            RunResult first = runs.stream().filter(run -> !run.ok()).findFirst().orElseThrow();
            return TargetLine.miss(target, figure, limitText, failed + " run(s) failed: " + first.failure());
        }
        if (!wrong.isEmpty()) {
            return TargetLine.miss(target, figure, limitText, "wrong results: " + wrong.get(0));
        }
        return verdict(target, figure, limitText, true, "all runs completed with the right checksum");
    }

    /** Java's own ratio, worker against bare JVM: no Python needed. */
    private TargetLine workerCpu() {
        String target = "a worker JVM's CPU / a bare JVM's with the same options";
        String limitText = "<= " + Format.ratio(WORKER_CPU_FACTOR);
        MicroResult cpu = micro.get("worker_cpu");
        if (cpu == null) {
            return TargetLine.skip(target, limitText, "not run (--only)");
        }
        Double ratio = cpu.median(true, "cpu_ratio");
        if (ratio == null) {
            List<RunResult> failed = cpu.series().allRuns(true).stream().filter(run -> !run.ok()).toList();
            return TargetLine.miss(target, Format.NONE, limitText, failed.isEmpty() ? "no figure printed"
                    : "the runs failed: " + failed.get(0).failure() + " " + failed.get(0).stderr().strip());
        }
        String figure = String.format(Locale.ROOT, "%s (worker %s ms, bare %s ms)", Format.ratio(ratio),
                Format.figure(cpu.median(true, "worker_cpu_ms")), Format.figure(cpu.median(true, "bare_cpu_ms")));
        return verdict(target, figure, limitText, ratio <= WORKER_CPU_FACTOR,
                Format.signed(WORKER_CPU_FACTOR - ratio, ""));
    }

    private TargetLine boxedRatio(String key, String way) {
        String target = "a list of boxed ints through apply " + way + ", Java / Python";
        String limitText = "<= " + Format.ratio(BOXED_RATIO);
        MicroResult boxed = micro.get("boxed");
        if (boxed == null) {
            return TargetLine.skip(target, limitText, "not run (--only)");
        }
        if (noPython != null) {
            return TargetLine.skip(target, limitText, noPython);
        }
        Double ratio = boxed.ratio(key);
        String figure = String.format(Locale.ROOT, "%s (Java %s ms, Python %s ms)", Format.ratio(ratio),
                Format.figure(boxed.median(true, key)), Format.figure(boxed.median(false, key)));
        if (!boxed.problems().isEmpty()) {
            return TargetLine.miss(target, figure, limitText, "a run got the wrong sums: " + boxed.problems().get(0));
        }
        if (ratio == null) {
            return TargetLine.miss(target, figure, limitText, "no pair where both runs succeeded");
        }
        return verdict(target, figure, limitText, ratio <= BOXED_RATIO, Format.signed(BOXED_RATIO - ratio, ""));
    }

    private TargetLine gradingTime() {
        String target = "grading the reference solutions, wall time";
        String limitText = "<= " + Format.figure(GRADING_SECONDS) + " s";
        if (grading == null) {
            return TargetLine.skip(target, limitText, "not run (--only)");
        }
        Double wall = grading.medianWall();
        if (wall == null) {
            Grading.Run first = grading.runs().get(0);
            return TargetLine.miss(target, Format.NONE, limitText, "no grading succeeded: " + first.status());
        }
        String figure = Format.seconds(wall) + " s (median of " + grading.runs().size() + ")";
        if (!grading.failures().isEmpty()) {
            return TargetLine.miss(target, figure, limitText, grading.failures().size() + " grading(s) failed");
        }
        return verdict(target, figure, limitText, wall <= GRADING_SECONDS, Format.signed(GRADING_SECONDS - wall, " s"));
    }

    private static TargetLine verdict(String target, String figure, String limit, boolean met, String margin) {
        return new TargetLine(target, figure, limit, met ? TargetLine.Verdict.PASS : TargetLine.Verdict.MISS, margin);
    }

    private static Double msToSeconds(Double millis) {
        return millis == null ? null : millis / 1000;
    }
}
