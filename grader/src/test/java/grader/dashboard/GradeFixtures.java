package grader.dashboard;

import grader.batch.BatchRecord;
import grader.report.GradeJson;
import grader.report.GradeReport;
import grader.report.ProtectedFiles;
import grader.report.ReportFiles;
import grader.report.RunTimeline;
import grader.report.StepResult;
import grader.report.TestResult;
import grader.report.TestStatus;
import grader.suite.Step;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Grade files and batch records for the dashboard tests, built the way the grader builds them: a
 * step's points split equally over its tests, a test scoring only when passed, and scores adding up.
 */
final class GradeFixtures {
    static final Instant GRADED_AT = Instant.parse("2025-03-01T12:00:00Z");

    private GradeFixtures() {
    }

    /** A report to build step by step. */
    static ReportBuilder report() {
        return new ReportBuilder();
    }

    /** Every test of every step passed: 100 / 100. */
    static GradeReport perfect() {
        return report().step("square", "PPPP").step("complex_square", "PPPPP").step("queue", "PPPPP")
                .step("slow_square", "PPPPP").build();
    }

    /** Writes {@code report} as {@code <login>.json} into {@code dir}. */
    static Path writeGrade(Path dir, String login, GradeReport report) throws IOException {
        return ReportFiles.write(dir.resolve(login + ".json"), GradeJson.toJson(report));
    }

    /** A batch record for {@code login}, graded at {@link #GRADED_AT}. */
    static BatchRecord batchRecord(String login, BatchRecord.Status status, boolean submitted, String message) {
        return new BatchRecord(login, "my-org/lab-" + login, "git:0123456789abcdef0123456789abcdef01234567",
                "1.0.0-SNAPSHOT", status, message, submitted, GRADED_AT, 12.5);
    }

    /**
     * Builds a report. Each step is given as one letter per test: {@code P} passed, {@code F} failed,
     * {@code E} error, {@code T} timeout; the step's points (from {@link Step}) are split over them.
     */
    static final class ReportBuilder {
        private final List<StepResult> steps = new ArrayList<>();
        private final Map<String, RunTimeline> timelines = new LinkedHashMap<>();
        private ProtectedFiles protectedFiles = new ProtectedFiles(true, List.of(), List.of(), List.of());
        private Instant gradedAt = GRADED_AT;

        /** A step whose tests that did not pass say "{@code <step> test <n> did not pass}". */
        ReportBuilder step(String id, String outcomes) {
            return step(id, outcomes, null);
        }

        /** A step whose tests that did not pass all say {@code message}. */
        ReportBuilder step(String id, String outcomes, String message) {
            List<TestStatus> statuses = new ArrayList<>();
            List<String> names = new ArrayList<>();
            List<String> messages = new ArrayList<>();
            for (int i = 0; i < outcomes.length(); i++) {
                TestStatus status = status(outcomes.charAt(i));
                statuses.add(status);
                names.add(id + " test " + (i + 1));
                messages.add(status == TestStatus.PASSED ? ""
                        : message != null ? message : id + " test " + (i + 1) + " did not pass");
            }
            return step(id, statuses, names, messages);
        }

        /** A step with these tests: each one's status, name and message. */
        ReportBuilder step(String id, List<TestStatus> statuses, List<String> names, List<String> messages) {
            Step step = Step.byId(id);
            int points = step.maxScore() / statuses.size();
            List<TestResult> tests = new ArrayList<>();
            for (int i = 0; i < statuses.size(); i++) {
                TestStatus status = statuses.get(i);
                tests.add(new TestResult(names.get(i), status, status == TestStatus.PASSED ? points : 0, points,
                        messages.get(i), null));
            }
            int score = tests.stream().mapToInt(TestResult::score).sum();
            steps.add(new StepResult(id, step.title(), score, points * statuses.size(), List.copyOf(tests)));
            return this;
        }

        ReportBuilder protectedFiles(ProtectedFiles files) {
            this.protectedFiles = files;
            return this;
        }

        /** Gives step {@code id} the run timeline {@code timeline}. */
        ReportBuilder timeline(String id, RunTimeline timeline) {
            timelines.put(id, timeline);
            return this;
        }

        ReportBuilder gradedAt(Instant when) {
            this.gradedAt = when;
            return this;
        }

        GradeReport build() {
            int score = steps.stream().mapToInt(StepResult::score).sum();
            int max = steps.stream().mapToInt(StepResult::maxScore).sum();
            return new GradeReport(score, max, "exercises", gradedAt, "1.0.0-SNAPSHOT", List.copyOf(steps),
                    Map.of("compile", 800L), protectedFiles, timelines);
        }

        private static TestStatus status(char letter) {
            return switch (letter) {
                case 'P' -> TestStatus.PASSED;
                case 'F' -> TestStatus.FAILED;
                case 'E' -> TestStatus.ERROR;
                case 'T' -> TestStatus.TIMEOUT;
                default -> throw new IllegalArgumentException("unknown outcome " + letter);
            };
        }
    }
}
