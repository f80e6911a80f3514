package grader.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Covers {@link ReportWriter}: which files it writes, and where. */
@DisplayName("report writer")
class ReportWriterTest {
    private static final List<String> FILES = List.of("annotations.txt", "classroom/complexsquare.json", "classroom/outputs.env",
            "classroom/queue.json", "classroom/runners.txt", "classroom/slowsquare.json", "classroom/square.json",
            "grade.json", "junit.xml", "results.json", "summary.md");

    @TempDir
    Path temp;

    private List<String> filesUnder(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile).map(path -> dir.relativize(path).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    @Nested
    @DisplayName("writeAll")
    class WriteAll {
        @Test
        @DisplayName("writes exactly the report files")
        void files() throws IOException {
            ReportWriter.writeAll(SampleReports.mixed(), temp);
            assertEquals(FILES, filesUnder(temp));
        }

        @Test
        @DisplayName("returns every file it wrote")
        void returned() throws IOException {
            List<String> returned = ReportWriter.writeAll(SampleReports.mixed(), temp).stream()
                    .map(path -> temp.relativize(path).toString().replace('\\', '/')).sorted().toList();
            assertEquals(FILES, returned);
        }

        @Test
        @DisplayName("creates a missing directory")
        void createsDirectory() throws IOException {
            Path dir = temp.resolve("a/b/grade-report");
            ReportWriter.writeAll(SampleReports.mixed(), dir);
            assertTrue(Files.isRegularFile(dir.resolve("grade.json")));
        }

        @Test
        @DisplayName("replaces files from an earlier run")
        void replaces() throws IOException {
            ReportWriter.writeAll(SampleReports.zero(), temp);
            ReportWriter.writeAll(SampleReports.perfect(), temp);
            assertEquals(SampleReports.perfect(), GradeJson.read(temp.resolve("grade.json")));
        }

        @Test
        @DisplayName("passes extra Markdown on to the summary")
        void extraMarkdown() throws IOException {
            ReportWriter.writeAll(SampleReports.mixed(), temp, Map.of("queue", "EXTRA-MARKER"));
            assertTrue(Files.readString(temp.resolve("summary.md")).contains("EXTRA-MARKER"));
        }

        @Test
        @DisplayName("still writes grade.json when another format fails")
        void bestEffort() throws IOException {
            GradeReport clash = new SampleReports.Builder().step("slow_square", "a", 1).passed("t")
                    .step("slowsquare", "b", 1).passed("t").build();
            try {
                ReportWriter.writeAll(clash, temp);
            } catch (IOException expected) {
                // the Classroom files cannot be written for clashing runner ids
            }
            assertEquals(clash, GradeJson.read(temp.resolve("grade.json")));
        }

        @Test
        @DisplayName("reports a failed format by name")
        void failureNamed() {
            GradeReport clash = new SampleReports.Builder().step("slow_square", "a", 1).passed("t")
                    .step("slowsquare", "b", 1).passed("t").build();
            IOException error = Assertions.assertThrows(IOException.class,
                    () -> ReportWriter.writeAll(clash, temp));
            assertTrue(error.getMessage().startsWith("could not write classroom/ in "), error.getMessage());
        }
    }
}
