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
 * The instructor's class dashboard: it reads one grade file per student (and the batch grader's
 * records, and GitHub Classroom's export when given) and writes a single HTML page with the overview,
 * the pass rates per step and test, the commonest failures, and a sortable, filterable table of
 * students with their flags, tests and each step's run timeline. Its command line is the grader's
 * {@code dashboard} command.
 */
public final class Dashboard {
    private Dashboard() {
    }

    /**
     * Writes the dashboard for the grades in {@code gradesDir} to {@code page}, then prints one summary
     * line to {@code out} and, when some students' files could not be read, a warning to {@code err}.
     *
     * @param classroom GitHub Classroom's grades export, or {@code null}
     * @throws IllegalArgumentException when {@code gradesDir} is not a directory, or when the Classroom
     *                                  file is not such an export (the message names the file and says why)
     * @throws IOException              when a file cannot be read or the page cannot be written
     */
    public static void run(Path gradesDir, Path classroom, Path page, PrintStream out, PrintStream err)
            throws IOException {
        long start = System.nanoTime();
        List<StudentRecord> students = students(gradesDir, classroom);
        Path written = ReportFiles.write(page, page(students, Instant.now()));
        long unreadable = students.stream().filter(s -> s.gradeFileError() != null || s.batchRecordError() != null).count();
        if (unreadable > 0) {
            err.println("dashboard: " + unreadable + (unreadable == 1 ? " student's files" : " students' files")
                    + " could not be read; the page flags them with \"" + FlagKind.GRADING_ERROR.label() + "\".");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        out.println(String.format(Locale.ROOT, "Dashboard of %d students written to %s (%s) in %.1f s.",
                students.size(), written.toAbsolutePath().normalize(), size(Files.size(written)), seconds));
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
