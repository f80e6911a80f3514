package grader.cli;

import grader.Grader;
import grader.report.ConsoleTable;
import grader.report.GradeReport;
import grader.report.ReportWriter;
import grader.sandbox.Submission;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code grade <submission> [--out DIR] [--keep-work]}: grades one submission and writes the reports. */
@Command(name = "grade", header = "Grade one submission and write the reports.",
        description = {
            "<submission> is a directory holding src/main/java/lab/*.java: the exercises/ module of a student "
                    + "repository, a repository root that contains exercises/, or solutions/. Only the .java "
                    + "files of package lab are used; nothing else from the submission reaches a class path.",
            "",
            "Prints one line per test as it finishes, then a table per step. Given a repository root, it also "
                    + "checks that the protected files (workflow, poms, wrapper, runtime, public tests) match "
                    + "the template."},
        footer = {
            "Reports written to --out:",
            "  grade.json            the grade, per step and per test",
            "  classroom/            GitHub Classroom reporter payloads per step",
            "  summary.md            the GitHub Actions job summary",
            "  results.json          Gradescope's format",
            "  junit.xml             JUnit XML",
            "  annotations.txt       GitHub workflow commands that pin compile errors and",
            "                        forbidden calls to lines of code",
            "  timeline-<step>.html  each step's run: a lane per process, a bar per task",
            "                        (the summary has the same as a chart)"})
final class GradeCommand implements Callable<Integer> {
    private final PrintStream out;

    @Spec
    private CommandSpec spec;

    @Mixin
    private HelpOption help;

    @Parameters(paramLabel = "<submission>", description = "The submission to grade.")
    private Path submission;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "grade-report",
            description = "Where to write the reports (default: ${DEFAULT-VALUE}/).")
    private Path reportDir;

    @Option(names = "--keep-work", description = "Keep the grader's scratch directory (compiled classes, each "
            + "run's trace and output) and print where it is.")
    private boolean keepWork;

    /** The command, printing its progress and result to {@code out}. */
    GradeCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws IOException {
        try {
            // Not a directory, or one without lab sources: the wrong argument, told before grading starts.
            // Only this check's refusal is a usage error, not one from the grading itself.
            Submission.locate(submission);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        out.println("Grading " + submission + " ...");
        Grader.Grading grading = new Grader(out, keepWork).gradeWithTimelines(submission);
        GradeReport report = grading.report();
        ReportWriter.writeAll(report, reportDir, grading.timelineMarkdown());
        for (Map.Entry<String, String> page : grading.timelinePages().entrySet()) {
            Files.writeString(reportDir.resolve(Grader.Grading.pageName(page.getKey())), page.getValue());
        }
        out.println();
        out.print(ConsoleTable.render(report));
        if (report.protectedFiles().checked() && !report.protectedFiles().intact()) {
            out.println("Protected files that differ from the template (they do not change the grade): "
                    + String.join(", ", report.protectedFiles().describe()));
        }
        out.println("Reports written to " + reportDir.toAbsolutePath().normalize());
        return Main.OK;
    }
}
