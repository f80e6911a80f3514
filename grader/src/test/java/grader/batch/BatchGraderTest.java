package grader.batch;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.export.TemplateExporter;
import grader.export.TemplateFiles;
import grader.report.GradeJson;
import grader.report.GradeReport;
import grader.report.StepResult;
import grader.report.TestResult;
import grader.report.TestStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batch's bookkeeping, with a stand-in for the grading of one repository so that each test
 * takes milliseconds; {@code BatchCommandTest} grades real repositories end to end.
 */
@DisplayName("batch grading")
class BatchGraderTest {
    private static final TemplateFiles TEMPLATE = TemplateFiles.bundled();

    @TempDir
    Path batch;
    @TempDir
    Path grades;

    /** Grades every repository with score = number of characters of its Square.java mod 101; counts calls. */
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final SingleGrading fake = (repository, reportDir) -> {
        calls.computeIfAbsent(repository.login(), login -> new AtomicInteger()).incrementAndGet();
        Path square = repository.path().resolve("exercises/src/main/java/lab/Square.java");
        if (!Files.exists(square)) {
            return new SingleGrading.Outcome(BatchRecord.Status.ERROR, "no lab sources");
        }
        try {
            int score = (int) (Files.size(square) % 101);
            GradeJson.write(report(score), reportDir);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new SingleGrading.Outcome(BatchRecord.Status.GRADED, "");
    };

    private static GradeReport report(int score) {
        return new GradeReport(score, 100, "x", Instant.parse("2026-01-01T00:00:00Z"), "test",
                List.of(new StepResult("square", "Step 1: square", score, 100,
                        List.of(new TestResult("t", score == 100 ? TestStatus.PASSED : TestStatus.FAILED, score, 100, "", null)))),
                Map.of());
    }

    @BeforeEach
    void students() throws IOException {
        for (String login : List.of("alice", "bob", "carol")) {
            new TemplateExporter(TEMPLATE).export(batch.resolve(login));
        }
        Files.writeString(batch.resolve("bob/exercises/src/main/java/lab/Square.java"), "class Square { /* bob's work */ }");
        Files.createDirectories(batch.resolve(".git"));
    }

    private BatchGrader.Summary run(SingleGrading grading, int jobs) throws Exception {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return new BatchGrader(TEMPLATE, grading, jobs, quiet, false).run(batch, grades);
    }

    @Nested
    @DisplayName("a first run")
    class FirstRun {
        @Test
        @DisplayName("writes one grade file per student folder, named by login, and skips dot-folders")
        void gradeFiles() throws Exception {
            run(fake, 2);
            try (var files = Files.list(grades)) {
                assertEquals(List.of("alice.json", "bob.json", "carol.json"), files.filter(Files::isRegularFile)
                        .map(p -> p.getFileName().toString()).sorted().toList());
            }
        }

        @Test
        @DisplayName("writes the grade the grading produced")
        void gradeContent() throws Exception {
            run(fake, 2);
            long expected = Files.size(batch.resolve("bob/exercises/src/main/java/lab/Square.java")) % 101;
            assertEquals(expected, GradeJson.read(grades.resolve("bob.json")).score());
        }

        @Test
        @DisplayName("records whether the stubs were changed")
        void submitted() throws Exception {
            run(fake, 2);
            assertAll(
                    () -> assertTrue(BatchRecord.read(grades, "bob").orElseThrow().submitted()),
                    () -> assertFalse(BatchRecord.read(grades, "alice").orElseThrow().submitted()));
        }

        @Test
        @DisplayName("grades N repositories at a time")
        void jobsAtATime() throws Exception {
            CyclicBarrier bothIn = new CyclicBarrier(2);
            AtomicInteger running = new AtomicInteger();
            AtomicInteger most = new AtomicInteger();
            SingleGrading overlapping = (repository, reportDir) -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    if (!repository.login().equals("carol")) {
                        bothIn.await(30, TimeUnit.SECONDS); // only passes when two gradings run together
                    }
                    return fake.grade(repository, reportDir);
                } catch (Exception e) {
                    return new SingleGrading.Outcome(BatchRecord.Status.ERROR, "not concurrent: " + e);
                } finally {
                    running.decrementAndGet();
                }
            };
            BatchGrader.Summary summary = run(overlapping, 2);
            assertAll(() -> assertEquals(List.of(), summary.failed()), () -> assertEquals(2, most.get()));
        }
    }

    @Nested
    @DisplayName("a second run")
    class SecondRun {
        @Test
        @DisplayName("skips every repository that has not changed")
        void skipsUnchanged() throws Exception {
            run(fake, 2);
            BatchGrader.Summary again = run(fake, 2);
            assertAll(() -> assertEquals(3, again.skipped()), () -> assertEquals(Map.of("alice", 1, "bob", 1, "carol", 1),
                    Map.of("alice", calls.get("alice").get(), "bob", calls.get("bob").get(), "carol", calls.get("carol").get())));
        }

        @Test
        @DisplayName("grades again a repository whose code changed")
        void regradesChanged() throws Exception {
            run(fake, 2);
            Files.writeString(batch.resolve("alice/exercises/src/main/java/lab/Square.java"), "class Square {}");
            BatchGrader.Summary again = run(fake, 2);
            assertAll(() -> assertEquals(1, again.graded()), () -> assertEquals(2, calls.get("alice").get()));
        }

        @Test
        @DisplayName("grades again a repository whose record is damaged")
        void regradesDamagedRecord() throws Exception {
            run(fake, 2);
            Files.writeString(BatchRecord.file(grades, "carol"), "{\"login\": ");
            run(fake, 2);
            assertEquals(2, calls.get("carol").get());
        }
    }

    @Nested
    @DisplayName("a broken repository")
    class Broken {
        @Test
        @DisplayName("gets a record saying why, and no grade file")
        void recorded() throws Exception {
            Files.delete(batch.resolve("carol/exercises/src/main/java/lab/Square.java"));
            run(fake, 1);
            BatchRecord record = BatchRecord.read(grades, "carol").orElseThrow();
            assertAll(
                    () -> assertEquals(BatchRecord.Status.ERROR, record.status()),
                    () -> assertEquals("no lab sources", record.message()),
                    () -> assertFalse(Files.exists(grades.resolve("carol.json"))));
        }

        @Test
        @DisplayName("never stops the batch, even when its grading throws")
        void doesNotStopTheBatch() throws Exception {
            SingleGrading throwing = (repository, reportDir) -> {
                if (repository.login().equals("alice")) {
                    throw new IllegalStateException("boom");
                }
                return fake.grade(repository, reportDir);
            };
            BatchGrader.Summary summary = run(throwing, 1);
            assertAll(
                    () -> assertEquals(List.of("alice"), summary.failed()),
                    () -> assertEquals(2, summary.graded()),
                    () -> assertTrue(BatchRecord.read(grades, "alice").orElseThrow().message().contains("boom")));
        }
    }
}
