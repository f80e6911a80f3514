package grader.report;

import grader.json.GraderJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What GitHub Classroom's reporter action ({@code autograding-grading-reporter@v1}) does with our
 * files, replayed in Java for the tests: it splits the {@code runners} input on commas and
 * whitespace, reads each runner's {@code <RUNNER>_RESULTS} variable, decodes base64 to UTF-8 to JSON,
 * then computes the two totals described on {@link ClassroomResults}.
 */
public final class ClassroomReporter {
    private final Map<String, Map<String, Object>> resultsByRunner = new LinkedHashMap<>();

    private ClassroomReporter() {
    }

    /**
     * Reads {@code classroom/runners.txt} as the {@code runners} input and {@code classroom/outputs.env}
     * as the environment, as a workflow passing them through {@code $GITHUB_OUTPUT} would.
     *
     * @throws IllegalStateException when a runner has no variable: the real action fails then
     */
    public static ClassroomReporter fromFiles(Path reportDir) throws IOException {
        Path classroom = reportDir.resolve(ClassroomResults.DIRECTORY);
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : Files.readAllLines(classroom.resolve(ClassroomResults.OUTPUTS_FILE), StandardCharsets.UTF_8)) {
            int equals = line.indexOf('=');
            env.put(line.substring(0, equals), line.substring(equals + 1));
        }
        String runnersInput = Files.readString(classroom.resolve(ClassroomResults.RUNNERS_FILE), StandardCharsets.UTF_8);
        ClassroomReporter reporter = new ClassroomReporter();
        for (String runner : runnersInput.split("[\\s,]")) {
            if (runner.isEmpty()) {
                continue;
            }
            String encoded = env.get(runner.trim().toUpperCase(Locale.ROOT) + "_RESULTS");
            if (encoded == null) {
                throw new IllegalStateException("no variable for runner " + runner);
            }
            String json = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            reporter.resultsByRunner.put(runner, GraderJson.readObject(json));
        }
        return reporter;
    }

    /** The runners, in input order. */
    List<String> runners() {
        return new ArrayList<>(resultsByRunner.keySet());
    }

    /** A runner's decoded results. */
    Map<String, Object> results(String runner) {
        return resultsByRunner.get(runner);
    }

    /**
     * The notice Classroom records (notify-classroom.js): {@code Points X/Y}, X the sum of every test's
     * score and Y the sum of max_score, over runners whose max_score is truthy.
     */
    public String pointsNotice() {
        double total = 0;
        double max = 0;
        for (Map<String, Object> results : resultsByRunner.values()) {
            double maxScore = number(results.get("max_score"));
            if (maxScore == 0) {
                continue;
            }
            max += maxScore;
            for (Map<String, Object> test : tests(results)) {
                total += number(test.get("score"));
            }
        }
        return "Points " + js(total) + "/" + js(max);
    }

    /**
     * A runner's points in the log table (test-helpers.js getTestScore): (tests with status
     * {@code pass} / all tests) x (max_score || 1), printed with two decimals.
     */
    public String logTablePoints(String runner) {
        Map<String, Object> results = resultsByRunner.get(runner);
        List<Map<String, Object>> tests = tests(results);
        long passed = tests.stream().filter(test -> "pass".equals(test.get("status"))).count();
        double max = number(results.get("max_score"));
        double points = ((double) passed / tests.size()) * (max == 0 ? 1 : max);
        return String.format(Locale.ROOT, "%.2f", points);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> tests(Map<String, Object> results) {
        return (List<Map<String, Object>>) (List<?>) results.get("tests");
    }

    private static double number(Object value) {
        return value == null ? 0 : ((Number) value).doubleValue();
    }

    /** A number as JavaScript prints it in a template string: whole numbers without a fraction. */
    private static String js(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
