package grader.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.json.GraderJson;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Covers {@link GradeJson}: the file's shape, and that reading gives back exactly what was written. */
@DisplayName("grade.json")
class GradeJsonTest {

    private static Map<String, Object> parsed(GradeReport report) {
        return GraderJson.readObject(GradeJson.toJson(report));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> step(Map<String, Object> root, int index) {
        return (Map<String, Object>) ((List<Object>) root.get("steps")).get(index);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> test(Map<String, Object> step, int index) {
        return (Map<String, Object>) ((List<Object>) step.get("tests")).get(index);
    }

    @Nested
    @DisplayName("shape")
    class Shape {
        @Test
        @DisplayName("the top-level keys come in the documented order")
        void topLevelKeys() {
            assertEquals(List.of("score", "max_score", "submission", "graded_at", "grader_version", "steps", "phases_ms",
                            "protected_files", "timelines"),
                    new ArrayList<>(parsed(SampleReports.mixed()).keySet()));
        }

        @Test
        @DisplayName("a step has id, title, score, max_score and tests")
        void stepKeys() {
            assertEquals(List.of("id", "title", "score", "max_score", "tests"),
                    new ArrayList<>(step(parsed(SampleReports.mixed()), 0).keySet()));
        }

        @Test
        @DisplayName("a test without a location has no file or line")
        void testKeysWithoutLocation() {
            assertEquals(List.of("name", "status", "score", "max_score", "message"),
                    new ArrayList<>(test(step(parsed(SampleReports.mixed()), 0), 0).keySet()));
        }

        @Test
        @DisplayName("a test with a location has its file and line")
        void testKeysWithLocation() {
            Map<String, Object> failed = test(step(parsed(SampleReports.mixed()), 1), 2);
            assertEquals(List.of("exercises/src/main/java/lab/ComplexSquare.java", 12L),
                    List.of(failed.get("file"), failed.get("line")));
        }

        @Test
        @DisplayName("statuses are the lower-case words")
        void statusWords() {
            Map<String, Object> queue = step(parsed(SampleReports.mixed()), 2);
            assertEquals(List.of("passed", "passed", "failed", "timeout", "passed"),
                    List.of(test(queue, 0).get("status"), test(queue, 1).get("status"), test(queue, 2).get("status"),
                            test(queue, 3).get("status"), test(queue, 4).get("status")));
        }

        @Test
        @DisplayName("graded_at is an ISO-8601 instant")
        void gradedAt() {
            assertEquals("2025-03-01T12:34:56.789Z", parsed(SampleReports.mixed()).get("graded_at"));
        }

        @Test
        @DisplayName("phases_ms keeps the phases in order")
        void phases() {
            assertEquals(List.of("compile", "rules", "square", "complex_square", "queue", "slow_square"),
                    new ArrayList<>(((Map<?, ?>) parsed(SampleReports.mixed()).get("phases_ms")).keySet()));
        }

        @Test
        @DisplayName("scores are the report's")
        void scores() {
            Map<String, Object> root = parsed(SampleReports.mixed());
            assertEquals(List.of(73L, 100L), List.of(root.get("score"), root.get("max_score")));
        }

        @Test
        @DisplayName("the file is pretty-printed")
        void pretty() {
            assertTrue(GradeJson.toJson(SampleReports.mixed()).startsWith("{\n  \"score\": 73,\n"));
        }
    }

    @Nested
    @DisplayName("round trip")
    class RoundTrip {
        @TempDir
        Path dir;

        private GradeReport roundTrip(GradeReport report) throws IOException {
            return GradeJson.read(GradeJson.write(report, dir));
        }

        @Test
        @DisplayName("a mixed report reads back equal")
        void mixed() throws IOException {
            assertEquals(SampleReports.mixed(), roundTrip(SampleReports.mixed()));
        }

        @Test
        @DisplayName("a report with changed protected files reads back equal")
        void protectedFiles() throws IOException {
            GradeReport mixed = SampleReports.mixed();
            GradeReport report = new GradeReport(mixed.score(), mixed.maxScore(), mixed.submission(), mixed.gradedAt(),
                    mixed.graderVersion(), mixed.steps(), mixed.phaseMillis(),
                    new ProtectedFiles(true, List.of("pom.xml"), List.of("mvnw"), List.of(".github/workflows/x.yml")));
            assertEquals(report, roundTrip(report));
        }

        @Test
        @DisplayName("a report with timelines reads back equal")
        void timelines() throws IOException {
            GradeReport mixed = SampleReports.mixed();
            RunTimeline timeline = new RunTimeline("10 tasks ran on 4 workers in 3 rounds: parallel.", true, false, false,
                    10, 4, 4, 3_300, List.of("main", "worker 1"), List.of(new RunTimeline.Bar(1, 140, 1249)), false);
            GradeReport report = new GradeReport(mixed.score(), mixed.maxScore(), mixed.submission(), mixed.gradedAt(),
                    mixed.graderVersion(), mixed.steps(), mixed.phaseMillis(), mixed.protectedFiles(),
                    Map.of("slow_square", timeline));
            assertEquals(report, roundTrip(report));
        }

        @Test
        @DisplayName("a grade.json from before protected files were checked reads as not checked")
        void withoutProtectedFiles() throws IOException {
            String json = GradeJson.toJson(SampleReports.mixed()).replaceFirst(",\\s*\"protected_files\"[^}]*}", "")
                    .replaceFirst(",\\s*\"timelines\"[^}]*}", "");
            assertFalse(json.contains("protected_files"), json);
            assertEquals(ProtectedFiles.notChecked(), GradeJson.parse(json).protectedFiles());
        }

        @Test
        @DisplayName("a perfect report reads back equal")
        void perfect() throws IOException {
            assertEquals(SampleReports.perfect(), roundTrip(SampleReports.perfect()));
        }

        @Test
        @DisplayName("a zero report reads back equal")
        void zero() throws IOException {
            assertEquals(SampleReports.zero(), roundTrip(SampleReports.zero()));
        }

        @Test
        @DisplayName("hostile text (markup, quotes, control characters, emoji) reads back unchanged")
        void hostileText() throws IOException {
            GradeReport report = SampleReports.withMessage(TestStatus.FAILED, "name \"quoted\" </script>",
                    "]]> <script>alert('x')</script> \u0001\u0000\u001b[31m \\ \t\r\n \u2028 😀 \u202e");
            assertEquals(report, roundTrip(report));
        }

        @Test
        @DisplayName("an unpaired surrogate reads back unchanged")
        void unpairedSurrogate() throws IOException {
            GradeReport report = SampleReports.withMessage(TestStatus.FAILED, "t", "half a pair: \ud83d then \ude00.");
            assertEquals(report, roundTrip(report));
        }

        @Test
        @DisplayName("null message, submission, version and time read back as null")
        void nulls() throws IOException {
            GradeReport report = new GradeReport(0, 5, null, null, null,
                    List.of(new StepResult("square", "Step 1: square", 0, 5,
                            List.of(new TestResult("t", TestStatus.ERROR, 0, 5, null, null)))),
                    Map.of());
            assertEquals(report, roundTrip(report));
        }

        @Test
        @DisplayName("nanosecond precision in graded_at survives")
        void nanoseconds() throws IOException {
            GradeReport mixed = SampleReports.mixed();
            GradeReport report = new GradeReport(mixed.score(), mixed.maxScore(), mixed.submission(),
                    Instant.parse("2025-03-01T12:34:56.123456789Z"), mixed.graderVersion(), mixed.steps(),
                    mixed.phaseMillis());
            assertEquals(report, roundTrip(report));
        }
    }

    @Nested
    @DisplayName("reading a bad file")
    class BadFile {
        private static String error(String json) {
            return assertThrows(IllegalArgumentException.class, () -> GradeJson.parse(json)).getMessage();
        }

        private static String mixedWith(String from, String to) {
            String json = GradeJson.toJson(SampleReports.mixed());
            assertTrue(json.contains(from), from);
            return json.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to));
        }

        @Test
        @DisplayName("a missing field is named with its path")
        void missingField() {
            assertEquals("grade.json: steps[0].tests[0].max_score is missing", error(mixedWith("\"max_score\": 5,", "")));
        }

        @Test
        @DisplayName("an unknown status is rejected, naming the statuses there are")
        void unknownStatus() {
            assertEquals("grade.json: steps[0].tests[0].status is not one of \"passed\", \"failed\", \"error\", \"timeout\": \"skipped\"",
                    error(mixedWith("\"passed\"", "\"skipped\"")));
        }

        @Test
        @DisplayName("a fractional score is rejected")
        void fractionalScore() {
            assertEquals("grade.json: score is not a whole number", error(mixedWith("\"score\": 73", "\"score\": 73.5")));
        }

        @Test
        @DisplayName("a score in quotes is rejected")
        void quotedScore() {
            assertEquals("grade.json: score is not a whole number", error(mixedWith("\"score\": 73", "\"score\": \"73\"")));
        }

        @Test
        @DisplayName("a step list that is null is rejected")
        void nullSteps() {
            assertEquals("grade.json: steps is not an array", error(mixedWith("\"steps\": [", "\"steps\": null, \"x\": [")));
        }

        @Test
        @DisplayName("a phase time that is null is rejected")
        void nullPhase() {
            assertEquals("grade.json: phases_ms.compile is not a whole number", error(mixedWith("\"compile\": 812", "\"compile\": null")));
        }

        @Test
        @DisplayName("a graded_at that is no instant is rejected, quoting it")
        void badTime() {
            assertEquals("grade.json: graded_at is not an ISO-8601 instant: \"yesterday\"",
                    error(mixedWith("\"2025-03-01T12:34:56.789Z\"", "\"yesterday\"")));
        }

        @Test
        @DisplayName("a test with a file but no line is rejected")
        void fileWithoutLine() {
            assertEquals("grade.json: steps[1].tests[2]: a test with a file needs its line", error(mixedWith(",\n          \"line\": 12", "")));
        }

        @Test
        @DisplayName("a key twice is rejected, whichever copy a reader would take")
        void duplicateKey() {
            assertTrue(error(mixedWith("\"score\": 73,", "\"score\": 73, \"score\": 100,"))
                    .matches("grade\\.json: bad JSON at line 2, column \\d+: Duplicate field 'score'"));
        }

        @Test
        @DisplayName("text after the report is rejected")
        void trailingText() {
            assertTrue(error(GradeJson.toJson(SampleReports.mixed()) + "{}").startsWith("grade.json: bad JSON at line "));
        }

        @Test
        @DisplayName("a file cut short says so, and where")
        void cutShort() {
            String json = GradeJson.toJson(SampleReports.mixed());
            assertTrue(error(json.substring(0, json.length() / 2)).matches("grade\\.json: bad JSON at line \\d+, column \\d+: unexpected end of text"));
        }
    }

    @Nested
    @DisplayName("reading timelines")
    class Timelines {
        private final String withTimeline = GradeJson.toJson(new GradeReport(73, 100, "s", SampleReports.GRADED_AT, "v",
                SampleReports.mixed().steps(), Map.of(), ProtectedFiles.notChecked(), Map.of("square", new RunTimeline(
                        "v", true, false, false, 10, 4, 4, 3_300, List.of("main", "worker 1"),
                        List.of(new RunTimeline.Bar(1, 140, 1249)), false))));

        @Test
        @DisplayName("a bar is written as [lane, start_ms, end_ms]")
        void barShape() {
            assertTrue(withTimeline.contains("\"bars\": [\n        [\n          1,\n          140,\n          1249\n        ]\n      ]"),
                    withTimeline);
        }

        @Test
        @DisplayName("a bar of two numbers is rejected")
        void shortBar() {
            String json = withTimeline.replace("140,\n          1249", "140");
            assertEquals("grade.json: timelines.square.bars[0].end_ms is missing",
                    assertThrows(IllegalArgumentException.class, () -> GradeJson.parse(json)).getMessage());
        }

        @Test
        @DisplayName("null timelines read as none")
        void nullTimelines() {
            String json = GradeJson.toJson(SampleReports.mixed()).replace("\"timelines\": {}", "\"timelines\": null");
            assertEquals(Map.of(), GradeJson.parse(json).timelines());
        }
    }
}
