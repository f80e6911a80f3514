package grader.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code annotations.txt}: GitHub Actions workflow commands that pin messages to lines of the student's
 * code. The scoring workflow prints the file, and GitHub shows each message on the file's diff and in
 * the run's overview.
 *
 * <ul>
 *   <li>{@code ::error file=...,line=...,title=...::message} for each test that did not pass and names
 *       a line of code: compile errors and forbidden calls;</li>
 *   <li>{@code ::warning file=...,title=...::message} for each protected file that differs from the
 *       template, because a student who edits the pom or the public tests should learn at once that
 *       it changes nothing.</li>
 * </ul>
 *
 * <p>GitHub shows at most 10 errors and 10 warnings per step, so the file holds no more than that.
 * Every value is escaped the way the runner unescapes it ({@code %}, CR and LF everywhere; {@code :}
 * and {@code ,} in properties too), so a message can never end its line and start a command of its
 * own, such as a forged points notice. File paths are relative to the graded directory, which in the
 * workflow is the repository root.
 */
public final class GitHubAnnotations {
    /** The file's name inside the report directory. */
    public static final String FILE_NAME = "annotations.txt";
    /** GitHub's display limit per step and kind. */
    static final int MAX_PER_KIND = 10;
    private static final int MAX_MESSAGE_CHARS = 2_000;

    private GitHubAnnotations() {
    }

    /** Writes {@code annotations.txt} into {@code dir} and returns its path. */
    public static Path write(GradeReport report, Path dir) throws IOException {
        return ReportFiles.write(dir.resolve(FILE_NAME), render(report));
    }

    /** The workflow commands, one per line; empty when there is nothing to show on the code. */
    public static String render(GradeReport report) {
        List<String> errors = new ArrayList<>();
        for (StepResult step : report.steps()) {
            for (TestResult test : step.tests()) {
                if (!test.passed() && test.location() != null && errors.size() < MAX_PER_KIND) {
                    errors.add("::error file=" + property(test.location().file())
                            + ",line=" + Math.max(1, test.location().line())
                            + ",title=" + property(step.title() + ": " + test.name())
                            + "::" + data(test.message()));
                }
            }
        }
        List<String> warnings = new ArrayList<>();
        for (ProtectedFiles.Change change : report.protectedFiles().changes()) {
            if (warnings.size() == MAX_PER_KIND) {
                break;
            }
            warnings.add("::warning file=" + property(change.path())
                    + ",title=" + property("Protected file changed")
                    + "::" + data("This file is part of the lab's set-up and differs from the template: " + change
                    + ". It does not change your grade (the grader uses its own copy), and your instructor"
                    + " sees the change. See GRADING.md."));
        }
        StringBuilder out = new StringBuilder();
        errors.forEach(line -> out.append(line).append('\n'));
        warnings.forEach(line -> out.append(line).append('\n'));
        return out.toString();
    }

    /** A message: cleaned, shortened, with the characters the runner treats specially escaped. */
    static String data(String text) {
        String clean = ReportText.truncate(ReportText.clean(text).strip(), MAX_MESSAGE_CHARS);
        return clean.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** A property value: as {@link #data}, and {@code :} and {@code ,} escaped too. */
    static String property(String text) {
        return data(ReportText.oneLine(text)).replace(":", "%3A").replace(",", "%2C");
    }
}
