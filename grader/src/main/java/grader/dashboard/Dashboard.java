package grader.dashboard;

import grader.report.ReportFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The instructor's class dashboard: {@code dashboard <grades-dir> [--classroom grades.csv] [--out
 * dashboard.html]} reads one grade file per student (and the batch grader's records, and GitHub
 * Classroom's export when given) and writes a single HTML page with the overview, the pass rates per
 * step and test, the commonest failures, and a sortable, filterable table of students with their
 * flags, tests and each step's run timeline.
 */
public final class Dashboard {
    /** The command's usage line. */
    public static final String USAGE = "dashboard <grades-dir> [--classroom grades.csv] [--out dashboard.html]";
    /** The command's entry for the "Commands:" part of the grader's help, in its layout. */
    public static final String HELP_COMMAND = """
              dashboard <grades-dir>
                                   Write the class dashboard: one self-contained HTML page that loads
                                   nothing (it opens from disk or GitHub Pages) with the score overview,
                                   the pass rate per step and per test, the commonest failures, and a
                                   table of students to sort, filter, export as CSV and open test by
                                   test. <grades-dir> holds one <login>.json grade file per student and
                                   the batch grader's records in .batch/. Students are flagged for: no
                                   submission, not graded, Classroom points that differ from the grade,
                                   changed protected files, a grading error or timeout.
            """;
    /** The command's options for the grader's help, in its layout. */
    public static final String HELP_OPTIONS = """
            Options for dashboard:
              --classroom FILE     GitHub Classroom's grades export (grades.csv): lists the students
                                   without a grade file and compares Classroom's points with the grade.
              --out FILE           The page to write (default: dashboard.html).
            """;

    private Dashboard() {
    }

    /**
     * Runs the command with the arguments after its name, prints one summary line to {@code out} and
     * any warnings to {@code err}, and returns the exit code, 0.
     *
     * @throws IllegalArgumentException for a usage error, saying what is wrong
     * @throws IOException              when a file cannot be read or the page cannot be written
     */
    public static int run(List<String> args, PrintStream out, PrintStream err) throws IOException {
        long start = System.nanoTime();
        DashboardOptions options = DashboardOptions.parse(args);
        List<StudentRecord> students = students(options.gradesDir(), options.classroom());
        String page = page(students, Instant.now());
        Path written = ReportFiles.write(options.out(), page);
        long unreadable = students.stream().filter(s -> s.gradeFileError() != null || s.batchRecordError() != null).count();
        if (unreadable > 0) {
            err.println("dashboard: " + unreadable + (unreadable == 1 ? " student's files" : " students' files")
                    + " could not be read; the page flags them with \"" + FlagKind.GRADING_ERROR.label() + "\".");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        out.println(String.format(Locale.ROOT, "Dashboard of %d students written to %s (%s) in %.1f s.",
                students.size(), written.toAbsolutePath().normalize(), size(Files.size(written)), seconds));
        return 0;
    }

    /**
     * Writes the dashboard for the grades in {@code gradesDir} to {@code out}, and returns its path.
     *
     * @param classroom GitHub Classroom's grades export, or {@code null}
     * @param generated the time the page says it was made
     */
    public static Path write(Path gradesDir, Path classroom, Path out, Instant generated) throws IOException {
        return ReportFiles.write(out, page(students(gradesDir, classroom), generated));
    }

    /** Everyone in the grades directory, joined with the Classroom export when there is one. */
    static List<StudentRecord> students(Path gradesDir, Path classroom) throws IOException {
        List<StudentRecord> graded = GradeDirectory.read(gradesDir);
        return classroom == null ? graded : Roster.merge(graded, ClassroomCsv.read(classroom));
    }

    /** The page for {@code students}. */
    static String page(List<StudentRecord> students, Instant generated) {
        return DashboardPage.render(DashboardData.json(students, ClassAggregate.of(students), generated));
    }

    private static String size(long bytes) {
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.0f KiB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
    }
}
