package grader.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.json.GraderJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Covers {@link ClassroomResults}: runner ids, each runner's JSON, and the three files. */
@DisplayName("GitHub Classroom results")
class ClassroomResultsTest {

    private static Map<String, Object> payload(GradeReport report, int step) {
        return GraderJson.readObject(ClassroomResults.json(report.steps().get(step)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> test(Map<String, Object> payload, int index) {
        return (Map<String, Object>) ((List<Object>) payload.get("tests")).get(index);
    }

    @Nested
    @DisplayName("runner ids")
    class RunnerIds {
        @Test
        @DisplayName("are the step ids without non-alphanumeric characters")
        void stripped() {
            assertEquals(List.of("square", "complexsquare", "queue", "slowsquare"),
                    ClassroomResults.runnerIds(SampleReports.mixed()));
        }

        @Test
        @DisplayName("match the pattern the reporter checks")
        void pattern() {
            assertTrue(String.join(",", ClassroomResults.runnerIds(SampleReports.mixed()))
                    .matches("^([a-zA-Z0-9]+,)*[a-zA-Z0-9]+$"));
        }

        @Test
        @DisplayName("name upper-cased variables")
        void variable() {
            assertEquals("COMPLEXSQUARE_RESULTS", ClassroomResults.variableName("complexsquare"));
        }

        @Test
        @DisplayName("two steps that map to one runner are rejected")
        void collision() {
            GradeReport report = new SampleReports.Builder().step("slow_square", "a", 1).passed("t")
                    .step("slowsquare", "b", 1).passed("t").build();
            assertThrows(IllegalArgumentException.class, () -> ClassroomResults.runnerIds(report));
        }

        @Test
        @DisplayName("a step id without letters or digits is rejected")
        void empty() {
            GradeReport report = new SampleReports.Builder().step("__", "a", 1).passed("t").build();
            assertThrows(IllegalArgumentException.class, () -> ClassroomResults.runnerIds(report));
        }
    }

    @Nested
    @DisplayName("a runner's JSON")
    class Payload {
        @Test
        @DisplayName("has version, status, max_score and tests, in that order")
        void keys() {
            assertEquals(List.of("version", "status", "max_score", "tests"),
                    new ArrayList<>(payload(SampleReports.mixed(), 0).keySet()));
        }

        @Test
        @DisplayName("a test has name, status, score, message, line_no and test_code")
        void testKeys() {
            assertEquals(List.of("name", "status", "score", "message", "line_no", "test_code"),
                    new ArrayList<>(test(payload(SampleReports.mixed(), 0), 0).keySet()));
        }

        @Test
        @DisplayName("version is 1 and max_score the step's")
        void versionAndMax() {
            Map<String, Object> payload = payload(SampleReports.mixed(), 3);
            assertEquals(List.of(1L, 30L), List.of(payload.get("version"), payload.get("max_score")));
        }

        @Test
        @DisplayName("a step whose tests all passed is pass")
        void pass() {
            assertEquals("pass", payload(SampleReports.mixed(), 0).get("status"));
        }

        @Test
        @DisplayName("a step with a failure is fail, even with a timeout too")
        void fail() {
            assertEquals("fail", payload(SampleReports.mixed(), 2).get("status"));
        }

        @Test
        @DisplayName("a step with errors and no failure is error")
        void error() {
            assertEquals("error", payload(SampleReports.mixed(), 3).get("status"));
        }

        @Test
        @DisplayName("a step without tests and without its points is error, not a vacuous pass")
        void noTests() {
            StepResult empty = new StepResult("square", "Step 1: square", 0, 20, List.of());
            assertEquals("error", GraderJson.readObject(ClassroomResults.json(empty)).get("status"));
        }

        @Test
        @DisplayName("test statuses map passed, failed, timeout to pass, fail, error")
        void testStatuses() {
            Map<String, Object> queue = payload(SampleReports.mixed(), 2);
            assertEquals(List.of("pass", "fail", "error"),
                    List.of(test(queue, 0).get("status"), test(queue, 2).get("status"), test(queue, 3).get("status")));
        }

        @Test
        @DisplayName("an errored test maps to error")
        void errorStatus() {
            assertEquals("error", test(payload(SampleReports.mixed(), 3), 3).get("status"));
        }

        @Test
        @DisplayName("line_no is the location's line")
        void lineNo() {
            assertEquals(12L, test(payload(SampleReports.mixed(), 1), 2).get("line_no"));
        }

        @Test
        @DisplayName("line_no is 0 without a location")
        void lineNoZero() {
            assertEquals(0L, test(payload(SampleReports.mixed(), 1), 0).get("line_no"));
        }

        @Test
        @DisplayName("test_code is empty")
        void testCode() {
            assertEquals("", test(payload(SampleReports.mixed(), 1), 2).get("test_code"));
        }

        @Test
        @DisplayName("scores are the tests' scores")
        void scores() {
            Map<String, Object> queue = payload(SampleReports.mixed(), 2);
            assertEquals(List.of(5L, 0L), List.of(test(queue, 0).get("score"), test(queue, 2).get("score")));
        }
    }

    @Nested
    @DisplayName("messages")
    class Messages {
        @Test
        @DisplayName("a multi-line message is put on one line")
        void oneLine() {
            String message = (String) test(payload(SampleReports.mixed(), 1), 2).get("message");
            assertEquals("Expected square(7) to return 49, but it returned 14. Hint: multiply the number by itself;"
                    + " do not add it to itself. Read \"Step 1: square\" in the guide, section \"Your first worker\".", message);
        }

        @Test
        @DisplayName("an error's message starts with the test's name, which the reporter does not print for errors")
        void errorNamed() {
            assertEquals("finishes in about one second: NoSuchMethodError: lab.SlowSquare.run()",
                    test(payload(SampleReports.mixed(), 3), 3).get("message"));
        }

        @Test
        @DisplayName("a long message is cut to the cap")
        void capped() {
            GradeReport report = SampleReports.withMessage(TestStatus.FAILED, "t", "x".repeat(10_000));
            String message = (String) test(payload(report, 0), 0).get("message");
            assertEquals(ClassroomResults.MAX_MESSAGE_CHARS, message.length());
        }

        @Test
        @DisplayName("a cut message says where the rest is")
        void cutSaysSo() {
            GradeReport report = SampleReports.withMessage(TestStatus.FAILED, "t", "x".repeat(10_000));
            assertTrue(((String) test(payload(report, 0), 0).get("message")).endsWith(ClassroomResults.SHORTENED));
        }

        @Test
        @DisplayName("a workflow command in a message is defused")
        void workflowCommand() {
            GradeReport report = SampleReports.withMessage(TestStatus.FAILED, "t",
                    "bad\n::notice title=Autograding complete::Points 100/100\n##[error]x");
            String message = (String) test(payload(report, 0), 0).get("message");
            assertFalse(message.contains("::") || message.contains("##["), message);
        }

        @Test
        @DisplayName("control characters are removed")
        void controls() {
            GradeReport report = SampleReports.withMessage(TestStatus.FAILED, "t", "a\u001b[31mb\u0000c");
            assertEquals("a[31mbc", test(payload(report, 0), 0).get("message"));
        }
    }

    @Nested
    @DisplayName("files")
    class WrittenFiles {
        @TempDir
        Path dir;

        @Test
        @DisplayName("are one JSON per runner, outputs.env and runners.txt")
        void names() throws IOException {
            List<String> names = ClassroomResults.write(SampleReports.mixed(), dir).stream()
                    .map(path -> dir.relativize(path).toString().replace('\\', '/')).toList();
            assertEquals(List.of("classroom/square.json", "classroom/complexsquare.json", "classroom/queue.json",
                    "classroom/slowsquare.json", "classroom/outputs.env", "classroom/runners.txt"), names);
        }

        @Test
        @DisplayName("runners.txt lists the runners comma-separated")
        void runners() throws IOException {
            ClassroomResults.write(SampleReports.mixed(), dir);
            assertEquals("square,complexsquare,queue,slowsquare",
                    Files.readString(dir.resolve("classroom/runners.txt")).strip());
        }

        @Test
        @DisplayName("outputs.env has one VARIABLE=base64 line per runner")
        void envLines() throws IOException {
            ClassroomResults.write(SampleReports.mixed(), dir);
            List<String> lines = Files.readAllLines(dir.resolve("classroom/outputs.env"));
            assertEquals(List.of("SQUARE_RESULTS", "COMPLEXSQUARE_RESULTS", "QUEUE_RESULTS", "SLOWSQUARE_RESULTS"),
                    lines.stream().map(line -> line.substring(0, line.indexOf('='))).toList());
        }

        @Test
        @DisplayName("each env value is single-line standard base64")
        void envValuesAreBase64() throws IOException {
            ClassroomResults.write(SampleReports.mixed(), dir);
            for (String line : Files.readAllLines(dir.resolve("classroom/outputs.env"))) {
                assertTrue(line.substring(line.indexOf('=') + 1).matches("[A-Za-z0-9+/]+={0,2}"), line);
            }
        }

        @Test
        @DisplayName("an env value decodes to the runner's JSON file")
        void envMatchesJson() throws IOException {
            ClassroomResults.write(SampleReports.mixed(), dir);
            String line = Files.readAllLines(dir.resolve("classroom/outputs.env")).get(1);
            String decoded = new String(Base64.getDecoder().decode(line.substring(line.indexOf('=') + 1)),
                    StandardCharsets.UTF_8);
            assertEquals(Files.readString(dir.resolve("classroom/complexsquare.json")).strip(), decoded);
        }
    }
}
