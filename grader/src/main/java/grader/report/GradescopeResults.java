package grader.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import grader.json.GraderJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code results.json} in Gradescope's autograder format, for courses that grade the lab there
 * ({@code run_autograder} copies it to {@code /autograder/results/results.json}):
 * <pre>{@code
 * {"score": 73, "output": "...", "tests": [{"name": "Step 1: square › ...", "score": 5, "max_score": 5,
 *   "status": "passed", "output": "..."}], "visibility": "visible", "stdout_visibility": "hidden"}
 * }</pre>
 * The top-level {@code score} is the grade itself (Gradescope then ignores the sum of the tests).
 * Gradescope knows only {@code passed} and {@code failed}, so an error or a timeout is {@code failed}
 * and its output starts with {@code [error]} or {@code [timeout]}. Outputs are plain text, which
 * Gradescope shows escaped in a {@code <pre>}; they are cleaned and cut at {@value #MAX_OUTPUT_CHARS}
 * characters. The grader's own stdout stays hidden from students: it may hold internals.
 */
public final class GradescopeResults {
    /** The file's name inside the report directory. */
    public static final String FILE_NAME = "results.json";
    /** The longest output of one test, in characters. */
    public static final int MAX_OUTPUT_CHARS = 16_000;
    /** Joins a step's title and a test's name into the test's Gradescope name. */
    static final String NAME_SEPARATOR = " › ";

    private GradescopeResults() {
    }

    /** Writes {@code results.json} into {@code dir} and returns its path. */
    public static Path write(GradeReport report, Path dir) throws IOException {
        return ReportFiles.write(dir.resolve(FILE_NAME), toJson(report));
    }

    /** The results as pretty-printed JSON text. */
    public static String toJson(GradeReport report) {
        List<Test> tests = new ArrayList<>();
        for (StepResult step : report.steps()) {
            for (TestResult test : step.tests()) {
                tests.add(Test.of(step, test));
            }
        }
        return GraderJson.writePretty(new Results(report.score(), ConsoleTable.render(report), tests, "visible", "hidden"));
    }

    /** The whole file, keys in the order of the components. */
    private record Results(int score, String output, List<Test> tests, String visibility,
                           @JsonProperty("stdout_visibility") String stdoutVisibility) {
    }

    /** One test. */
    private record Test(String name, int score, @JsonProperty("max_score") int maxScore, String status, String output) {

        static Test of(StepResult step, TestResult test) {
            return new Test(ReportText.oneLine(step.title()) + NAME_SEPARATOR + ReportText.oneLine(test.name()),
                    test.score(), test.maxScore(), test.passed() ? "passed" : "failed", GradescopeResults.output(test));
        }
    }

    private static String output(TestResult test) {
        StringBuilder out = new StringBuilder();
        if (test.status() == TestStatus.ERROR || test.status() == TestStatus.TIMEOUT) {
            out.append('[').append(test.status().word()).append("] ");
        }
        // Cut the message, not the whole output, so the location line always survives.
        out.append(ReportText.truncate(ReportText.clean(test.message()).strip(), MAX_OUTPUT_CHARS - 500));
        if (test.location() != null) {
            out.append("\n\nAt ").append(ReportText.truncate(ReportText.oneLine(test.location().file()), 400, "..."))
                    .append(", line ").append(test.location().line());
        }
        return out.toString().strip();
    }
}
