package grader.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import grader.batch.BatchRecord;
import grader.json.GraderJson;
import grader.report.GradeReport;
import grader.report.ReportText;
import grader.report.RunTimeline;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Covers {@link DashboardData}: the compact JSON the page renders. */
@DisplayName("dashboard data")
class DashboardDataTest {
    private static final Instant GENERATED = Instant.parse("2025-03-02T08:00:00Z");
    private static final String MESSAGE = "Expected 49, got 14.\nRead the guide.";

    private static Map<String, Object> data(StudentRecord... students) {
        List<StudentRecord> list = Arrays.asList(students);
        return GraderJson.readObject(DashboardData.json(list, ClassAggregate.of(list), GENERATED));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> student(Map<String, Object> data, int index) {
        return ((List<Map<String, Object>>) data.get("students")).get(index);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> strings(Map<String, Object> data) {
        return (List<Object>) data.get("strings");
    }

    private static StudentRecord graded(String login, GradeReport report) {
        return new StudentRecord(login, report, null, null, null, null);
    }

    private static GradeReport squareOnly(String outcomes, String message) {
        return GradeFixtures.report().step("square", outcomes, message).build();
    }

    @Nested
    @DisplayName("the golden data (see GoldenFilesTest)")
    class Golden {
        @Test
        @DisplayName("of the golden grades folder is written byte for byte")
        void sameAsGolden() throws IOException {
            Path golden = Path.of("src/test/resources/golden");
            List<StudentRecord> students = GradeDirectory.read(golden.resolve("grades"));
            assertEquals(Files.readString(golden.resolve("dashboard-data.json"), StandardCharsets.UTF_8),
                    DashboardData.json(students, ClassAggregate.of(students), Instant.parse("2026-11-26T09:00:00Z")));
        }
    }

    @Nested
    @DisplayName("texts")
    class Texts {
        @Test
        @DisplayName("a message many students got is stored once")
        void interned() {
            Map<String, Object> data = data(graded("a", squareOnly("FPPP", MESSAGE)), graded("b", squareOnly("FPPP", MESSAGE)));
            assertEquals(1, strings(data).stream().filter(MESSAGE::equals).count());
        }

        @Test
        @DisplayName("a long message is cut, saying where the rest is")
        void cut() {
            Map<String, Object> data = data(graded("a", squareOnly("FPPP", "x".repeat(5000))));
            String stored = (String) strings(data).get(0);
            assertEquals(List.of(DashboardData.MAX_MESSAGE_CHARS, true),
                    List.of(stored.length(), stored.endsWith(ReportText.TRUNCATED)));
        }
    }

    @Nested
    @DisplayName("a student")
    class Student {
        @Test
        @DisplayName("has the score, its points and when it was graded")
        void score() {
            Map<String, Object> alice = student(data(graded("alice", GradeFixtures.perfect())), 0);
            assertEquals(List.of(100L, 100L, "2025-03-01T12:00:00Z"),
                    List.of(alice.get("score"), alice.get("max"), alice.get("graded")));
        }

        @Test
        @DisplayName("has each step's score and whether it passed, in step order")
        void steps() {
            GradeReport report = GradeFixtures.report().step("square", "PPPF").step("complex_square", "PPPPP").build();
            Map<String, Object> bob = student(data(graded("bob", report)), 0);
            assertEquals(List.of(List.of(15L, 25L), List.of(0L, 1L)), List.of(bob.get("steps"), bob.get("passed")));
        }

        @Test
        @DisplayName("has a passed test as its status alone, another as status and message")
        @SuppressWarnings("unchecked")
        void tests() {
            Map<String, Object> data = data(graded("bob", squareOnly("PFPT", MESSAGE)));
            List<Object> square = ((List<List<Object>>) student(data, 0).get("tests")).get(0);
            long message = strings(data).indexOf(MESSAGE);
            assertEquals(List.of(0L, List.of(1L, message), 0L, List.of(3L, message)), square);
        }

        @Test
        @DisplayName("has null for a step its grade lacks")
        @SuppressWarnings("unchecked")
        void missingStep() {
            Map<String, Object> data = data(graded("a", GradeFixtures.perfect()), graded("b", squareOnly("PPPP", null)));
            assertEquals(Arrays.asList(List.of(0L, 0L, 0L, 0L), null, null, null),
                    ((List<Object>) student(data, 1).get("tests")));
        }

        @Test
        @DisplayName("has its flags as kind and detail")
        void flags() {
            StudentRecord carol = new StudentRecord("carol", null, "bad JSON", null, null, null);
            Map<String, Object> data = data(carol);
            long detail = strings(data).indexOf("grade file unreadable: bad JSON");
            assertEquals(List.of(List.of((long) FlagKind.GRADING_ERROR.ordinal(), detail)), student(data, 0).get("flags"));
        }

        @Test
        @DisplayName("without a grade has no score")
        void noGrade() {
            assertNull(student(data(new StudentRecord("carol", null, "bad JSON", null, null, null)), 0).get("score"));
        }

        @Test
        @DisplayName("takes the commit from the batch record and the repository from Classroom")
        void batchRecordAndClassroom() {
            StudentRecord dave = new StudentRecord("dave", GradeFixtures.perfect(), null,
                    GradeFixtures.batchRecord("dave", BatchRecord.Status.GRADED, true, ""), null,
                    new ClassroomRow("dave", "Dave", "https://example.invalid/lab-dave", "t", 100.0, 100.0));
            Map<String, Object> student = student(data(dave), 0);
            assertEquals(List.of("https://example.invalid/lab-dave", "git:0123456789abcdef0123456789abcdef01234567", "Dave",
                            100L),
                    List.of(student.get("repository"), student.get("commit"), student.get("roster"),
                            student.get("classroomPoints")));
        }

        @Test
        @DisplayName("without Classroom takes the repository from the batch record")
        void repositoryFromBatch() {
            StudentRecord dave = new StudentRecord("dave", GradeFixtures.perfect(), null,
                    GradeFixtures.batchRecord("dave", BatchRecord.Status.GRADED, true, ""), null, null);
            assertEquals("my-org/lab-dave", student(data(dave), 0).get("repository"));
        }

        @Test
        @DisplayName("without a grade file takes the time from the batch record")
        void gradedAtFromBatch() {
            StudentRecord erin = new StudentRecord("erin", null, null,
                    GradeFixtures.batchRecord("erin", BatchRecord.Status.ERROR, true, "x"), null, null);
            assertEquals(GradeFixtures.GRADED_AT.toString(), student(data(erin), 0).get("graded"));
        }
    }

    @Nested
    @DisplayName("run timelines")
    @SuppressWarnings("unchecked")
    class Timelines {
        private static final String VERDICT = "3 tasks ran on 2 workers in 2 rounds: parallel.";
        private static final List<String> LANES = List.of("main", "worker 1", "worker 2");

        private static RunTimeline parallel() {
            return new RunTimeline(VERDICT, true, false, false, 3, 2, 2, 2500, LANES,
                    List.of(new RunTimeline.Bar(1, 100, 1100), new RunTimeline.Bar(2, 102, 1103),
                            new RunTimeline.Bar(1, 1101, 2101)), false);
        }

        private static List<Object> timelines(Map<String, Object> data, int student) {
            return (List<Object>) student(data, student).get("timelines");
        }

        @Test
        @DisplayName("are [verdict, bits, lanes, tasks, span, bars] with each bar as lane, start step and length")
        void encoded() {
            Map<String, Object> data = data(graded("a", GradeFixtures.report().step("square", "PPPP")
                    .timeline("square", parallel()).build()));
            long verdict = strings(data).indexOf(VERDICT);
            assertEquals(List.of(List.of(verdict, 1L, 0L, 3L, 2500L, List.of(1L, 100L, 1000L, 2L, 2L, 1001L, 1L, 999L, 1000L))),
                    timelines(data, 0));
        }

        @Test
        @DisplayName("set a bit for serial, single-process and truncated")
        void bits() {
            RunTimeline serialInMain = new RunTimeline("All 2 tasks ran in the main process, one after another: serial.",
                    false, true, true, 80, 0, 1, 900, List.of("main"),
                    List.of(new RunTimeline.Bar(0, 0, 10), new RunTimeline.Bar(0, 11, 20)), true);
            Map<String, Object> data = data(graded("a", GradeFixtures.report().step("square", "PPPP")
                    .timeline("square", serialInMain).build()));
            assertEquals(2L + 4L + 8L, ((List<Object>) timelines(data, 0).get(0)).get(1));
        }

        @Test
        @DisplayName("store each list of lanes and each verdict once for the class")
        void lanesInterned() {
            GradeReport report = GradeFixtures.report().step("square", "PPPP").timeline("square", parallel()).build();
            Map<String, Object> data = data(graded("a", report), graded("b", report));
            assertEquals(List.of(List.of(LANES), 1L, true),
                    List.of(data.get("laneSets"), strings(data).stream().filter(VERDICT::equals).count(),
                            timelines(data, 0).equals(timelines(data, 1))));
        }

        @Test
        @DisplayName("follow the steps' order, null where a step has none or the student no grade")
        void stepOrder() {
            Map<String, Object> data = data(
                    graded("a", GradeFixtures.report().step("square", "PPPP").step("queue", "PPPPP")
                            .timeline("queue", parallel()).build()),
                    new StudentRecord("b", null, "bad JSON", null, null, null));
            assertEquals(List.of(Arrays.asList(null, 0L), Arrays.asList(null, null)),
                    List.of(timelines(data, 0).stream().map(t -> t == null ? null : ((List<Object>) t).get(2)).toList(),
                            timelines(data, 1)));
        }

        @Test
        @DisplayName("of a step the class has no results for are left out")
        void unknownStep() {
            Map<String, Object> data = data(graded("a", GradeFixtures.report().step("square", "PPPP")
                    .timeline("slow_square", parallel()).build()));
            assertEquals(Arrays.asList((Object) null), timelines(data, 0));
        }

        @Test
        @DisplayName("mark the steps whose work was meant for a pool")
        void poolSteps() {
            List<Map<String, Object>> steps = (List<Map<String, Object>>) data(graded("a", GradeFixtures.perfect()))
                    .get("steps");
            assertEquals(List.of(true, true, false, true), steps.stream().map(step -> step.get("pool")).toList());
        }
    }

    @Nested
    @DisplayName("the class")
    class TheClass {
        @Test
        @DisplayName("has the overview numbers")
        @SuppressWarnings("unchecked")
        void overview() {
            Map<String, Object> overview = (Map<String, Object>) data(graded("a", GradeFixtures.perfect()),
                    graded("b", squareOnly("PPPF", null)), graded("c", squareOnly("PPFF", null))).get("overview");
            assertEquals(List.of(3L, 3L, 0L, 3L, 75L, 75L), List.of(overview.get("students"), overview.get("submitted"),
                    overview.get("notSubmitted"), overview.get("graded"), overview.get("mean"), overview.get("median")));
        }

        @Test
        @DisplayName("rounds the mean to two decimals")
        @SuppressWarnings("unchecked")
        void meanRounded() {
            Map<String, Object> overview = (Map<String, Object>) data(graded("a", GradeFixtures.perfect()),
                    graded("b", GradeFixtures.perfect()), graded("c", squareOnly("PPPF", null))).get("overview");
            assertEquals(91.67, overview.get("mean"));
        }

        @Test
        @DisplayName("lists the flag kinds with the ids the page filters by")
        @SuppressWarnings("unchecked")
        void flagKinds() {
            List<Map<String, Object>> kinds = (List<Map<String, Object>>) data().get("flagKinds");
            assertEquals(List.of("no-submission", "not-graded", "points-differ", "protected-files", "grading-error"),
                    kinds.stream().map(kind -> kind.get("id")).toList());
        }

        @Test
        @DisplayName("says when it was generated")
        void generated() {
            assertEquals("2025-03-02T08:00:00Z", data().get("generated"));
        }
    }
}
