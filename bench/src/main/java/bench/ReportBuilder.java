package bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns the measurements into the report's sections and tables. */
final class ReportBuilder {
    private static final int STDERR_TAIL_LINES = 15;

    private final Options options;
    private final Map<String, LabComparison> labs;
    private final Map<String, MicroResult> micro;
    private final Grading grading;
    private final List<TargetLine> targets;

    /** @param grading the gradings, or null when that section did not run */
    ReportBuilder(Options options, Map<String, LabComparison> labs, Map<String, MicroResult> micro, Grading grading,
                  List<TargetLine> targets) {
        this.options = options;
        this.labs = labs;
        this.micro = micro;
        this.grading = grading;
        this.targets = targets;
    }

    /** The whole report; {@code facts} describes the machine, {@code sampling} whether /proc was sampled. */
    Report build(Table facts, boolean sampling, boolean gnuTime) {
        Report report = new Report("multiprocessing-lab benchmarks: Java runtime against Python's multiprocessing");
        report.section("Machine").table(facts)
                .text("Figures are medians of the measured runs. Other work on the machine slows every figure:"
                        + " compare the load averages at start and end, and trust only runs on a quiet machine.");
        report.section("Targets").table(targetTable());
        if (!labs.isEmpty()) {
            labSection(report.section("Lab programs, Java against Python"), sampling);
        }
        if (!micro.isEmpty()) {
            microSection(report.section("Micro-benchmarks of the runtime"));
        }
        if (grading != null) {
            gradingSection(report.section("Grading the reference solutions"));
        }
        failures(report);
        method(report.details("How it is measured"), sampling, gnuTime);
        commands(report.details("Commands"));
        return report;
    }

    private Table targetTable() {
        Table table = new Table("target", "measured", "target", "verdict", "margin");
        for (TargetLine line : targets) {
            table.row(line.target(), line.figure(), line.limit(), line.verdict().name(), line.margin());
        }
        return table;
    }

    private void labSection(Report.Section section, boolean sampling) {
        String slow = labs.containsKey("slow_square") ? " (" + options.slowPairs() + " for slow_square)" : "";
        section.text(String.format(Locale.ROOT, "Each program ran as a fresh process: one warm-up pair, then %d"
                + " measured pair(s)%s, Java then Python in each pair. The ratio is the median of the per-pair"
                + " ratios. CPU is user + system time of the whole process tree.", options.pairs(), slow));
        Table time = new Table("program", "pairs ok", "Java wall s", "Python wall s", "Java/Python",
                "Java CPU s", "Python CPU s", "output");
        for (LabComparison lab : labs.values()) {
            Series series = lab.series();
            time.row(lab.id(), pairsOk(series), Format.seconds(lab.wall(true)), Format.seconds(lab.wall(false)),
                    Format.ratio(lab.wallRatio()), Format.seconds(series.median(true, RunResult::cpuSeconds)),
                    Format.seconds(series.median(false, RunResult::cpuSeconds)), lab.output().summary());
        }
        section.table(time);
        Table memory = new Table("program", "Java tree MB", "Python tree MB", "Java largest MB", "Python largest MB",
                "Java processes", "Python processes");
        for (LabComparison lab : labs.values()) {
            Series series = lab.series();
            memory.row(lab.id(), Format.megabytes(series.median(true, RunResult::peakRssSumKb)),
                    Format.megabytes(series.median(false, RunResult::peakRssSumKb)),
                    Format.megabytes(series.median(true, RunResult::largestRssKb)),
                    Format.megabytes(series.median(false, RunResult::largestRssKb)),
                    Format.count(series.median(true, RunResult::processes)),
                    Format.count(series.median(false, RunResult::processes)));
        }
        section.text("Memory: \"tree\" is the sum of every process's own peak resident set (VmHWM)"
                + (sampling ? "" : " (not measured: no /proc here)") + "; \"largest\" is the peak of the largest"
                + " single process (GNU time's %M).");
        section.table(memory);
        for (LabComparison lab : labs.values()) {
            if (!lab.output().equivalent() && !lab.output().detail().isEmpty()) {
                section.text("**" + lab.id() + ": outputs differ.** " + lab.output().detail());
            }
        }
    }

    private void microSection(Report.Section section) {
        section.text(String.format(Locale.ROOT, "Each benchmark ran as a fresh process per run: one warm-up pair,"
                + " then %d measured pair(s). Timings are taken inside the programs (JVM and interpreter start-up"
                + " excluded, except in the whole-process rows).", options.microRuns()));
        Table table = new Table("benchmark", "figure", "Java", "Python", "Java/Python", "better", "pairs ok");
        for (MicroResult result : micro.values()) {
            MicroBenchmark benchmark = result.benchmark();
            String ok = pairsOk(result.series());
            for (MicroBenchmark.Metric metric : benchmark.metrics()) {
                table.row(benchmark.id(), metric.title() + " (" + metric.unit() + ")",
                        Format.figure(result.median(true, metric.key())),
                        Format.figure(result.median(false, metric.key())), Format.ratio(result.ratio(metric.key())),
                        metric.higherIsBetter() ? "higher" : "lower", ok);
            }
            Series series = result.series();
            table.row(benchmark.id(), "whole process, wall (s)", Format.seconds(series.median(true, RunResult::wallSeconds)),
                    Format.seconds(series.median(false, RunResult::wallSeconds)),
                    Format.ratio(series.medianRatio(RunResult::wallSeconds)), "lower", ok);
            table.row(benchmark.id(), "whole process, tree peak RSS (MB)",
                    Format.megabytes(series.median(true, RunResult::peakRssSumKb)),
                    Format.megabytes(series.median(false, RunResult::peakRssSumKb)),
                    Format.ratio(series.medianRatio(RunResult::peakRssSumKb)), "lower", ok);
        }
        section.table(table);
        List<String> legend = new ArrayList<>();
        for (MicroResult result : micro.values()) {
            legend.add("- `" + result.benchmark().id() + "`: " + result.benchmark().title());
        }
        section.text(String.join("\n", legend));
        for (MicroResult result : micro.values()) {
            for (String problem : result.problems()) {
                section.text("**Wrong figure:** " + problem);
            }
        }
    }

    private void gradingSection(Report.Section section) {
        Table runs = new Table("grading", "wall s", "CPU s", "processes", "result");
        int n = 0;
        for (Grading.Run run : grading.runs()) {
            RunResult result = run.result();
            runs.row("#" + ++n, Format.seconds(result.wallSeconds()), Format.seconds(result.cpuSeconds()),
                    result.processes() == 0 ? Format.NONE : String.valueOf(result.processes()), run.status());
        }
        section.table(runs);
        Grading.Run median = grading.medianRun();
        if (median == null) {
            return;
        }
        section.text("Phases of the median grading (`phases_ms` in grade.json). The grader grades two steps at"
                + " a time, so phases overlap and add up to more than the total.");
        Table phases = new Table("phase", "ms");
        median.phases().forEach((phase, millis) -> phases.row(phase, String.format(Locale.ROOT, "%,d", millis)));
        section.table(phases);
        section.table(perStep(median.phases()));
    }

    /** compile, rules and runs of each step side by side: where a step's time goes. */
    private static Table perStep(Map<String, Long> phases) {
        Map<String, long[]> steps = new LinkedHashMap<>();
        for (Map.Entry<String, Long> phase : phases.entrySet()) {
            String name = phase.getKey();
            int kind = name.startsWith("compile ") ? 0 : name.startsWith("rules ") ? 1 : name.startsWith("run ") ? 2 : -1;
            if (kind < 0) {
                continue;
            }
            String rest = name.substring(name.indexOf(' ') + 1);
            String step = kind == 2 && rest.contains("-") ? rest.substring(0, rest.indexOf('-')) : rest;
            steps.computeIfAbsent(step, key -> new long[3])[kind] += phase.getValue();
        }
        Table table = new Table("step", "compile ms", "rules ms", "runs ms (sum)");
        steps.forEach((step, millis) -> table.row(step, String.format(Locale.ROOT, "%,d", millis[0]),
                String.format(Locale.ROOT, "%,d", millis[1]), String.format(Locale.ROOT, "%,d", millis[2])));
        return table;
    }

    private void failures(Report report) {
        List<RunResult> failed = new ArrayList<>();
        labs.values().forEach(lab -> failed.addAll(lab.series().failures()));
        micro.values().forEach(result -> failed.addAll(result.series().failures()));
        if (grading != null) {
            grading.failures().forEach(run -> failed.add(run.result()));
        }
        if (failed.isEmpty()) {
            return;
        }
        Report.Section section = report.section("Failed runs (" + failed.size() + ")");
        for (RunResult run : failed) {
            String reason = run.ok() ? "the grader ran but its report is wrong or incomplete" : run.failure();
            section.text("- **" + run.spec().label() + "**: " + reason + " (output: `" + run.files() + ".*`)  \n  `"
                    + run.spec().commandLine() + "`");
            String tail = tail(run.stderr().isBlank() ? run.stdout() : run.stderr());
            if (!tail.isBlank()) {
                section.text("```\n" + tail + "\n```");
            }
        }
    }

    private static String tail(String text) {
        List<String> lines = text.strip().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - STDERR_TAIL_LINES), lines.size()));
    }

    private void method(Report.Section section, boolean sampling, boolean gnuTime) {
        section.text("- **Wall time**: from just before the harness starts the process to its exit, with"
                + " `System.nanoTime()`. Java runs include starting the JVM (and the pool's worker JVMs), Python"
                + " runs the interpreter; that is what a student waits for.");
        section.text("- **CPU time**: user + system seconds of the whole process tree. "
                + (gnuTime ? "Each program runs under GNU time, whose `%U + %S` (from `wait4`) counts the program"
                        + " and every descendant that was waited for; " : "")
                + (sampling ? "the tree is also sampled through /proc every " + options.sampleMillis() + " ms and each"
                        + " process's last seen time is summed. Both can only undercount (an orphan nobody waited"
                        + " for; the last moments of a process), so the larger is reported." : "")
                + (!gnuTime && !sampling ? "not measured on this system." : ""));
        section.text("- **Memory**: \"tree\" is the sum of each process's own peak resident set (VmHWM from"
                + " /proc/<pid>/status, kept by the kernel, so sampling misses no peak). It is an upper bound of"
                + " what the tree held at one moment (peaks may not coincide) and counts shared pages (the JDK's"
                + " class-data archive, the interpreter's code) once per process. A process that lives shorter than"
                + " one sampling interval can be missed (Python's forked queue processes live a few milliseconds),"
                + " so its memory and the process count can fall short. \"largest\" is GNU time's `%M`: the peak"
                + " of the largest single process, not of the tree.");
        section.text("- **Pairs**: Java and Python runs alternate (J, P, J, P, ...) after a warm-up pair that is"
                + " not counted; ratios are medians of per-pair ratios, so a slow phase of the machine hits both"
                + " sides of a pair.");
        section.text("- **Honesty checks**: Java and Python outputs must be the same lines (slow_square: any"
                + " order but the last line), and micro-benchmarks print checksums that must match the exact"
                + " expected values; otherwise the target is a MISS. Failed or timed-out runs are listed with"
                + " their error output and never counted.");
        section.text("- **Python twins** (`bench/python/`) mirror the Java reference solutions line by line,"
                + " including how they end: where Java's try-with-resources closes a pool (letting the workers"
                + " finish and waiting for them), Python calls `close()` and `join()`. Python uses its default"
                + " start method (fork on Linux).");
        section.text("- **slow_square**: the sleeping critical path is 10 tasks of 1 s on 4 workers, ceil(10/4) = 3"
                + " rounds = 3 s; the target compares each language's wall time beyond those 3 s.");
        section.text("- **map**: both sides use chunksize ceil(N / 16), Python's own default for 4 workers (about"
                + " four chunks per worker), which the Java pool's default follows too; the task returns a"
                + " 64-bit square (Python's integers do not overflow). Only the Java side has a heap limit:"
                + " `-Xmx512m` for the program and, through `-Dmultiprocessing.worker.jvmArgs=-Xmx512m`, for"
                + " every worker.");
        section.text("- **Queue throughput** is timed from the first item the main process gets to the last,"
                + " so starting the producer (a fork in Python, a JVM in Java) is reported apart as"
                + " \"start() to first item\".");
        section.text("- **worker_cpu** is Java's own ratio, not a comparison with Python: the CPU (user + system) of"
                + " a pool worker's whole life (start, one tiny task, exit) against a bare JVM that runs an empty"
                + " main with the worker's own options (read from its command line while it runs). Both come from"
                + " the kernel's count of the program's finished children (cutime + cstime of /proc/self/stat),"
                + " three of each per round, alternating round by round; the ratio is the median of the rounds'."
                + " Python's row is the same for a forked worker against `python3 -c pass`.");
        section.text("- **boxed**: one list of N ints (boxed `Integer`s in Java) through `apply` on a pool of one"
                + " worker, after an untimed small round each way: as the argument (the task sums it; the list"
                + " is built before the clock starts) and as the result (the task builds it). The sums must be"
                + " exact on both sides.");
    }

    private void commands(Report.Section section) {
        Map<String, String> lines = new LinkedHashMap<>();
        labs.values().forEach(lab -> addCommands(lines, lab.series()));
        micro.values().forEach(result -> addCommands(lines, result.series()));
        if (grading != null && !grading.runs().isEmpty()) {
            lines.put("grade", grading.runs().get(0).result().spec().commandLine());
        }
        Table table = new Table("run", "command (from the repository root)");
        lines.forEach((label, command) -> table.row(label, "`" + command + "`"));
        section.table(table);
    }

    private static void addCommands(Map<String, String> lines, Series series) {
        for (boolean java : new boolean[] {true, false}) {
            RunResult run = java ? series.warmUp().java() : series.warmUp().python();
            if (run != null) {
                lines.put(run.spec().label(), run.spec().commandLine());
            }
        }
    }

    private static String pairsOk(Series series) {
        long ok = series.measured().stream()
                .filter(pair -> pair.java().ok() && (pair.python() == null || pair.python().ok())).count();
        return ok + "/" + series.measured().size();
    }
}
