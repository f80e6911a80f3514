package grader.cli;

import grader.Grader;
import grader.batch.BatchGrader;
import grader.batch.ChildJvmGrading;
import grader.dashboard.Dashboard;
import grader.export.TemplateExporter;
import grader.export.TemplateFiles;
import grader.report.ConsoleTable;
import grader.report.GradeReport;
import grader.report.ReportWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The grader's command line: {@code java -jar grader.jar <command> ...}.
 *
 * <p>Exit codes: 0 when the command did its job (for {@code grade}: grading completed, whatever the
 * score), 2 for a usage error, 1 when the grader itself could not run.
 */
public final class Main {
    static final String HELP = """
            multiprocessing-lab grader %s

            Usage:
              java -jar grader.jar grade <submission> [--out DIR] [--keep-work]
              java -jar grader.jar export <dir>
              java -jar grader.jar batch <dir> --out <grades-dir> [--jobs N]
              java -jar grader.jar %s
              java -jar grader.jar --help

            Commands:
              grade <submission>   Grade one submission and write the reports.
                                   <submission> is a directory holding src/main/java/lab/*.java: the
                                   exercises/ module of a student repository, a repository root that
                                   contains exercises/, or solutions/. Only the .java files of package
                                   lab are used; nothing else from the submission reaches a class path.
                                   Prints one line per test as it finishes, then a table per step.
                                   Given a repository root, it also checks that the protected files
                                   (workflow, poms, wrapper, runtime, public tests) match the template.
              export <dir>         Write the student template into <dir>: the stubs, public tests,
                                   guide (as README.md), runtime, Maven wrapper, Classroom workflow,
                                   devcontainer, .gitignore and GRADING.md. No solution, no hidden test,
                                   no grader code. Exporting over an older export updates it.
              batch <dir>          Grade every student repository checked out under <dir> (one folder
                                   per student, named by login), each in a JVM and sandbox of its own,
                                   N at a time (default: half the processors, at least 1). Writes
                                   <grades-dir>/<login>.json (grade.json) and <grades-dir>/.batch/<login>.json
                                   (commit, status, whether the stubs were changed). Resumable: a
                                   repository whose commit has not changed since its last grading is
                                   skipped. A repository that cannot be graded never stops the batch.
            %s
            Options for grade:
              --out DIR            Where to write the reports (default: grade-report/):
                                     grade.json          the grade, per step and per test
                                     classroom/          GitHub Classroom reporter payloads per step
                                     summary.md          the GitHub Actions job summary
                                     results.json        Gradescope's format
                                     junit.xml           JUnit XML
                                     annotations.txt     GitHub workflow commands that pin compile
                                                         errors and forbidden calls to lines of code
                                     timeline-<step>.html  each step's run: a lane per process, a bar
                                                         per task (the summary has the same as a chart)
              --keep-work          Keep the grader's scratch directory (compiled classes, each run's
                                   trace and output) and print where it is.

            %s
            Exit code: 0 when grading completed, whatever the score; 2 for a usage error; 1 when the
            grader itself could not run.
            """;

    private Main() {
    }

    /** Runs a command. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || List.of("--help", "-h", "help").contains(args[0])) {
            out.print(HELP.formatted(Grader.version(), Dashboard.USAGE, Dashboard.HELP_COMMAND.stripTrailing(),
                    Dashboard.HELP_OPTIONS));
            return args.length == 0 ? 2 : 0;
        }
        try {
            return switch (args[0]) {
                case "grade" -> grade(List.of(args).subList(1, args.length), out, err);
                case "export" -> export(List.of(args).subList(1, args.length), out);
                case "batch" -> batch(List.of(args).subList(1, args.length), out);
                case "dashboard" -> dashboard(List.of(args).subList(1, args.length), out, err);
                default -> usage(err, "unknown command '" + args[0] + "'");
            };
        } catch (UsageException e) {
            return usage(err, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("grader: interrupted");
            return 1;
        } catch (RuntimeException | IOException e) {
            err.println("grader: could not run: " + e);
            return 1;
        }
    }

    private static int grade(List<String> args, PrintStream out, PrintStream err) throws IOException {
        Path reportDir = Path.of("grade-report");
        boolean keepWork = false;
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--out" -> reportDir = Path.of(value(args, ++i, "--out needs a directory"));
                case "--keep-work" -> keepWork = true;
                default -> {
                    if (args.get(i).startsWith("--")) {
                        throw new UsageException("unknown option " + args.get(i));
                    }
                    positional.add(args.get(i));
                }
            }
        }
        if (positional.size() != 1) {
            throw new UsageException("grade takes exactly one submission directory");
        }
        Path submission = Path.of(positional.get(0));
        if (!Files.isDirectory(submission)) {
            throw new UsageException("the submission " + submission + " is not a directory");
        }
        out.println("Grading " + submission + " ...");
        Grader.Grading grading;
        try {
            grading = new Grader(out, keepWork).gradeWithTimelines(submission);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
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
        return 0;
    }

    private static int export(List<String> args, PrintStream out) throws IOException {
        if (args.size() != 1 || args.get(0).startsWith("--")) {
            throw new UsageException("export takes exactly one directory: java -jar grader.jar export <dir>");
        }
        Path target = Path.of(args.get(0));
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new UsageException(target + " exists and is not a directory");
        }
        TemplateExporter.Result result = new TemplateExporter(TemplateFiles.bundled()).export(target);
        out.println("Student template exported to " + target.toAbsolutePath().normalize() + ": "
                + result.written().size() + " files written, " + result.unchanged().size() + " unchanged, "
                + result.removed().size() + " removed.");
        result.removed().forEach(path -> out.println("  removed (no longer in the template): " + path));
        out.println("Next: commit and push it as the assignment's template repository (README, \"Instructor set-up\").");
        return 0;
    }

    private static int batch(List<String> args, PrintStream out) throws IOException, InterruptedException {
        Path gradesDir = null;
        int jobs = BatchGrader.defaultJobs();
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--out" -> gradesDir = Path.of(value(args, ++i, "--out needs a directory"));
                case "--jobs" -> jobs = positiveNumber(value(args, ++i, "--jobs needs a number"), "--jobs");
                default -> {
                    if (args.get(i).startsWith("--")) {
                        throw new UsageException("unknown option " + args.get(i));
                    }
                    positional.add(args.get(i));
                }
            }
        }
        if (positional.size() != 1 || gradesDir == null) {
            throw new UsageException("batch takes one directory of student repositories and --out <grades-dir>");
        }
        Path batchDir = Path.of(positional.get(0));
        if (!Files.isDirectory(batchDir)) {
            throw new UsageException("the batch directory " + batchDir + " is not a directory");
        }
        BatchGrader.Summary summary = new BatchGrader(TemplateFiles.bundled(),
                new ChildJvmGrading(ChildJvmGrading.DEFAULT_TIME_LIMIT), jobs, out, System.console() != null)
                .run(batchDir, gradesDir);
        out.println("Grades in " + gradesDir.toAbsolutePath().normalize() + " (" + (summary.graded() + summary.skipped())
                + " students).");
        return 0;
    }

    private static int dashboard(List<String> args, PrintStream out, PrintStream err) throws IOException {
        try {
            return Dashboard.run(args, out, err);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static String value(List<String> args, int index, String problem) {
        if (index >= args.size()) {
            throw new UsageException(problem);
        }
        return args.get(index);
    }

    private static int positiveNumber(String text, String option) {
        try {
            int number = Integer.parseInt(text);
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(option + " needs a whole number of at least 1, not '" + text + "'");
    }

    private static int usage(PrintStream err, String problem) {
        err.println("grader: " + problem);
        err.println("Run java -jar grader.jar --help for the commands and options.");
        return 2;
    }

    /** A command line that does not fit the usage. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
