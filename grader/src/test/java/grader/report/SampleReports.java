package grader.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Grade reports for the report tests, built the way the grader builds them: every test of a step is
 * worth the same points (square 4 x 5, complex_square 5 x 5, queue 5 x 5, slow_square 5 x 6 = 100), a
 * test scores its points only when passed, and scores add up.
 */
final class SampleReports {
    static final Instant GRADED_AT = Instant.parse("2025-03-01T12:34:56.789Z");
    static final String MULTI_LINE_MESSAGE = """
            Expected square(7) to return 49, but it returned 14.
            Hint: multiply the number by itself; do not add it to itself.
            Read "Step 1: square" in the guide, section "Your first worker".""";

    private SampleReports() {
    }

    /**
     * A mixed grade, 73 / 100: square all passed (20/20); complex_square one failure with a location
     * (20/25); queue one failure and one timeout (15/25); slow_square two errors and no failure (18/30).
     */
    static GradeReport mixed() {
        return new Builder()
                .step("square", "Step 1: square", 5)
                .passed("squares 0 to 9").passed("squares negative numbers").passed("runs on a pool of 4")
                .passed("closes the pool")
                .step("complex_square", "Step 2: complex_square", 5)
                .passed("squares complex numbers").passed("keeps the input order")
                .failed("uses starmap", MULTI_LINE_MESSAGE, new SourceLocation("exercises/src/main/java/lab/ComplexSquare.java", 12))
                .passed("returns a list").passed("closes the pool")
                .step("queue", "Step 3: queue", 5)
                .passed("puts every item").passed("gets every item")
                .failed("sends the sentinel", "The consumer never saw null.\nSend null after the last item.", null)
                .timeout("consumer stops", "The consumer was still running after 10 s.")
                .passed("joins the consumer")
                .step("slow_square", "Step 4: slow_square", 6)
                .passed("squares slowly").passed("uses four workers").passed("prints the pids")
                .error("finishes in about one second", "NoSuchMethodError: lab.SlowSquare.run()", null)
                .error("reports each pid once", "The program exited with code 1 before printing.", null)
                .build();
    }

    /** Every test passed: 100 / 100. */
    static GradeReport perfect() {
        Builder builder = new Builder();
        stepsOf(builder, TestStatus.PASSED, "");
        return builder.build();
    }

    /** Nothing compiled, so every test errored at the same line: 0 / 100. */
    static GradeReport zero() {
        Builder builder = new Builder();
        stepsOf(builder, TestStatus.ERROR, "The submission does not compile: ';' expected.");
        return builder.build();
    }

    /**
     * A 5 / 25 one-step report whose failing test carries {@code message}, the other four passing; for
     * the escaping tests.
     */
    static GradeReport withMessage(TestStatus status, String name, String message) {
        return new Builder().step("complex_square", "Step 2: complex_square", 5)
                .test(name, status, message, new SourceLocation("exercises/src/main/java/lab/ComplexSquare.java", 3))
                .passed("a").passed("b").passed("c").passed("d")
                .build();
    }

    private static void stepsOf(Builder builder, TestStatus status, String message) {
        SourceLocation location = status == TestStatus.PASSED ? null
                : new SourceLocation("exercises/src/main/java/lab/Square.java", 5);
        builder.step("square", "Step 1: square", 5);
        repeat(builder, 4, "square test ", status, message, location);
        builder.step("complex_square", "Step 2: complex_square", 5);
        repeat(builder, 5, "complex_square test ", status, message, location);
        builder.step("queue", "Step 3: queue", 5);
        repeat(builder, 5, "queue test ", status, message, location);
        builder.step("slow_square", "Step 4: slow_square", 6);
        repeat(builder, 5, "slow_square test ", status, message, location);
    }

    private static void repeat(Builder builder, int count, String name, TestStatus status, String message,
                               SourceLocation location) {
        for (int i = 1; i <= count; i++) {
            builder.test(name + i, status, message, location);
        }
    }

    /** Builds a report step by step; each step's tests are worth the points given to {@link #step}. */
    static final class Builder {
        private final List<StepResult> steps = new ArrayList<>();
        private String id;
        private String title;
        private int points;
        private List<TestResult> tests;

        /** Starts a step whose tests are each worth {@code points}. */
        Builder step(String id, String title, int points) {
            finishStep();
            this.id = id;
            this.title = title;
            this.points = points;
            this.tests = new ArrayList<>();
            return this;
        }

        Builder passed(String name) {
            return test(name, TestStatus.PASSED, "", null);
        }

        Builder failed(String name, String message, SourceLocation location) {
            return test(name, TestStatus.FAILED, message, location);
        }

        Builder error(String name, String message, SourceLocation location) {
            return test(name, TestStatus.ERROR, message, location);
        }

        Builder timeout(String name, String message) {
            return test(name, TestStatus.TIMEOUT, message, null);
        }

        Builder test(String name, TestStatus status, String message, SourceLocation location) {
            tests.add(new TestResult(name, status, status == TestStatus.PASSED ? points : 0, points, message, location));
            return this;
        }

        GradeReport build() {
            finishStep();
            int score = steps.stream().mapToInt(StepResult::score).sum();
            int max = steps.stream().mapToInt(StepResult::maxScore).sum();
            Map<String, Long> phases = new LinkedHashMap<>();
            phases.put("compile", 812L);
            phases.put("rules", 45L);
            for (StepResult step : steps) {
                phases.put(step.id(), 1000L + step.tests().size());
            }
            return new GradeReport(score, max, "exercises", GRADED_AT, "1.0.0-SNAPSHOT", List.copyOf(steps), phases);
        }

        private void finishStep() {
            if (tests != null) {
                int score = tests.stream().mapToInt(TestResult::score).sum();
                int max = tests.stream().mapToInt(TestResult::maxScore).sum();
                steps.add(new StepResult(id, title, score, max, List.copyOf(tests)));
                tests = null;
            }
        }
    }
}
