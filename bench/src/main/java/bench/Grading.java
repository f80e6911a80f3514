package bench;

import grader.report.GradeJson;
import grader.report.GradeReport;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Grading the reference solutions with the grader jar, timed as a whole and split by phase from the
 * {@code phases_ms} the grader writes into {@code grade.json}.
 *
 * <p>The grader grades two steps at a time, so its phases overlap: they add up to more than the total.
 *
 * @param runs the gradings, in order
 */
record Grading(List<Run> runs) {

    /**
     * One grading.
     *
     * @param result   the grader's process
     * @param score    the score in {@code grade.json}, or null
     * @param maxScore the most there was to score, or null
     * @param phases   {@code phases_ms}: prepare, then by name, then total (empty when unreadable)
     * @param problem  why {@code grade.json} could not be read, or null
     */
    record Run(RunResult result, Integer score, Integer maxScore, Map<String, Long> phases, String problem) {
        /** Whether the grader ran, wrote its report and gave the reference solutions every point. */
        boolean ok() {
            return result.ok() && problem == null && score != null && score.equals(maxScore);
        }

        /** "ok, 100/100", or what went wrong. */
        String status() {
            if (!result.ok()) {
                return "FAILED: " + result.failure();
            }
            if (problem != null) {
                return "FAILED: " + problem;
            }
            return (ok() ? "ok, " : "FAILED: the reference solutions scored ") + score + "/" + maxScore;
        }
    }

    /** Grades {@code times} times, each into a fresh report folder under {@code outRoot}. */
    static Grading run(Commands commands, ProcessRunner runner, Path outRoot, int times, PrintStream progress) {
        List<Run> runs = new ArrayList<>();
        for (int i = 1; i <= times; i++) {
            Path out = outRoot.resolve("run-" + i);
            // A grade.json left by an earlier run must never pass for this run's.
            deleteTree(out);
            RunResult result = runner.run(commands.grade(i, out));
            Run run = read(result, out.resolve("grade.json"));
            progress.printf(Locale.ROOT, "  %-28s %-8s %8.3f s  %s%n", "grade", "#" + i, result.wallSeconds(),
                    run.status());
            runs.add(run);
        }
        return new Grading(runs);
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + dir + " for a fresh grading", e);
        }
    }

    /** The median wall time of the successful gradings, in seconds. */
    Double medianWall() {
        List<Double> walls = new ArrayList<>();
        for (Run run : runs) {
            if (run.ok()) {
                walls.add(run.result.wallSeconds());
            }
        }
        return Stats.median(walls);
    }

    /** The successful grading whose wall time is the median (the report shows its phases), or null. */
    Run medianRun() {
        Double median = medianWall();
        Run best = null;
        for (Run run : runs) {
            if (run.ok() && (best == null || Math.abs(run.result.wallSeconds() - median)
                    < Math.abs(best.result.wallSeconds() - median))) {
                best = run;
            }
        }
        return best;
    }

    /** Gradings that failed, for the report. */
    List<Run> failures() {
        return runs.stream().filter(run -> !run.ok()).toList();
    }

    private static Run read(RunResult result, Path file) {
        if (!Files.exists(file)) {
            return new Run(result, null, null, Map.of(), "no grade.json was written");
        }
        try {
            GradeReport report = GradeJson.read(file);
            Map<String, Long> phases = new TreeMap<>(Grading::phaseOrder);
            phases.putAll(report.phaseMillis());
            return new Run(result, report.score(), report.maxScore(), phases, null);
        } catch (IOException | RuntimeException e) {
            return new Run(result, null, null, Map.of(), "grade.json could not be read: " + e.getMessage());
        }
    }

    /**
     * The grader writes its phases in no useful order (steps run in parallel): prepare first, total
     * last, and in between by name, so each kind of phase (compile, rules, run) stays together.
     */
    private static int phaseOrder(String a, String b) {
        return Integer.compare(rank(a), rank(b)) != 0 ? Integer.compare(rank(a), rank(b)) : a.compareTo(b);
    }

    private static int rank(String phase) {
        return phase.equals("prepare") ? 0 : phase.equals("total") ? 2 : 1;
    }
}
