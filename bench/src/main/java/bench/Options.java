package bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The command-line options of the benchmark suite, with their defaults.
 *
 * @param pairs        measured Java/Python pairs per lab program, after a warm-up pair
 * @param slowPairs    measured pairs for slow_square, whose runs take over three seconds each
 * @param microRuns    measured pairs per micro-benchmark, after a warm-up pair
 * @param gradeRuns    how many times the reference solutions are graded
 * @param sections     which parts to run, in the order of {@link #SECTIONS}
 * @param python       the Python interpreter to compare with, or "none"
 * @param timeout      a time limit for every run, overriding the defaults per kind; null for those
 * @param sampleMillis the /proc sampling interval (0: no sampling)
 * @param mapItems     how many numbers the map micro-benchmark squares
 * @param queueItems   how many items the queue micro-benchmark sends
 * @param applyRounds  how many sequential apply round trips are timed
 * @param boxedItems   how many boxed ints the boxed micro-benchmark sends each way
 * @param cpuRounds    how many rounds the worker_cpu micro-benchmark measures
 * @param report       where the markdown report goes
 */
record Options(int pairs, int slowPairs, int microRuns, int gradeRuns, Set<String> sections, String python,
               Duration timeout, int sampleMillis, int mapItems, int queueItems, int applyRounds, int boxedItems,
               int cpuRounds, Path report) {

    /** Every section, in the order they run. */
    static final List<String> SECTIONS =
            List.of("baseline", "square", "complex_square", "queue", "slow_square", "micro", "grade");

    static final String USAGE = String.join("\n",
            "usage: bench/run [options]      (run from anywhere; it builds what it needs first)",
            "",
            "  --pairs N          measured Java/Python pairs per lab program, after a warm-up pair (default 7)",
            "  --slow-pairs N     measured pairs for slow_square (default 3)",
            "  --micro-runs N     measured pairs per micro-benchmark, after a warm-up pair (default 3)",
            "  --grade-runs N     gradings of the reference solutions (default 3)",
            "  --only LIST        comma-separated sections: " + String.join(",", SECTIONS) + " (default all)",
            "  --python CMD       the Python to compare with (default python3 from PATH; none: Java only)",
            "  --timeout S        time limit per run in seconds (default 60 per lab run, 300 per",
            "                     micro-benchmark run, 600 per grading)",
            "  --sample-ms N      /proc sampling interval for memory and CPU of the process tree (default 10)",
            "  --map-items N      numbers squared by the map micro-benchmark (default 10000000)",
            "  --queue-items N    items sent by the queue micro-benchmark (default 300000)",
            "  --apply-rounds N   sequential apply round trips timed (default 2000)",
            "  --boxed-items N    boxed ints sent through apply each way (default 5000000)",
            "  --cpu-rounds N     rounds of the worker CPU measurement (default 5)",
            "  --report FILE      the markdown report (default bench/target/bench-report.md)",
            "  --no-build         (bench/run only) skip the Maven build",
            "",
            "Exit code: 0 when every run succeeded (whatever the targets say), 1 when a run failed,",
            "2 for a usage error.");

    /**
     * Parses {@code args}; what is not given keeps its default.
     *
     * @throws IllegalArgumentException with a message for the user when an option is unknown or bad
     * @throws HelpRequested            for {@code --help}
     */
    static Options parse(String[] args) {
        int pairs = 7;
        int slowPairs = 3;
        int microRuns = 3;
        int gradeRuns = 3;
        Set<String> sections = new LinkedHashSet<>(SECTIONS);
        String python = "python3";
        Duration timeout = null;
        int sampleMillis = 10;
        int mapItems = 10_000_000;
        int queueItems = 300_000;
        int applyRounds = 2000;
        int boxedItems = 5_000_000;
        int cpuRounds = 5;
        Path report = Path.of("bench", "target", "bench-report.md");
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--help") || name.equals("-h")) {
                throw new HelpRequested();
            }
            if (!isKnown(name)) {
                throw new IllegalArgumentException("unknown option " + name);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            String value = args[++i];
            switch (name) {
                case "--pairs" -> pairs = atLeast(name, value, 1);
                case "--slow-pairs" -> slowPairs = atLeast(name, value, 1);
                case "--micro-runs" -> microRuns = atLeast(name, value, 1);
                case "--grade-runs" -> gradeRuns = atLeast(name, value, 1);
                case "--only" -> sections = sections(value);
                case "--python" -> python = value;
                case "--timeout" -> timeout = Duration.ofSeconds(atLeast(name, value, 1));
                case "--sample-ms" -> sampleMillis = atLeast(name, value, 0);
                case "--map-items" -> mapItems = atLeast(name, value, 1);
                case "--queue-items" -> queueItems = atLeast(name, value, 2);
                case "--apply-rounds" -> applyRounds = atLeast(name, value, 1);
                case "--boxed-items" -> boxedItems = atLeast(name, value, 1);
                case "--cpu-rounds" -> cpuRounds = atLeast(name, value, 1);
                case "--report" -> report = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        return new Options(pairs, slowPairs, microRuns, gradeRuns, sections, python, timeout, sampleMillis,
                mapItems, queueItems, applyRounds, boxedItems, cpuRounds, report);
    }

    /** Whether the section named {@code name} runs. */
    boolean runs(String name) {
        return sections.contains(name);
    }

    /** The time limit of a run whose default is {@code seconds}. */
    Duration timeoutOr(int seconds) {
        return timeout != null ? timeout : Duration.ofSeconds(seconds);
    }

    private static boolean isKnown(String name) {
        // --no-build is bench/run's own and never reaches here.
        return name.startsWith("--") && !name.equals("--no-build") && USAGE.contains("  " + name + " ");
    }

    private static Set<String> sections(String value) {
        Set<String> chosen = new LinkedHashSet<>();
        for (String part : value.split(",")) {
            String name = part.trim();
            if (!SECTIONS.contains(name)) {
                throw new IllegalArgumentException("--only: unknown section '" + name + "'; choose from "
                        + String.join(",", SECTIONS));
            }
            chosen.add(name);
        }
        // Keep the fixed order whatever order they were given in.
        Set<String> ordered = new LinkedHashSet<>(SECTIONS);
        ordered.retainAll(chosen);
        return ordered;
    }

    private static int atLeast(String name, String value, int minimum) {
        try {
            int number = Integer.parseInt(value.replace("_", ""));
            if (number >= minimum) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " needs a whole number of at least " + minimum + ", got '"
                + value + "'");
    }

    /** Thrown by {@link #parse} for {@code --help}. */
    static final class HelpRequested extends RuntimeException {
        private static final long serialVersionUID = 1L;

        HelpRequested() {
            super(null, null, false, false);
        }
    }
}
