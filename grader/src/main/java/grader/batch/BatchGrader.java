package grader.batch;

import grader.Grader;
import grader.export.TemplateFiles;
import grader.report.GradeJson;
import grader.report.GradeReport;
import grader.sandbox.FileTrees;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Grades every student repository under a directory, a few at a time, into one grade file per
 * student: {@code <grades-dir>/<login>.json} (the {@code grade.json} of one grading) and its
 * {@link BatchRecord} in {@code <grades-dir>/.batch/<login>.json}.
 *
 * <p>Resumable: a repository whose commit key and grader version match its record, and whose grade
 * file exists, is skipped, so a stopped batch continues where it was and a nightly regrade only
 * grades what changed. A repository that cannot be graded gets a record saying why and never stops
 * the batch.
 */
public final class BatchGrader {
    private final TemplateFiles template;
    private final SingleGrading grading;
    private final int jobs;
    private final PrintStream out;
    private final boolean interactive;
    private final String graderIdentity = graderIdentity();

    /**
     * @param template    the template, to tell untouched stubs from a submission
     * @param grading     how one repository is graded
     * @param jobs        how many repositories are graded at a time, at least 1
     * @param out         where progress goes
     * @param interactive true on a terminal: one progress line redrawn in place; false (CI logs):
     *                    one line per repository
     */
    public BatchGrader(TemplateFiles template, SingleGrading grading, int jobs, PrintStream out, boolean interactive) {
        if (jobs < 1) {
            throw new IllegalArgumentException("--jobs must be at least 1, not " + jobs);
        }
        this.template = template;
        this.grading = grading;
        this.jobs = jobs;
        this.out = out;
        this.interactive = interactive;
    }

    /**
     * The grader as a batch record names it: its version plus a hash of its jar, so that a rebuilt
     * grader (a fixed test, a new rule) regrades everything even when the version string is the same.
     * Run from a build directory (tests), only the version.
     */
    static String graderIdentity() {
        try {
            Path location = Path.of(BatchGrader.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(location)) {
                return Grader.version() + " " + TemplateFiles.sha256(Files.readAllBytes(location)).substring(0, 16);
            }
        } catch (URISyntaxException | IOException | RuntimeException e) {
            // fall through: the version alone
        }
        return Grader.version();
    }

    /** The default number of jobs: half the processors, at least one (each grading runs two steps at a time). */
    public static int defaultJobs() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }

    /**
     * What a batch did.
     *
     * @param graded   repositories graded in this run
     * @param skipped  repositories skipped because nothing changed since their last grading
     * @param failed   repositories that could not be graded (error or timeout), by login
     * @param elapsed  the batch's wall time
     */
    public record Summary(int graded, int skipped, List<String> failed, Duration elapsed) {
        /** Defensive copy. */
        public Summary {
            failed = List.copyOf(failed);
        }
    }

    /** Grades every repository under {@code batchDir} into {@code gradesDir}. */
    public Summary run(Path batchDir, Path gradesDir) throws IOException, InterruptedException {
        List<StudentRepository> repositories = StudentRepository.under(batchDir);
        Files.createDirectories(gradesDir.resolve(BatchRecord.DIRECTORY));
        Path scratch = Files.createTempDirectory("grader-batch-");
        Tally tally = new Tally(repositories.size());
        out.println("Grading " + repositories.size() + " repositories under " + batchDir + ", " + jobs + " at a time.");
        ExecutorService pool = Executors.newFixedThreadPool(jobs, runnable -> {
            Thread thread = new Thread(runnable, "batch-grading");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (StudentRepository repository : repositories) {
                futures.add(pool.submit(() -> {
                    gradeOne(repository, gradesDir, scratch, tally);
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    // gradeOne records every problem of a repository; this is a bug of the batch itself.
                    throw new IllegalStateException("the batch failed", e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
            FileTrees.deleteQuietly(scratch);
        }
        if (interactive) {
            out.println();
        }
        Summary summary = tally.summary();
        out.println("Done in " + Progress.human(summary.elapsed()) + ": " + summary.graded() + " graded, "
                + summary.skipped() + " unchanged and skipped, " + summary.failed().size() + " could not be graded"
                + (summary.failed().isEmpty() ? "." : " (" + String.join(", ", summary.failed()) + "; see "
                + gradesDir.resolve(BatchRecord.DIRECTORY) + ")."));
        return summary;
    }

    private void gradeOne(StudentRepository repository, Path gradesDir, Path scratch, Tally tally)
            throws InterruptedException {
        long start = System.nanoTime();
        String key;
        boolean submitted;
        try {
            key = repository.commitKey();
            submitted = repository.submitted(template);
        } catch (UncheckedIOException e) {
            record(new BatchRecord(repository.login(), repository.path().toString(), "", graderIdentity,
                    BatchRecord.Status.ERROR, "cannot read the repository: " + e.getMessage(), false, Instant.now(),
                    seconds(start)), gradesDir, tally, "could not read it");
            return;
        }
        Path gradeFile = gradesDir.resolve(repository.login() + ".json");
        Optional<BatchRecord> previous = BatchRecord.read(gradesDir, repository.login());
        if (previous.isPresent() && previous.get().status() == BatchRecord.Status.GRADED
                && key.equals(previous.get().commit()) && graderIdentity.equals(previous.get().graderVersion())
                && Files.isRegularFile(gradeFile)) {
            tally.skipped(repository.login(), this);
            return;
        }
        Path reportDir = scratch.resolve(repository.login());
        SingleGrading.Outcome outcome;
        try {
            outcome = grading.grade(repository, reportDir);
        } catch (RuntimeException e) {
            // One repository's trouble, whatever it is, stays that repository's.
            outcome = new SingleGrading.Outcome(BatchRecord.Status.ERROR, "the grading failed: " + e);
        }
        String last = outcome.status().word();
        if (outcome.status() == BatchRecord.Status.GRADED) {
            try {
                GradeReport report = GradeJson.read(reportDir.resolve(GradeJson.FILE_NAME));
                AtomicFiles.copy(reportDir.resolve(GradeJson.FILE_NAME), gradeFile);
                last = report.score() + "/" + report.maxScore();
            } catch (IOException | RuntimeException e) {
                outcome = new SingleGrading.Outcome(BatchRecord.Status.ERROR, "the grade file is unreadable: " + e.getMessage());
                last = "error";
            }
        }
        record(new BatchRecord(repository.login(), repository.path().toString(), key, graderIdentity,
                outcome.status(), outcome.message(), submitted, Instant.now(), seconds(start)), gradesDir, tally, last);
        FileTrees.deleteQuietly(reportDir);
    }

    private void record(BatchRecord record, Path gradesDir, Tally tally, String last) {
        try {
            record.write(gradesDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the batch record of " + record.login(), e);
        }
        tally.finished(record, last, this);
    }

    private void show(String line) {
        if (interactive) {
            out.print("\r" + line + "\u001b[K");
        } else {
            out.println(line);
        }
        out.flush();
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** Counts shared by the grading threads; each change redraws the progress line. */
    private static final class Tally {
        private final int total;
        private final long start = System.nanoTime();
        private final List<String> failed = new ArrayList<>();
        private int graded;
        private int skipped;

        Tally(int total) {
            this.total = total;
        }

        synchronized void skipped(String login, BatchGrader batch) {
            skipped++;
            batch.show(line(login + " unchanged, skipped"));
        }

        synchronized void finished(BatchRecord record, String last, BatchGrader batch) {
            if (record.status() == BatchRecord.Status.GRADED) {
                graded++;
            } else {
                failed.add(record.login());
            }
            batch.show(line(record.login() + " " + last));
        }

        private String line(String last) {
            int done = graded + skipped + failed.size();
            int gradedNow = graded + failed.size();
            return Progress.line(done, total, gradedNow, Duration.ofNanos(System.nanoTime() - start), last);
        }

        synchronized Summary summary() {
            List<String> sorted = new ArrayList<>(failed);
            sorted.sort(null);
            return new Summary(graded, skipped, sorted, Duration.ofNanos(System.nanoTime() - start));
        }
    }
}
