package grader.cli;

import grader.dashboard.Dashboard;
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

/**
 * {@code dashboard <grades-dir> [--classroom grades.csv] [--out dashboard.html]}: writes the class
 * dashboard ({@link Dashboard}) from a directory of grades.
 */
@Command(name = "dashboard", header = "Write the class dashboard from a directory of grades.",
        description = {
            "Writes one self-contained HTML page that loads nothing (it opens from disk or GitHub Pages) with "
                    + "the score overview, the pass rate per step and per test, the commonest failures, and a "
                    + "table of students to sort, filter, export as CSV and open test by test.",
            "",
            "Students are flagged for: no submission, not graded, Classroom points that differ from the "
                    + "grade, changed protected files, a grading error or timeout. A grade file that cannot be "
                    + "read is flagged, not fatal."})
final class DashboardCommand implements Callable<Integer> {
    private final PrintStream out;
    private final PrintStream err;

    @Spec
    private CommandSpec spec;

    @Mixin
    private HelpOption help;

    @Parameters(paramLabel = "<grades-dir>", description = "One <login>.json grade file per student, and the batch "
            + "grader's records in .batch/ (what batch --out writes).")
    private Path gradesDir;

    @Option(names = "--classroom", paramLabel = "FILE", description = "GitHub Classroom's grades export (grades.csv): "
            + "lists the students without a grade file and compares Classroom's points with the grade.")
    private Path classroom;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "dashboard.html",
            description = "The page to write (default: ${DEFAULT-VALUE}).")
    private Path page;

    /** The command, printing its summary line to {@code out} and its warnings to {@code err}. */
    DashboardCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(gradesDir)) {
            throw new ParameterException(spec.commandLine(), "the grades directory " + gradesDir
                    + " does not exist or is not a directory");
        }
        if (classroom != null && !Files.isRegularFile(classroom)) {
            throw new ParameterException(spec.commandLine(), "the Classroom grades file " + classroom + " does not exist");
        }
        if (Files.isDirectory(page)) {
            throw new ParameterException(spec.commandLine(), "--out " + page + " is a directory; give the HTML file to write");
        }
        Dashboard.run(gradesDir, classroom, page, out, err);
        return Main.OK;
    }
}
