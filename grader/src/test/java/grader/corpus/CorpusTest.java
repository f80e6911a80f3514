package grader.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.batch.ChildJvmGrading;
import grader.report.ClassroomReporter;
import grader.report.GradeJson;
import grader.report.GradeReport;
import grader.report.StepResult;
import grader.report.TestResult;
import grader.sandbox.Sandbox;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
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
 * solutions score 100 (three times in a row, besides every case that replaces one file only), the untouched stubs 0, and each broken or hostile
 * submission loses points exactly in the step it breaks. Afterwards it checks that no process of any
 * run survived.
 *
 * <p>A corpus case is a directory under {@code src/test/resources/corpus}. Its {@code expected.properties}
 * holds the expected score of every step ({@code square=20}) and a one-line {@code description}; the
 * rest of the submission is the reference solutions, changed by what else the case holds:
 * <ul>
 *   <li>{@code lab/*.java} replace (or add to) the solutions' files;</li>
 *   <li>{@code delete=MultiprocessingQueue.java} (comma-separated) removes solution files;</li>
 *   <li>a directory {@code resources/} is copied to {@code src/main/resources/} of the submission, and a
 *       directory {@code extra/} to the submission's root (for files outside {@code lab/*.java});</li>
 *   <li>{@code message.<step>=<text>} requires that some test of that step that did not pass says
 *       {@code text} in its message (more than one: {@code message.<step>.<anything>=<text>});</li>
 *   <li>{@code absent.<step>=<text>} requires that no test of that step says {@code text}: a diagnosis
 *       that must not be made for this mistake (more than one: {@code absent.<step>.<anything>=<text>});</li>
 *   <li>{@code hostile=<why>} marks a submission that attacks or cheats on purpose, to which the promise below does
 *       not apply.</li>
 * </ul>
 *
 * <p><b>Green locally means graded well.</b> For every step whose file a case changes (and for the
 * stubs and the first run of the solutions, every step), the student template's public tests run on
 * the submission too ({@link PublicTests}). When all of a step's public tests pass, an honest submission
 * must score at least 80 % of the step's points in the hidden grader.
 * Three gradings run at a time on CI's two cores, which also proves that grading holds up on a loaded machine.
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
            "classroom/outputs.env", "classroom/runners.txt", "annotations.txt");
    private static final Map<String, Integer> FULL =
            Map.of("square", 20, "complex_square", 25, "queue", 25, "slow_square", 30);
    /** Each step's file, in the order of the lab. */
    private static final Map<String, String> STEP_FILES = orderedSteps();
    private static final String DELETE = "delete";
    private static final String MESSAGE = "message.";
    private static final String ABSENT = "absent.";
    private static final String HOSTILE = "hostile";
    private static final int GREEN_MEANS_PERCENT = 80;
    /** Gradings of the reference solutions: the same score every time, with other gradings running at once. */
    private static final int SOLUTION_RUNS = 3;
    /**
     * Every grader this test starts, and every sandbox of theirs, carries this run's id in
     * {@link Sandbox#CI_RUN_VARIABLE}: the leftover check finds this test's processes, and never those of
     * another build on the same machine.
     */
    private static final String MARKER_VARIABLE = Sandbox.CI_RUN_VARIABLE;
    private static final String RUN_ID = "corpus-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    private static final long LEFTOVER_GRACE_MILLIS = 5_000;

    private static Map<String, String> orderedSteps() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("square", "Square.java");
        files.put("complex_square", "ComplexSquare.java");
        files.put("queue", "MultiprocessingQueue.java");
        files.put("slow_square", "SlowSquare.java");
        return files;
    }

    static Stream<Named<Case>> cases() throws IOException {
        List<Named<Case>> cases = new ArrayList<>();
        Map<String, Integer> none = Map.of("square", 0, "complex_square", 0, "queue", 0, "slow_square", 0);
        IntStream.rangeClosed(1, SOLUTION_RUNS).forEach(i -> cases.add(Named.of("the reference solutions, run " + i + " of " + SOLUTION_RUNS,
                new Case("solutions-" + i, SOLUTIONS, null, FULL, List.of(), Map.of(), Map.of(), i == 1, false))));
        cases.add(Named.of("the untouched stubs", new Case("stubs", STUBS, null, none, List.of(), Map.of(), Map.of(),
                true, false)));
        try (Stream<Path> dirs = Files.list(CORPUS)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                cases.add(corpusCase(dir));
            }
        }
        // -Dcorpus.only=sentinel-missing,stubs grades just those cases: for working on one diagnosis.
        String only = System.getProperty("corpus.only", "");
        List<String> chosen = only.isBlank() ? List.of() : List.of(only.split(","));
        return cases.stream().filter(c -> chosen.isEmpty() || chosen.contains(c.getPayload().name()));
    }

    /** Reads a corpus directory; a key it does not know is a typo, and fails the whole corpus. */
    private static Named<Case> corpusCase(Path dir) throws IOException {
        String name = dir.getFileName().toString();
        Properties expected = new Properties();
        try (Reader reader = Files.newBufferedReader(dir.resolve("expected.properties"), StandardCharsets.UTF_8)) {
            expected.load(reader);
        }
        Map<String, Integer> scores = new LinkedHashMap<>();
        for (String step : FULL.keySet().stream().sorted().toList()) {
            String score = expected.getProperty(step);
            if (score == null) {
                throw new IllegalArgumentException(name + "/expected.properties gives no score for step " + step);
            }
            scores.put(step, Integer.parseInt(score.trim()));
        }
        List<String> deletions = expected.getProperty(DELETE, "").isBlank() ? List.of()
                : Stream.of(expected.getProperty(DELETE).split(",")).map(String::trim).toList();
        Map<String, List<String>> messages = new LinkedHashMap<>();
        Map<String, List<String>> absent = new LinkedHashMap<>();
        for (String key : expected.stringPropertyNames().stream().sorted().toList()) {
            String prefix = key.startsWith(MESSAGE) ? MESSAGE : key.startsWith(ABSENT) ? ABSENT : null;
            if (prefix != null) {
                String step = key.substring(prefix.length()).split("\\.", 2)[0];
                if (!FULL.containsKey(step)) {
                    throw new IllegalArgumentException(name + "/expected.properties: " + key + " names no step");
                }
                (prefix.equals(MESSAGE) ? messages : absent).computeIfAbsent(step, s -> new ArrayList<>())
                        .add(expected.getProperty(key));
            } else if (!FULL.containsKey(key) && !Set.of("description", DELETE, HOSTILE).contains(key)) {
                throw new IllegalArgumentException(name + "/expected.properties: unknown key " + key);
            }
        }
        return Named.of(name + ": " + expected.getProperty("description"),
                new Case(name, SOLUTIONS, dir, scores, deletions, messages, absent, false,
                        expected.getProperty(HOSTILE) != null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @DisplayName("each step scores what the case expects")
    void gradesAsExpected(Case testCase, @TempDir Path temp) throws Exception {
        // A student's folder often has spaces and accents in its path: every case is graded from one.
        Path submission = testCase.assemble(temp.resolve("José Müller/One Drive/submission"));
        Path reports = temp.resolve("reports");
        long start = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(ChildJvmGrading.command("grade", submission.toString(), "--out",
                reports.toString()));
        builder.environment().put(MARKER_VARIABLE, RUN_ID);
        Process grader = builder.redirectErrorStream(true).redirectOutput(temp.resolve("grader.log").toFile()).start();
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
        System.out.printf("corpus %-32s %3d/100 in %3d s  summary.md %6d bytes  %s%n", testCase.name(), report.score(),
                seconds, Files.size(reports.resolve("summary.md")), actual);
        ClassroomReporter reporter = ClassroomReporter.fromFiles(reports);
        assertEquals("Points " + report.score() + "/" + report.maxScore(), reporter.pointsNotice(),
                "the points GitHub Classroom would record from classroom/outputs.env");
        for (StepResult step : report.steps()) {
            assertEquals(String.format(Locale.ROOT, "%.2f", (double) step.score()),
                    reporter.logTablePoints(step.id().replace("_", "")),
                    "the points of " + step.id() + " in the table the Classroom reporter prints in the log");
        }
        assertEquals(testCase.expected(), actual, () -> "per-step scores of " + testCase.name() + ":\n" + failures(report));
        List<String> phases = new ArrayList<>(report.phaseMillis().keySet());
        assertTrue(phases.get(0).equals("prepare") && phases.get(phases.size() - 1).equals("total"),
                () -> "grade.json lists the phases out of the order they ran in: " + phases);
        for (Map.Entry<String, List<String>> required : testCase.messages().entrySet()) {
            List<String> said = report.steps().stream().filter(step -> step.id().equals(required.getKey()))
                    .flatMap(step -> step.tests().stream()).filter(test -> !test.passed())
                    .map(TestResult::message).toList();
            for (String text : required.getValue()) {
                assertTrue(said.stream().anyMatch(message -> message.contains(text)), () -> "no test of "
                        + required.getKey() + " that did not pass says \"" + text + "\"; what they say:\n"
                        + failures(report));
            }
        }
        for (Map.Entry<String, List<String>> forbidden : testCase.absent().entrySet()) {
            List<String> said = report.steps().stream().filter(step -> step.id().equals(forbidden.getKey()))
                    .flatMap(step -> step.tests().stream()).map(TestResult::message).toList();
            for (String text : forbidden.getValue()) {
                assertTrue(said.stream().noneMatch(message -> message.contains(text)), () -> "a test of "
                        + forbidden.getKey() + " says \"" + text + "\", a diagnosis this case must not get:\n"
                        + failures(report));
            }
        }
        assertTrue(seconds <= WORST_CASE_SECONDS, () -> "grading took " + seconds + " s, more than the "
                + WORST_CASE_SECONDS + " s bound");
        greenPublicTestsMeanGradedWell(testCase, submission, actual, temp);
    }

    /**
     * Runs the public tests of each step the case changed; a step whose public tests all pass must
     * score at least {@value #GREEN_MEANS_PERCENT} % in the hidden grader, unless the case cheats on purpose.
     */
    private static void greenPublicTestsMeanGradedWell(Case testCase, Path submission, Map<String, Integer> hidden,
                                                       Path temp) throws IOException, InterruptedException {
        for (String step : testCase.publicTestSteps(submission)) {
            if (hidden.get(step) * 100 >= FULL.get(step) * GREEN_MEANS_PERCENT || testCase.hostile()) {
                // Nothing to prove: the promise holds whatever the public tests say (the solutions module
                // runs them on the reference solutions), or the case cheats on purpose.
                continue;
            }
            List<PublicTests.Outcome> outcomes = PublicTests.run(submission, step, temp.resolve("public-" + step));
            long passed = outcomes.stream().filter(PublicTests.Outcome::passed).count();
            boolean green = !outcomes.isEmpty() && passed == outcomes.size();
            int score = hidden.get(step);
            int max = FULL.get(step);
            System.out.printf("public  %-32s %-15s %d/%d public tests passed  hidden %d/%d%n", testCase.name(), step,
                    passed, outcomes.size(), score, max);
            if (green && !testCase.hostile()) {
                assertTrue(score * 100 >= max * GREEN_MEANS_PERCENT, () -> testCase.name() + ": every public test of "
                        + step + " passes, but the hidden grader gives " + score + "/" + max + ", less than "
                        + GREEN_MEANS_PERCENT + " %");
            }
        }
    }

    /**
     * Nothing of any run outlives the suite: no process carries this test's run id (found
     * through {@code /proc/<pid>/environ} on Linux; elsewhere there is nothing to scan), and none of the
     * graders this test started left a process behind. A few seconds of grace let the last kills land.
     */
    @AfterAll
    static void nothingIsLeftRunning() throws InterruptedException {
        long deadline = System.currentTimeMillis() + LEFTOVER_GRACE_MILLIS;
        List<String> marked = markedProcesses();
        List<ProcessHandle> descendants = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList();
        while ((!marked.isEmpty() || !descendants.isEmpty()) && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
            marked = markedProcesses();
            descendants = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList();
        }
        List<String> markedLeft = marked;
        assertTrue(markedLeft.isEmpty(), () -> "processes with " + MARKER_VARIABLE + " in their environment are still"
                + " running after the corpus:\n  " + String.join("\n  ", markedLeft));
        List<String> childrenLeft = descendants.stream().map(CorpusTest::describe).toList();
        assertTrue(childrenLeft.isEmpty(), () -> "processes started by the corpus test are still running:\n  "
                + String.join("\n  ", childrenLeft));
    }

    /** Live processes whose environment holds this test's run id: "pid command line". */
    private static List<String> markedProcesses() {
        Path proc = Path.of("/proc");
        if (!Files.isDirectory(proc)) {
            return List.of();
        }
        byte[] needle = (MARKER_VARIABLE + "=" + RUN_ID + "\0").getBytes(StandardCharsets.UTF_8);
        long self = ProcessHandle.current().pid();
        List<String> found = new ArrayList<>();
        try (Stream<Path> entries = Files.list(proc)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit) || Long.parseLong(name) == self) {
                    continue;
                }
                try {
                    if (holdsVariable(Files.readAllBytes(entry.resolve("environ")), needle)) {
                        ProcessHandle.of(Long.parseLong(name)).filter(ProcessHandle::isAlive)
                                .ifPresent(p -> found.add(describe(p)));
                    }
                } catch (IOException | SecurityException e) {
                    // gone meanwhile, or another user's process: not one of ours
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list /proc", e);
        }
        return found;
    }

    /** Whether a NUL-separated environment block has an entry that starts with {@code needle}. */
    private static boolean holdsVariable(byte[] environ, byte[] needle) {
        for (int start = 0; start + needle.length <= environ.length; start++) {
            if (start > 0 && environ[start - 1] != 0) {
                continue;
            }
            boolean matches = true;
            for (int i = 0; i < needle.length && matches; i++) {
                matches = environ[start + i] == needle[i];
            }
            if (matches) {
                return true;
            }
        }
        return false;
    }

    private static String describe(ProcessHandle process) {
        return process.pid() + " " + process.info().commandLine().orElse(process.info().command().orElse("?"));
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

    /**
     * One submission to grade.
     *
     * @param name      a short name for messages
     * @param base      the module whose {@code src/main/java/lab} it starts from
     * @param overlay   a corpus directory that changes the base (see the class comment), or null
     * @param expected  the expected score per step
     * @param deletions base files of {@code lab/} to remove, such as {@code MultiprocessingQueue.java}
     * @param messages  per step, texts that some test of the step that did not pass must say
     * @param absent    per step, texts that no test of the step may say
     * @param allPublic run the public tests of every step, not only of the files the case changes
     * @param hostile   the case attacks or cheats on purpose, so green public tests promise nothing
     */
    record Case(String name, Path base, Path overlay, Map<String, Integer> expected, List<String> deletions,
                Map<String, List<String>> messages, Map<String, List<String>> absent, boolean allPublic,
                boolean hostile) {
        /** The steps whose public tests to run: those whose file differs from the base's (or all). */
        List<String> publicTestSteps(Path submission) throws IOException {
            List<String> steps = new ArrayList<>();
            for (Map.Entry<String, String> step : STEP_FILES.entrySet()) {
                Path mine = submission.resolve("src/main/java/lab").resolve(step.getValue());
                Path original = base.resolve("src/main/java/lab").resolve(step.getValue());
                if (allPublic || !Files.isRegularFile(mine) || Files.mismatch(mine, original) != -1) {
                    steps.add(step.getKey());
                }
            }
            return steps;
        }

        Path assemble(Path target) throws IOException {
            Path lab = Files.createDirectories(target.resolve("src/main/java/lab"));
            copyJava(base.resolve("src/main/java/lab"), lab);
            if (overlay != null) {
                if (Files.isDirectory(overlay.resolve("lab"))) {
                    copyJava(overlay.resolve("lab"), lab);
                }
                for (String file : deletions) {
                    if (!Files.deleteIfExists(lab.resolve(file))) {
                        throw new IllegalArgumentException(name + ": delete=" + file + ", but the submission has no"
                                + " lab/" + file);
                    }
                }
                copyTree(overlay.resolve("resources"), target.resolve("src/main/resources"));
                copyTree(overlay.resolve("extra"), target);
            }
            return target;
        }

        private static void copyJava(Path from, Path to) throws IOException {
            try (Stream<Path> files = Files.list(from)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }

        /** Copies every file under {@code from}, if it exists, to the same place under {@code to}. */
        private static void copyTree(Path from, Path to) throws IOException {
            if (!Files.isDirectory(from)) {
                return;
            }
            try (Stream<Path> files = Files.walk(from)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Path copy = to.resolve(from.relativize(file).toString());
                    Files.createDirectories(copy.getParent());
                    Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
