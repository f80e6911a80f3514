package grader.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.report.GradeJson;
import grader.report.GradeReport;
import grader.report.StepResult;
import grader.report.TestResult;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Grades every submission of the corpus end to end, through the command line in a JVM of its own,
 * and checks each step's score against the expectation written next to the case: the reference
 * solutions score 100 (ten times in a row), the untouched stubs 0, and each broken submission loses
 * points exactly in the step it breaks.
 *
 * <p>A corpus case is a directory under {@code src/test/resources/corpus} holding the files that
 * differ from the reference solutions ({@code lab/*.java}) and {@code expected.properties} with the
 * expected score of every step. Two gradings run at a time, which also proves that grading holds up
 * on a loaded machine.
 */
@DisplayName("The grader on its corpus of submissions")
@Execution(ExecutionMode.CONCURRENT)
class CorpusTest {
    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path SOLUTIONS = MODULE.resolveSibling("solutions");
    private static final Path STUBS = MODULE.resolveSibling("exercises");
    private static final Path CORPUS = MODULE.resolve("src/test/resources/corpus");
    private static final long WORST_CASE_SECONDS = 120;
    private static final List<String> REPORT_FILES = List.of("grade.json", "summary.md", "results.json", "junit.xml",
            "classroom/outputs.env", "classroom/runners.txt");

    static Stream<Named<Case>> cases() throws IOException {
        List<Named<Case>> cases = new ArrayList<>();
        Map<String, Integer> full = Map.of("square", 20, "complex_square", 25, "queue", 25, "slow_square", 30);
        Map<String, Integer> none = Map.of("square", 0, "complex_square", 0, "queue", 0, "slow_square", 0);
        IntStream.rangeClosed(1, 10).forEach(i -> cases.add(Named.of("the reference solutions, run " + i + " of 10",
                new Case("solutions-" + i, SOLUTIONS, null, full))));
        cases.add(Named.of("the untouched stubs", new Case("stubs", STUBS, null, none)));
        try (Stream<Path> dirs = Files.list(CORPUS)) {
            for (Path dir : dirs.sorted().toList()) {
                Properties expected = new Properties();
                try (Reader reader = Files.newBufferedReader(dir.resolve("expected.properties"), StandardCharsets.UTF_8)) {
                    expected.load(reader);
                }
                Map<String, Integer> scores = new LinkedHashMap<>();
                full.keySet().forEach(step -> scores.put(step, Integer.parseInt(expected.getProperty(step))));
                cases.add(Named.of(dir.getFileName() + ": " + expected.getProperty("description"),
                        new Case(dir.getFileName().toString(), SOLUTIONS, dir, scores)));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @DisplayName("each step scores what the case expects")
    void gradesAsExpected(Case testCase, @TempDir Path temp) throws Exception {
        Path submission = testCase.assemble(temp.resolve("submission"));
        Path reports = temp.resolve("reports");
        long start = System.nanoTime();
        Process grader = new ProcessBuilder(javaExecutable(), "-cp", System.getProperty("java.class.path"),
                "grader.cli.Main", "grade", submission.toString(), "--out", reports.toString())
                .redirectErrorStream(true).redirectOutput(temp.resolve("grader.log").toFile()).start();
        boolean finished = grader.waitFor(WORST_CASE_SECONDS + 60, TimeUnit.SECONDS);
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        if (!finished) {
            grader.destroyForcibly();
        }
        String log = Files.readString(temp.resolve("grader.log"));
        assertTrue(finished && grader.exitValue() == 0, () -> "the grader did not complete:\n" + log);
        for (String file : REPORT_FILES) {
            assertTrue(Files.isRegularFile(reports.resolve(file)), () -> file + " was not written");
        }
        GradeReport report = GradeJson.read(reports.resolve("grade.json"));
        Map<String, Integer> actual = report.steps().stream()
                .collect(Collectors.toMap(StepResult::id, StepResult::score, (a, b) -> a, LinkedHashMap::new));
        assertEquals(testCase.expected(), actual, () -> "per-step scores of " + testCase.name() + ":\n" + failures(report));
        assertTrue(seconds <= WORST_CASE_SECONDS, () -> "grading took " + seconds + " s, more than the "
                + WORST_CASE_SECONDS + " s bound");
        System.out.printf("corpus %-32s %3d/100 in %3d s%n", testCase.name(), report.score(), seconds);
    }

    private static String failures(GradeReport report) {
        StringBuilder text = new StringBuilder();
        for (StepResult step : report.steps()) {
            for (TestResult test : step.tests()) {
                if (!test.passed()) {
                    text.append("- ").append(step.id()).append(" / ").append(test.name()).append(" [")
                            .append(test.status().word()).append("]\n  ").append(test.message().replace("\n", "\n  "))
                            .append('\n');
                }
            }
        }
        return text.toString();
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * One submission to grade.
     *
     * @param name     a short name for messages
     * @param base     the module whose {@code src/main/java/lab} it starts from
     * @param overlay  a corpus directory whose {@code lab/*.java} replace the base's, or null
     * @param expected the expected score per step
     */
    record Case(String name, Path base, Path overlay, Map<String, Integer> expected) {
        Path assemble(Path target) throws IOException {
            Path lab = Files.createDirectories(target.resolve("src/main/java/lab"));
            copyJava(base.resolve("src/main/java/lab"), lab);
            if (overlay != null) {
                copyJava(overlay.resolve("lab"), lab);
            }
            return target;
        }

        private static void copyJava(Path from, Path to) throws IOException {
            try (Stream<Path> files = Files.list(from)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Files.copy(file, to.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
