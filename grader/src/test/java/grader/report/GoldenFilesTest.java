package grader.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import grader.batch.BatchRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Holds the report files to their golden copies, byte for byte: key order, number format, escaping,
 * indentation and the final line feed are what tools and the dashboard read, so none may drift.
 *
 * <p>The golden files, in {@code src/test/resources/golden}, were written by the grader's earlier,
 * hand-written JSON code from real gradings, before Jackson took over: {@code grades/alice.json} is
 * a student repository whose square throws an exception whose message holds markup, {@code &},
 * non-ASCII letters, U+2028, an emoji, quotes and control characters (with timelines and changed
 * protected files); {@code grades/carol.json} a submission with a compile error (with locations).
 * Paths, times and the grader's identity were then replaced by neutral values. {@code report/} holds
 * the Classroom payloads and Gradescope results of alice's grade, {@code grades/.batch/} the batch
 * records of alice and of dave, whose repository could not be graded; {@code DashboardDataTest} checks
 * the dashboard's data for the folder against {@code dashboard-data.json}.
 */
@DisplayName("the golden report files")
class GoldenFilesTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    @TempDir
    Path temp;

    private static String golden(String file) throws IOException {
        return Files.readString(GOLDEN.resolve(file), StandardCharsets.UTF_8);
    }

    @Nested
    @DisplayName("grade.json")
    class GradeFile {
        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"alice", "carol"})
        @DisplayName("reads and writes back byte for byte")
        void roundTrip(String login) throws IOException {
            String file = "grades/" + login + ".json";
            assertEquals(golden(file), GradeJson.toJson(GradeJson.read(GOLDEN.resolve(file))));
        }
    }

    @Nested
    @DisplayName("batch records")
    class BatchRecords {
        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"alice", "dave"})
        @DisplayName("read and write back byte for byte")
        void roundTrip(String login) throws IOException {
            BatchRecord.read(GOLDEN.resolve("grades"), login).orElseThrow().write(temp);
            assertEquals(golden("grades/.batch/" + login + ".json"),
                    Files.readString(BatchRecord.file(temp, login), StandardCharsets.UTF_8));
        }
    }

    @Nested
    @DisplayName("the formats written from a grade")
    class Formats {
        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"classroom/square.json", "classroom/complexsquare.json", "classroom/queue.json",
                "classroom/slowsquare.json", "classroom/outputs.env", "results.json"})
        @DisplayName("are the golden ones")
        void sameAsGolden(String file) throws IOException {
            List<Path> written = ReportWriter.writeAll(GradeJson.read(GOLDEN.resolve("grades/alice.json")), temp);
            assertEquals(true, written.contains(temp.resolve(file)), written.toString());
            assertEquals(golden("report/" + file), Files.readString(temp.resolve(file), StandardCharsets.UTF_8));
        }
    }
}
