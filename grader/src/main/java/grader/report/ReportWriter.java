package grader.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes every report file for one grade into a directory:
 * <ul>
 *   <li>{@code grade.json} ({@link GradeJson}): the grade as data;</li>
 *   <li>{@code classroom/<runner>.json}, {@code classroom/outputs.env}, {@code classroom/runners.txt}
 *       ({@link ClassroomResults}): what GitHub Classroom's reporter reads;</li>
 *   <li>{@code summary.md} ({@link SummaryMarkdown}): the Actions job summary;</li>
 *   <li>{@code results.json} ({@link GradescopeResults}): Gradescope's format;</li>
 *   <li>{@code junit.xml} ({@link JUnitXml}): for CI test viewers;</li>
 *   <li>{@code annotations.txt} ({@link GitHubAnnotations}): messages GitHub pins to lines of code.</li>
 * </ul>
 * The console table ({@link ConsoleTable}) is printed, not written.
 *
 * <p>Each file is attempted even when an earlier one fails: a bug in one format must not cost the
 * student the files that record the grade. {@code grade.json} goes first for the same reason.
 */
public final class ReportWriter {
    private ReportWriter() {
    }

    /** {@link #writeAll(GradeReport, Path, Map)} with no extra Markdown in the summary. */
    public static List<Path> writeAll(GradeReport report, Path dir) throws IOException {
        return writeAll(report, dir, Map.of());
    }

    /**
     * Writes every report file into {@code dir}, creating it if missing, and returns the files written.
     *
     * @param extraMarkdownByStep trusted Markdown the summary shows under each step's heading, by step
     *                            id (see {@link SummaryMarkdown}); the hook for per-step charts
     * @throws IOException if any file could not be written, after trying all of them; it names every
     *                     failed file and carries each cause as a suppressed exception
     */
    public static List<Path> writeAll(GradeReport report, Path dir, Map<String, String> extraMarkdownByStep)
            throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        List<Exception> failures = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        attempt(GradeJson.FILE_NAME, () -> written.add(GradeJson.write(report, dir)), failed, failures);
        attempt(ClassroomResults.DIRECTORY + "/", () -> written.addAll(ClassroomResults.write(report, dir)), failed, failures);
        attempt(SummaryMarkdown.FILE_NAME, () -> written.add(SummaryMarkdown.write(report, dir, extraMarkdownByStep)),
                failed, failures);
        attempt(GradescopeResults.FILE_NAME, () -> written.add(GradescopeResults.write(report, dir)), failed, failures);
        attempt(JUnitXml.FILE_NAME, () -> written.add(JUnitXml.write(report, dir)), failed, failures);
        attempt(GitHubAnnotations.FILE_NAME, () -> written.add(GitHubAnnotations.write(report, dir)), failed, failures);
        if (!failures.isEmpty()) {
            IOException error = new IOException("could not write " + String.join(", ", failed) + " in " + dir);
            failures.forEach(error::addSuppressed);
            throw error;
        }
        return List.copyOf(written);
    }

    private static void attempt(String name, FileWrite write, List<String> failed, List<Exception> failures) {
        try {
            write.run();
        } catch (IOException | RuntimeException e) {
            failed.add(name);
            failures.add(e);
        }
    }

    /** Writing one file: may throw. */
    @FunctionalInterface
    private interface FileWrite {
        void run() throws IOException;
    }
}
