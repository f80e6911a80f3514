package grader;

import grader.export.ProtectedFilesCheck;
import grader.export.TemplateFiles;
import grader.report.GradeReport;
import grader.report.ProtectedFiles;
import grader.report.RunTimeline;
import grader.report.StepResult;
import grader.report.TimelineReport;
import grader.sandbox.CompileResult;
import grader.sandbox.FileTrees;
import grader.sandbox.RunResult;
import grader.sandbox.Sandbox;
import grader.sandbox.SandboxLimits;
import grader.sandbox.StepCompiler;
import grader.sandbox.Submission;
import grader.sandbox.TrustedClasspath;
import grader.suite.GradingSession;
import grader.suite.Step;
import grader.suite.StepEvidence;
import grader.suite.SuiteRunner;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import multiprocessing.tools.Timeline;

/**
 * Grades one submission from start to end: find its sources, compile each step against the grader's
 * own runtime, run the hidden suite with the step's evidence, and sum the points.
 */
public final class Grader {
    /** Points in all. */
    public static final int MAX_SCORE = 100;

    private final PrintStream progress;
    private final boolean keepWork;

    /** A grader that reports progress to {@code progress}; {@code keepWork} keeps its scratch directory. */
    public Grader(PrintStream progress, boolean keepWork) {
        this.progress = progress;
        this.keepWork = keepWork;
    }

    /** The grader's version, from its jar's manifest ("dev" when run from a build directory). */
    public static String version() {
        String version = Grader.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    /**
     * A grade with the pictures of its runs.
     *
     * @param report            the grade
     * @param timelinePages     by step id, the self-contained HTML timeline of the step's main run
     * @param timelineMarkdown  by step id, the job summary's chart and sentence for that run
     */
    public record Grading(GradeReport report, Map<String, String> timelinePages, Map<String, String> timelineMarkdown) {
        /** The file name of a step's timeline page in the report directory. */
        public static String pageName(String stepId) {
            return "timeline-" + stepId + ".html";
        }
    }

    /**
     * Grades the submission in {@code directory} and draws each step's main run: from its trace, completed
     * by what the sandbox saw (see {@link RunResult#picture()}).
     *
     * @throws IllegalArgumentException if the directory holds no lab sources
     */
    public Grading gradeWithTimelines(Path directory) {
        Submission submission = Submission.locate(directory);
        Path work = createWorkDirectory();
        Map<String, Long> phases = Collections.synchronizedMap(new LinkedHashMap<>());
        try {
            long start = System.nanoTime();
            TrustedClasspath trusted = TrustedClasspath.extract(work.resolve("trusted"));
            Path sources = StepCompiler.copySources(submission, work.resolve("src"));
            phases.put("prepare", millisSince(start));
            submission.ignored().forEach(file -> progress.println("  ignored: lab/" + file));
            StepCompiler compiler = new StepCompiler(trusted.runtime());
            Sandbox sandbox = new Sandbox(SandboxLimits.standard(), trusted, work.resolve("runs"));
            Map<Step, StepEvidence> evidence = new EnumMap<>(Step.class);
            for (Step step : Step.values()) {
                String mainFile = step.fileName();
                CompileResult compiled = compiler.compile(submission, mainFile, sources, work.resolve("classes").resolve(step.id()));
                phases.put("compile " + step.id(), compiled.millis());
                evidence.put(step, StepEvidence.create(step, submission, compiled, sandbox, phases));
            }
            GradingSession.open(evidence);
            List<StepResult> steps;
            try {
                steps = new SuiteRunner(progress).run();
            } finally {
                GradingSession.close();
            }
            phases.put("total", millisSince(start));
            int score = steps.stream().mapToInt(StepResult::score).sum();
            ProtectedFiles protectedFiles = submission.repositoryRoot()
                    .map(root -> new ProtectedFilesCheck(TemplateFiles.bundled()).check(root))
                    .orElse(ProtectedFiles.notChecked());
            Map<String, RunTimeline> summaries = new LinkedHashMap<>();
            Map<String, String> pages = new LinkedHashMap<>();
            Map<String, String> markdown = new LinkedHashMap<>();
            for (Step step : Step.values()) {
                readTimeline(evidence.get(step)).ifPresent(timeline -> {
                    String title = step.title() + ", main run";
                    summaries.put(step.id(), TimelineReport.summarize(timeline));
                    pages.put(step.id(), timeline.html(title));
                    markdown.put(step.id(), TimelineReport.markdown(timeline, title, Grading.pageName(step.id())));
                });
            }
            GradeReport report = new GradeReport(score, MAX_SCORE, directory.toString(), Instant.now(), version(), steps,
                    inOrder(phases), protectedFiles, summaries);
            return new Grading(report, pages, markdown);
        } finally {
            if (!keepWork) {
                FileTrees.deleteQuietly(work);
            } else {
                progress.println("  scratch directory kept: " + work);
            }
        }
    }

    /** A copy of the phases in the order they ran (the grade report lists them so). */
    private static Map<String, Long> inOrder(Map<String, Long> phases) {
        synchronized (phases) {
            return new LinkedHashMap<>(phases);
        }
    }

    /**
     * The picture of a step's main run whenever it ran: from its trace, or a main lane alone for a
     * program that never used the runtime, with what still ran drawn up to the moment a stopped run was
     * stopped; none for a step whose main never ran.
     */
    private static Optional<Timeline> readTimeline(StepEvidence evidence) {
        return evidence.mainIfRan().map(RunResult::picture);
    }

    private static Path createWorkDirectory() {
        try {
            return Files.createTempDirectory("grader-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a scratch directory for grading", e);
        }
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
