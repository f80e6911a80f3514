package grader.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.json.GraderJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Covers {@link GradescopeResults}: Gradescope's results.json. */
@DisplayName("Gradescope results.json")
class GradescopeResultsTest {

    private static Map<String, Object> parsed(GradeReport report) {
        return GraderJson.readObject(GradescopeResults.toJson(report));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> tests(GradeReport report) {
        return (List<Map<String, Object>>) (List<?>) parsed(report).get("tests");
    }

    @Nested
    @DisplayName("top level")
    class TopLevel {
        @Test
        @DisplayName("has score, output, tests, visibility and stdout_visibility")
        void keys() {
            assertEquals(List.of("score", "output", "tests", "visibility", "stdout_visibility"),
                    new ArrayList<>(parsed(SampleReports.mixed()).keySet()));
        }

        @Test
        @DisplayName("score is the grade")
        void score() {
            assertEquals(73L, parsed(SampleReports.mixed()).get("score"));
        }

        @Test
        @DisplayName("tests are visible and the grader's stdout hidden")
        void visibility() {
            Map<String, Object> root = parsed(SampleReports.mixed());
            assertEquals(List.of("visible", "hidden"), List.of(root.get("visibility"), root.get("stdout_visibility")));
        }

        @Test
        @DisplayName("output is the console table")
        void output() {
            assertEquals(ConsoleTable.render(SampleReports.mixed()), parsed(SampleReports.mixed()).get("output"));
        }
    }

    @Nested
    @DisplayName("tests")
    class Tests {
        @Test
        @DisplayName("there is one per graded test")
        void count() {
            assertEquals(19, tests(SampleReports.mixed()).size());
        }

        @Test
        @DisplayName("their scores add up to the grade")
        void sum() {
            assertEquals(73L, tests(SampleReports.mixed()).stream().mapToLong(test -> (Long) test.get("score")).sum());
        }

        @Test
        @DisplayName("a name is the step title › the test name")
        void name() {
            assertEquals("Step 2: complex_square › uses starmap", tests(SampleReports.mixed()).get(6).get("name"));
        }

        @Test
        @DisplayName("a test has name, score, max_score, status and output")
        void keys() {
            assertEquals(List.of("name", "score", "max_score", "status", "output"),
                    new ArrayList<>(tests(SampleReports.mixed()).get(0).keySet()));
        }

        @Test
        @DisplayName("passed is passed, and failed, timeout and error are failed")
        void statuses() {
            List<Map<String, Object>> tests = tests(SampleReports.mixed());
            assertEquals(List.of("passed", "failed", "failed", "failed"),
                    List.of(tests.get(0).get("status"), tests.get(11).get("status"), tests.get(12).get("status"),
                            tests.get(17).get("status")));
        }

        @Test
        @DisplayName("a timeout's output says so first")
        void timeoutOutput() {
            assertEquals("[timeout] The consumer was still running after 10 s.", tests(SampleReports.mixed()).get(12).get("output"));
        }

        @Test
        @DisplayName("the output ends with the location when there is one")
        void location() {
            assertTrue(((String) tests(SampleReports.mixed()).get(6).get("output"))
                    .endsWith("\n\nAt exercises/src/main/java/lab/ComplexSquare.java, line 12"));
        }

        @Test
        @DisplayName("a long output is cut to the cap")
        void capped() {
            GradeReport report = SampleReports.withMessage(TestStatus.FAILED, "t", "x".repeat(100_000));
            assertTrue(((String) tests(report).get(0).get("output")).length() <= GradescopeResults.MAX_OUTPUT_CHARS);
        }
    }
}
