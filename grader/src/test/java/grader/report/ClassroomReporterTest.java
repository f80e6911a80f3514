package grader.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Feeds the written files through the decoding and summing GitHub Classroom's reporter does
 * ({@link ClassroomReporter}) and checks that the student sees the grade of {@code grade.json}.
 *
 * <p>Two totals matter. The points Classroom records ({@code Points X/Y}) sum every test's score, so
 * they equal the grade whenever the test scores add up to it. The log table the student reads gives
 * each runner (passed tests / all tests) x max_score, which equals the step's score only when the
 * step's tests carry equal points; the grader keeps them equal for that reason, and the last test
 * shows what goes wrong otherwise.
 */
@DisplayName("GitHub Classroom's reporter reading our files")
class ClassroomReporterTest {
    @TempDir
    Path dir;

    static Stream<Arguments> reports() {
        return Stream.of(Arguments.of("mixed", SampleReports.mixed()), Arguments.of("perfect", SampleReports.perfect()),
                Arguments.of("zero", SampleReports.zero()));
    }

    private ClassroomReporter reporterFor(GradeReport report) throws IOException {
        ReportWriter.writeAll(report, dir);
        return ClassroomReporter.fromFiles(dir);
    }

    @Nested
    @DisplayName("the points Classroom records")
    class RecordedPoints {
        @ParameterizedTest(name = "{0} report")
        @MethodSource("grader.report.ClassroomReporterTest#reports")
        @DisplayName("equal grade.json's score / max_score")
        void equalGradeJson(String name, GradeReport report) throws IOException {
            ClassroomReporter reporter = reporterFor(report);
            GradeReport graded = GradeJson.read(dir.resolve(GradeJson.FILE_NAME));
            assertEquals("Points " + graded.score() + "/" + graded.maxScore(), reporter.pointsNotice());
        }

        @Test
        @DisplayName("read every runner listed in runners.txt")
        void everyRunner() throws IOException {
            assertEquals(List.of("square", "complexsquare", "queue", "slowsquare"),
                    reporterFor(SampleReports.mixed()).runners());
        }
    }

    @Nested
    @DisplayName("the log table the student reads")
    class LogTable {
        @ParameterizedTest(name = "{0} report")
        @MethodSource("grader.report.ClassroomReporterTest#reports")
        @DisplayName("shows each step's score when its tests carry equal points")
        void equalsStepScores(String name, GradeReport report) throws IOException {
            ClassroomReporter reporter = reporterFor(report);
            List<String> expected = report.steps().stream()
                    .map(step -> String.format(Locale.ROOT, "%.2f", (double) step.score())).toList();
            List<String> shown = reporter.runners().stream().map(reporter::logTablePoints).toList();
            assertEquals(expected, shown);
        }

        @Test
        @DisplayName("disagrees with the recorded points when a step's tests carry unequal points")
        void unequalPointsDisagree() throws IOException {
            // 1 point passed, 9 points failed: Classroom records 1/10, the log shows 5.00/10.
            GradeReport report = new GradeReport(1, 10, "exercises", SampleReports.GRADED_AT, "test",
                    List.of(new StepResult("square", "Step 1: square", 1, 10, List.of(
                            new TestResult("small", TestStatus.PASSED, 1, 1, "", null),
                            new TestResult("big", TestStatus.FAILED, 0, 9, "no", null)))),
                    Map.of());
            ClassroomReporter reporter = reporterFor(report);
            assertNotEquals(String.format(Locale.ROOT, "%.2f", 1.0), reporter.logTablePoints("square"));
        }
    }
}
