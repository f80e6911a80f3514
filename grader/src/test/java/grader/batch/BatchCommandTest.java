package grader.batch;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.export.TemplateExporter;
import grader.export.TemplateFiles;
import grader.report.GradeJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code batch} end to end: real repositories, each graded by a grader JVM of its own. */
@DisplayName("grader batch, end to end")
class BatchCommandTest {
    private static final Path SOLUTIONS = Path.of("..", "solutions", "src", "main", "java", "lab");

    @Test
    @DisplayName("grades a finished repository 100, records a broken one as an error, and exits 0")
    void gradesAClass(@TempDir Path batch, @TempDir Path grades) throws Exception {
        Path alice = batch.resolve("alice");
        new TemplateExporter(TemplateFiles.bundled()).export(alice);
        try (Stream<Path> solutions = Files.list(SOLUTIONS)) {
            for (Path solution : solutions.toList()) {
                Files.copy(solution, alice.resolve("exercises/src/main/java/lab").resolve(solution.getFileName()),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.createDirectories(batch.resolve("carol"));

        Process grader = new ProcessBuilder(ChildJvmGrading.command("batch", batch.toString(), "--out",
                grades.toString(), "--jobs", "2")).redirectErrorStream(true).start();
        String output = new String(grader.getInputStream().readAllBytes());
        assertEquals(0, grader.waitFor(), output);

        BatchRecord carol = BatchRecord.read(grades, "carol").orElseThrow();
        assertAll(output,
                () -> assertEquals(100, GradeJson.read(grades.resolve("alice.json")).score()),
                () -> assertEquals(BatchRecord.Status.ERROR, carol.status()),
                () -> assertTrue(carol.message().contains("no src/main/java/lab"), carol.message()),
                () -> assertTrue(output.contains("2/2 100%"), output),
                () -> assertEquals(List.of("alice.json"), Files.list(grades).filter(Files::isRegularFile)
                        .map(p -> p.getFileName().toString()).toList()));
    }
}
