package bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The benchmark suite: the lab's Java reference solutions and the runtime against Python's
 * {@code multiprocessing}, and the grader's own speed, each figure next to its target.
 *
 * <p>Run it with {@code bench/run} from anywhere; it must run from the repository root, because the
 * programs it starts use class paths relative to it, exactly as a student types them.
 */
public final class Main {
    private static final PrintStream OUT = System.out;

    private Main() {
    }

    /**
     * Runs the suite.
     *
     * @param args the options; {@code --help} lists them
     */
    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (Options.HelpRequested help) {
            OUT.println(Options.USAGE);
            return;
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage() + "\n\n" + Options.USAGE);
            System.exit(2);
            return;
        }
        List<Path> missing = Commands.prerequisites().stream().filter(path -> !Files.exists(path)).toList();
        if (!missing.isEmpty()) {
            System.err.println("bench: run from the repository root after building (bench/run does both); missing: "
                    + missing);
            System.exit(2);
        }
        try {
            System.exit(run(options));
        } catch (IOException e) {
            System.err.println("bench: " + e);
            System.exit(1);
        }
    }

    private static int run(Options options) throws IOException {
        Path scratch = Path.of("bench", "target", "runs");
        clear(scratch);
        Files.createDirectories(scratch);
        PythonFinder.Python python = PythonFinder.find(options.python());
        boolean gnuTime = GnuTime.available(scratch);
        ProcessRunner runner = new ProcessRunner(Path.of("").toAbsolutePath(), scratch, gnuTime,
                options.sampleMillis(), Machine.clockTicks());
        String java = Machine.javaExecutable();
        Table facts = facts(java, python, gnuTime, runner.sampling(), options);
        OUT.println("Machine:");
        OUT.print(facts.console());
        if (!python.present()) {
            OUT.println("\nNOTICE: no Python to compare with (" + python.missing() + "): Java runs alone and every"
                    + " Java/Python target is SKIP.");
        }
        Commands commands = new Commands(java, python.present() ? python.executable() : null, options);
        PairRunner pairs = new PairRunner(runner, OUT);

        Map<String, LabComparison> labs = new LinkedHashMap<>();
        if (options.runs("baseline")) {
            banner("baseline: an empty program", options.pairs());
            labs.put("baseline", LabComparison.run("baseline", commands.emptyJava(), commands.emptyPython(),
                    OutputRule.EXACT, options.pairs(), pairs));
        }
        for (LabProgram step : LabProgram.STEPS) {
            if (options.runs(step.id())) {
                int count = step.id().equals("slow_square") ? options.slowPairs() : options.pairs();
                banner(step.id() + ": " + step.javaClass() + " against bench/python/" + step.pythonFile(), count);
                labs.put(step.id(), LabComparison.run(step.id(), commands.labJava(step), commands.labPython(step),
                        step.output(), count, pairs));
            }
        }
        Map<String, MicroResult> micro = new LinkedHashMap<>();
        if (options.runs("micro")) {
            for (MicroBenchmark benchmark : MicroBenchmark.all(options)) {
                banner("micro " + benchmark.id() + ": " + benchmark.title(), options.microRuns());
                micro.put(benchmark.id(), MicroResult.run(benchmark, commands, pairs, options.microRuns()));
            }
        }
        Grading grading = null;
        if (options.runs("grade")) {
            OUT.printf("%n%s (%d run(s))%n", "grading the reference solutions", options.gradeRuns());
            grading = Grading.run(commands, runner, Path.of("bench", "target", "grade"), options.gradeRuns(), OUT);
        }
        facts.row("load average at end", Machine.loadAverage());

        List<TargetLine> targets = new Targets(labs, micro, grading, python.missing()).evaluate();
        Report report = new ReportBuilder(options, labs, micro, grading, targets)
                .build(facts, runner.sampling(), gnuTime);
        OUT.print(report.console());
        Path file = options.report();
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, report.markdown(), StandardCharsets.UTF_8);
        OUT.println("\nReport written to " + file + "; each run's output is in " + scratch + "/");
        return anyRunFailed(labs, micro, grading) ? 1 : 0;
    }

    private static Table facts(String java, PythonFinder.Python python, boolean gnuTime, boolean sampling,
                               Options options) {
        String javaVersion = Machine.capture(List.of(java, "-version"), 30);
        Table table = new Table("fact", "value")
                .row("date (UTC)", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString())
                .row("system", Machine.system())
                .row("cores", String.valueOf(Machine.cores()))
                .row("memory", Machine.memory())
                .row("load average at start", Machine.loadAverage())
                .row("java", java + ": " + (javaVersion == null ? "unknown" : firstLines(javaVersion, 2)))
                .row("python", python.present() ? python.executable() + ": " + python.version()
                        : "none (" + python.missing() + ")")
                .row("CPU and memory", (gnuTime ? "GNU time" : "no GNU time") + ", "
                        + (sampling ? "/proc sampled every " + options.sampleMillis() + " ms" : "no /proc sampling"));
        // Options from the environment reach every JVM the suite starts, and change what it measures.
        for (String variable : List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS")) {
            String value = System.getenv(variable);
            if (value != null && !value.isBlank()) {
                table.row(variable + " (applies to every JVM)", value);
            }
        }
        return table;
    }

    private static String firstLines(String text, int count) {
        return String.join(" / ", text.lines().limit(count).toList());
    }

    private static void banner(String what, int measuredPairs) {
        OUT.printf("%n%s (1 warm-up pair + %d)%n", what, measuredPairs);
    }

    private static boolean anyRunFailed(Map<String, LabComparison> labs, Map<String, MicroResult> micro,
                                        Grading grading) {
        List<RunResult> failed = new ArrayList<>();
        labs.values().forEach(lab -> failed.addAll(lab.series().failures()));
        micro.values().forEach(result -> failed.addAll(result.series().failures()));
        return !failed.isEmpty() || (grading != null && !grading.failures().isEmpty());
    }

    /** Removes the previous run's output files, so the folder only ever shows this run. */
    private static void clear(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                if (Files.isRegularFile(file)) {
                    Files.delete(file);
                }
            }
        }
    }
}
