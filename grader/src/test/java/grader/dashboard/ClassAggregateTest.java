package grader.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import grader.batch.BatchRecord;
import grader.report.GradeReport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Covers {@link ClassAggregate}: the class's numbers from a handful of students. */
@DisplayName("class aggregate")
class ClassAggregateTest {
    private static final String SQUARE_FAILURE = "Expected 49, got 14.\nYour program printed 14.";

    /**
     * Five students: alice 100, bob 95 (square's last test failed), carol 85 (square's last two and
     * complex_square's first failed), dave only the starter code, erin in Classroom without a repository.
     */
    private static List<StudentRecord> sampleClass() {
        GradeReport bob = GradeFixtures.report().step("square", "PPPF", SQUARE_FAILURE).step("complex_square", "PPPPP")
                .step("queue", "PPPPP").step("slow_square", "PPPPP").build();
        GradeReport carol = GradeFixtures.report().step("square", "PPFF", "  " + SQUARE_FAILURE.replace("14", "15"))
                .step("complex_square", "FPPPP").step("queue", "PPPPP").step("slow_square", "PPPPP").build();
        GradeReport dave = GradeFixtures.report().step("square", "FFFF").step("complex_square", "FFFFF")
                .step("queue", "FFFFF").step("slow_square", "FFFFF").build();
        return List.of(
                new StudentRecord("alice", GradeFixtures.perfect(), null, null, null, null),
                new StudentRecord("bob", bob, null, null, null, null),
                new StudentRecord("carol", carol, null, null, null, null),
                new StudentRecord("dave", dave, null,
                        GradeFixtures.batchRecord("dave", BatchRecord.Status.GRADED, false, ""), null, null),
                new StudentRecord("erin", null, null, null, null, new ClassroomRow("erin", "Erin", "", "", null, 100.0)));
    }

    private static final ClassAggregate SAMPLE = ClassAggregate.of(sampleClass());

    private static ClassAggregate.StepStats stepStats(ClassAggregate aggregate, String id) {
        return aggregate.steps().stream().filter(step -> step.id().equals(id)).findFirst().orElseThrow();
    }

    @Nested
    @DisplayName("head counts")
    class HeadCounts {
        @Test
        @DisplayName("count every student listed")
        void students() {
            assertEquals(5, SAMPLE.students());
        }

        @Test
        @DisplayName("count the students without the no-submission flag as submitted")
        void submitted() {
            assertEquals(3, SAMPLE.submitted());
        }

        @Test
        @DisplayName("count starter code only and Classroom without a repository as not submitted")
        void notSubmitted() {
            assertEquals(2, SAMPLE.notSubmitted());
        }
    }

    @Nested
    @DisplayName("scores")
    class Scores {
        @Test
        @DisplayName("count only students who submitted and have a grade")
        void graded() {
            assertEquals(3, SAMPLE.scores().graded());
        }

        @Test
        @DisplayName("have the mean of those students")
        void mean() {
            assertEquals((100 + 95 + 85) / 3.0, SAMPLE.scores().mean(), 1e-9);
        }

        @Test
        @DisplayName("have the median of those students")
        void median() {
            assertEquals(95.0, SAMPLE.scores().median());
        }

        @Test
        @DisplayName("are percentages of each grade's own points")
        void percentages() {
            GradeReport half = GradeFixtures.report().step("square", "PPFF").build();
            assertEquals(50.0, ClassAggregate.of(List.of(new StudentRecord("a", half, null, null, null, null)))
                    .scores().mean());
        }

        @Test
        @DisplayName("fill the histogram's bins, full marks in the last")
        void histogram() {
            assertEquals(List.of(0, 0, 0, 0, 0, 0, 0, 0, 1, 2), SAMPLE.scores().histogram());
        }
    }

    @Nested
    @DisplayName("pass rates")
    class PassRates {
        @Test
        @DisplayName("list the steps in lab order")
        void stepOrder() {
            assertEquals(List.of("square", "complex_square", "queue", "slow_square"),
                    SAMPLE.steps().stream().map(ClassAggregate.StepStats::id).toList());
        }

        @Test
        @DisplayName("a step passes for a student who passed all its tests")
        void step() {
            ClassAggregate.StepStats square = stepStats(SAMPLE, "square");
            assertEquals(List.of(3, 1), List.of(square.graded(), square.passed()));
        }

        @Test
        @DisplayName("count each step over the graded students")
        void complexSquare() {
            ClassAggregate.StepStats complexSquare = stepStats(SAMPLE, "complex_square");
            assertEquals(List.of(3, 2), List.of(complexSquare.graded(), complexSquare.passed()));
        }

        @Test
        @DisplayName("count each test over the graded students, in order")
        void tests() {
            assertEquals(List.of(new ClassAggregate.TestStats("square test 1", 3, 3),
                            new ClassAggregate.TestStats("square test 2", 3, 3),
                            new ClassAggregate.TestStats("square test 3", 3, 2),
                            new ClassAggregate.TestStats("square test 4", 3, 1)),
                    stepStats(SAMPLE, "square").tests());
        }

        @Test
        @DisplayName("are empty for a class without grades")
        void none() {
            assertEquals(List.of(), ClassAggregate.of(List.of()).steps());
        }
    }

    @Nested
    @DisplayName("most failed tests")
    class MostFailed {
        @Test
        @DisplayName("come most failed first, ties in lab order")
        void order() {
            assertEquals(List.of("square test 4", "square test 3", "complex_square test 1"),
                    SAMPLE.topFailures().stream().map(ClassAggregate.FailingTest::testName).toList());
        }

        @Test
        @DisplayName("say how many graded students did not pass")
        void counts() {
            ClassAggregate.FailingTest worst = SAMPLE.topFailures().get(0);
            assertEquals(List.of("square", 3, 2), List.of(worst.stepId(), worst.graded(), worst.notPassed()));
        }

        @Test
        @DisplayName("group messages by their first line, counting students")
        void grouped() {
            assertEquals(List.of(new ClassAggregate.MessageCount("Expected 49, got 14.", 1),
                            new ClassAggregate.MessageCount("Expected 49, got 15.", 1)),
                    SAMPLE.topFailures().get(0).messages());
        }

        @Test
        @DisplayName("put the commonest message first and keep three")
        void commonest() {
            List<StudentRecord> students = new ArrayList<>();
            List<String> messages = List.of("a", "b\nmore", "b", "c", "c\nmore", "c", "d", "d");
            for (int i = 0; i < messages.size(); i++) {
                GradeReport report = GradeFixtures.report().step("square", "FPPP", messages.get(i)).build();
                students.add(new StudentRecord("s" + i, report, null, null, null, null));
            }
            assertEquals(List.of(new ClassAggregate.MessageCount("c", 3), new ClassAggregate.MessageCount("b", 2),
                            new ClassAggregate.MessageCount("d", 2)),
                    ClassAggregate.of(students).topFailures().get(0).messages());
        }

        @Test
        @DisplayName("keep at most ten tests")
        void topTen() {
            GradeReport report = GradeFixtures.report().step("square", "FFFF").step("complex_square", "FFFFF")
                    .step("queue", "FFFFF").step("slow_square", "FFFFF").build();
            assertEquals(10, ClassAggregate.of(List.of(new StudentRecord("a", report, null, null, null, null)))
                    .topFailures().size());
        }

        @Test
        @DisplayName("leave out the starter code's failures")
        void starterCodeLeftOut() {
            assertEquals(2, SAMPLE.topFailures().get(0).notPassed());
        }
    }
}
