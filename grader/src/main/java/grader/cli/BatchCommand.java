package grader.cli;

import grader.batch.BatchGrader;
import grader.batch.ChildJvmGrading;
import grader.export.TemplateFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code batch <dir> --out <grades-dir> [--jobs N]}: grades every student repository under a directory. */
@Command(name = "batch", header = "Grade every student repository under a directory.",
        description = {
            "<dir> holds one folder per student, named by login. Each repository is graded in a JVM and "
                    + "sandbox of its own, N at a time. A repository that cannot be graded never stops the batch.",
            "",
            "Resumable: a repository whose commit has not changed since its last grading is skipped."},
        footer = {
            "Files written to --out:",
            "  <login>.json          the student's grade (grade.json)",
            "  .batch/<login>.json   the commit, the status, whether the stubs were changed"})
final class BatchCommand implements Callable<Integer> {
    private final PrintStream out;

    @Spec
    private CommandSpec spec;

    @Mixin
    private HelpOption help;

    @Parameters(paramLabel = "<dir>", description = "The student repositories, one folder per login.")
    private Path batchDir;

    @Option(names = "--out", paramLabel = "<grades-dir>", required = true,
            description = "Where to write the grades; made if it does not exist.")
    private Path gradesDir;

    private int jobs = BatchGrader.defaultJobs();

    /** The command, printing its progress and summary to {@code out}. */
    BatchCommand(PrintStream out) {
        this.out = out;
    }

    /** A setter, not a field, so that 0 and "two" are refused with the same message while parsing. */
    @Option(names = "--jobs", paramLabel = "N",
            description = "How many repositories to grade at a time (default: half the processors, at least 1).")
    void jobs(String text) {
        try {
            int number = Integer.parseInt(text);
            if (number >= 1) {
                jobs = number;
                return;
            }
        } catch (NumberFormatException e) {
            // refused below, in the same words as 0
        }
        throw new ParameterException(spec.commandLine(), "--jobs needs a whole number of at least 1, not '" + text + "'");
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (!Files.isDirectory(batchDir)) {
            throw new ParameterException(spec.commandLine(), "the batch directory " + batchDir + " is not a directory");
        }
        BatchGrader.Summary summary = new BatchGrader(TemplateFiles.bundled(),
                new ChildJvmGrading(ChildJvmGrading.DEFAULT_TIME_LIMIT), jobs, out, System.console() != null)
                .run(batchDir, gradesDir);
        out.println("Grades in " + gradesDir.toAbsolutePath().normalize() + " (" + (summary.graded() + summary.skipped())
                + " students).");
        return Main.OK;
    }
}
