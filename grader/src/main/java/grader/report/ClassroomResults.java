package grader.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import grader.json.GraderJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The results GitHub Classroom's reporter action ({@code classroom-resources/autograding-grading-reporter@v1})
 * reads: one "runner" per step.
 *
 * <p>Files, in {@code classroom/} under the report directory:
 * <ul>
 *   <li>{@code <runner>.json}: the runner's results as plain JSON, for people and for debugging;</li>
 *   <li>{@code outputs.env}: one line {@code <RUNNER>_RESULTS=<base64 of that JSON>} per runner, which a
 *       workflow appends to {@code $GITHUB_OUTPUT} (or {@code $GITHUB_ENV}) and hands to the reporter;</li>
 *   <li>{@code runners.txt}: the reporter's {@code runners} input, such as {@code square,complexsquare,queue,slowsquare}.</li>
 * </ul>
 *
 * <p>A runner's JSON: {@code {"version": 1, "status": "pass"|"fail"|"error", "max_score": <step max>,
 * "tests": [{"name", "status": "pass"|"fail"|"error", "score", "message", "line_no", "test_code": ""}]}}.
 * The runner id is the step id without its non-alphanumeric characters ({@code complex_square} becomes
 * {@code complexsquare}) because the reporter accepts only {@code ^[a-zA-Z0-9]+$} ids.
 *
 * <p><b>Why the grader keeps points equal within a step.</b> The reporter computes two totals. The points
 * Classroom records come from its {@code Points X/Y} notice: X sums every test's {@code score}, Y sums the
 * runners' {@code max_score}. The table the student reads in the log instead gives each runner
 * (tests with status {@code pass} / all tests) &times; {@code max_score}. The two agree only when all tests
 * of a runner carry the same points, so the grader gives every test of a step the same weight; with
 * unequal weights the student would read one total in the log and find another in Classroom.
 * {@code ClassroomReporterTest} replays both computations against {@code grade.json}.
 *
 * <p>Messages here are shortened to {@value #MAX_MESSAGE_CHARS} characters and put on one line: GitHub
 * caps step outputs at 1 MB per job, and the reporter prints them into the job log, where a line that
 * starts with {@code ::} is a workflow command (it could forge the "Points" notice). The full text is in
 * the job summary and in {@code grade.json}.
 */
public final class ClassroomResults {
    /** The directory, inside the report directory, that holds these files. */
    public static final String DIRECTORY = "classroom";
    /** The file holding the {@code <RUNNER>_RESULTS=<base64>} lines. */
    public static final String OUTPUTS_FILE = "outputs.env";
    /** The file holding the comma-separated runner ids. */
    public static final String RUNNERS_FILE = "runners.txt";
    /** The longest message, in characters, put in a runner's results. */
    public static final int MAX_MESSAGE_CHARS = 500;

    /** What a shortened message ends with: the student finds the rest in the job summary. */
    static final String SHORTENED = " [... shortened; the job summary has the full message]";

    private ClassroomResults() {
    }

    /**
     * Writes {@code classroom/<runner>.json} for each step, {@code classroom/outputs.env} and
     * {@code classroom/runners.txt} under {@code dir}, and returns the paths written.
     *
     * @throws IllegalArgumentException if a step id has no letter or digit, or two steps map to one runner id
     */
    public static List<Path> write(GradeReport report, Path dir) throws IOException {
        List<String> runners = runnerIds(report);
        Path classroom = dir.resolve(DIRECTORY);
        List<Path> written = new ArrayList<>();
        StringBuilder env = new StringBuilder();
        for (int i = 0; i < runners.size(); i++) {
            String json = json(report.steps().get(i));
            written.add(ReportFiles.write(classroom.resolve(runners.get(i) + ".json"), json + "\n"));
            env.append(envLine(runners.get(i), json)).append('\n');
        }
        written.add(ReportFiles.write(classroom.resolve(OUTPUTS_FILE), env.toString()));
        written.add(ReportFiles.write(classroom.resolve(RUNNERS_FILE), String.join(",", runners) + "\n"));
        return written;
    }

    /** The runner id of a step: its id without the characters the reporter rejects. */
    public static String runnerId(String stepId) {
        return stepId.replaceAll("[^A-Za-z0-9]", "");
    }

    /**
     * The runner ids of the report's steps, in order.
     *
     * @throws IllegalArgumentException if an id would be empty or repeated: the reporter could not tell
     *                                  the runners apart, and a lost runner is a lost grade
     */
    public static List<String> runnerIds(GradeReport report) {
        List<String> runners = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (StepResult step : report.steps()) {
            String runner = runnerId(step.id());
            if (runner.isEmpty()) {
                throw new IllegalArgumentException("step id \"" + step.id() + "\" has no letter or digit to make a runner id");
            }
            if (!seen.add(runner.toUpperCase(Locale.ROOT))) {
                throw new IllegalArgumentException("two steps share the runner id " + runner);
            }
            runners.add(runner);
        }
        return runners;
    }

    /** The environment variable the reporter reads a runner's results from, such as {@code COMPLEXSQUARE_RESULTS}. */
    public static String variableName(String runner) {
        return runner.toUpperCase(Locale.ROOT) + "_RESULTS";
    }

    /** One line of {@code outputs.env}: the variable, {@code =}, and the JSON's UTF-8 bytes in standard base64. */
    static String envLine(String runner, String json) {
        return variableName(runner) + "=" + Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** A step's results as the compact JSON the reporter decodes. */
    public static String json(StepResult step) {
        return GraderJson.write(new Runner(1, runnerStatus(step), step.maxScore(),
                step.tests().stream().map(Runner.Test::of).toList()));
    }

    /** A runner's results, keys in the order of the components. */
    private record Runner(int version, String status, @JsonProperty("max_score") int maxScore, List<Test> tests) {

        /**
         * One test. {@code execution_time} is left out: the model keeps no per-test time, and the
         * reporter does not read it. {@code line_no} is always present, because the reporter prints
         * "- line N" for any value other than 0, including a missing one.
         */
        private record Test(String name, String status, int score, String message, @JsonProperty("line_no") int lineNo,
                            @JsonProperty("test_code") String testCode) {

            static Test of(TestResult test) {
                return new Test(logSafe(ReportText.oneLine(test.name())), testStatus(test.status()), test.score(),
                        ClassroomResults.message(test), test.location() == null ? 0 : test.location().line(), "");
            }
        }
    }

    /**
     * The runner's status: {@code pass} when every test passed, {@code error} when some test errored or
     * timed out and none failed, else {@code fail}. A step without tests is {@code error} unless it has
     * full points.
     */
    static String runnerStatus(StepResult step) {
        if (step.tests().isEmpty()) {
            // Nothing ran: never call that a pass unless the step somehow has its points anyway.
            return step.score() >= step.maxScore() ? "pass" : "error";
        }
        boolean failed = step.tests().stream().anyMatch(test -> test.status() == TestStatus.FAILED);
        boolean broken = step.tests().stream()
                .anyMatch(test -> test.status() == TestStatus.ERROR || test.status() == TestStatus.TIMEOUT);
        if (failed) {
            return "fail";
        }
        return broken ? "error" : "pass";
    }

    /** The reporter's word for a test's status: {@code pass}, {@code fail} or {@code error} (errors and timeouts). */
    static String testStatus(TestStatus status) {
        return switch (status) {
            case PASSED -> "pass";
            case FAILED -> "fail";
            case ERROR, TIMEOUT -> "error";
        };
    }

    /**
     * The message on one short line. For a test that errored the reporter prints only
     * {@code Error: <message>}, not the test's name, so the name leads the message there.
     */
    private static String message(TestResult test) {
        String text = ReportText.oneLine(test.message());
        if (test.status() == TestStatus.ERROR || test.status() == TestStatus.TIMEOUT) {
            String name = ReportText.oneLine(test.name());
            text = name + ": " + (text.isEmpty() ? test.status().word() : text);
        }
        return ReportText.truncate(logSafe(text), MAX_MESSAGE_CHARS, SHORTENED);
    }

    /**
     * Breaks up {@code ::} and {@code ##[}, the prefixes of Actions workflow commands, so a message
     * that the reporter prints can never act as one, whatever version of the reporter prints it.
     */
    private static String logSafe(String text) {
        return text.replaceAll(":(?=:)", ": ").replaceAll("#(?=#\\[)", "# ");
    }
}
