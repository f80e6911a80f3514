package grader.report;

import grader.json.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("score", report.score());
        root.put("output", ConsoleTable.render(report));
        List<Object> tests = new ArrayList<>();
        for (StepResult step : report.steps()) {
            for (TestResult test : step.tests()) {
                tests.add(test(step, test));
            }
        }
        root.put("tests", tests);
        root.put("visibility", "visible");
        root.put("stdout_visibility", "hidden");
        return Json.writePretty(root);
    }

    private static Map<String, Object> test(StepResult step, TestResult test) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", ReportText.oneLine(step.title()) + NAME_SEPARATOR + ReportText.oneLine(test.name()));
        map.put("score", test.score());
        map.put("max_score", test.maxScore());
        map.put("status", test.passed() ? "passed" : "failed");
        map.put("output", output(test));
        return map;
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
