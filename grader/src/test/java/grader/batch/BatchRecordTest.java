package grader.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Covers {@link BatchRecord}'s file: its shape, the round trip, and that a damaged file reads as absent. */
@DisplayName("batch record")
class BatchRecordTest {
    private static final BatchRecord RECORD = new BatchRecord("alice", "classroom/lab-alice", "git:0123abc sha256:4567def",
            "1.0.0 0123456789abcdef", BatchRecord.Status.ERROR, "the grading failed: <boom> & \"more\"", true,
            Instant.parse("2026-11-25T18:00:00.123456789Z"), 14.24);

    @TempDir
    Path grades;

    private String written() throws IOException {
        RECORD.write(grades);
        return Files.readString(BatchRecord.file(grades, "alice"));
    }

    @Nested
    @DisplayName("writing")
    class Writing {
        @Test
        @DisplayName("writes the documented keys in order, pretty-printed, seconds in tenths")
        void shape() throws IOException {
            assertEquals("""
                    {
                      "login": "alice",
                      "repository": "classroom/lab-alice",
                      "commit": "git:0123abc sha256:4567def",
                      "grader_version": "1.0.0 0123456789abcdef",
                      "status": "error",
                      "message": "the grading failed: \\u003cboom\\u003e \\u0026 \\"more\\"",
                      "submitted": true,
                      "graded_at": "2026-11-25T18:00:00.123456789Z",
                      "seconds": 14.2
                    }
                    """, written());
        }

        @Test
        @DisplayName("writes whole seconds without a fraction, and reads them back")
        void wholeSeconds() throws IOException {
            new BatchRecord("bob", "r", "c", "v", BatchRecord.Status.GRADED, "", false, Instant.EPOCH, 11.96).write(grades);
            assertEquals(true, Files.readString(BatchRecord.file(grades, "bob")).contains("\"seconds\": 12\n"));
            assertEquals(12.0, BatchRecord.read(grades, "bob").orElseThrow().seconds());
        }

        @Test
        @DisplayName("reads back what it wrote")
        void roundTrip() throws IOException {
            written();
            assertEquals(Optional.of(new BatchRecord(RECORD.login(), RECORD.repository(), RECORD.commit(),
                    RECORD.graderVersion(), RECORD.status(), RECORD.message(), RECORD.submitted(), RECORD.gradedAt(), 14.2)),
                    BatchRecord.read(grades, "alice"));
        }
    }

    @Nested
    @DisplayName("reading a damaged file")
    class Damaged {
        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                a missing key        | "submitted": true,                          | ''
                a null status        | "status": "error"                           | "status": null
                an unknown status    | "status": "error"                           | "status": "lost"
                a null time          | "graded_at": "2026-11-25T18:00:00.123456789Z" | "graded_at": null
                a time that is none  | "graded_at": "2026-11-25T18:00:00.123456789Z" | "graded_at": "soon"
                seconds as text      | "seconds": 14.2                             | "seconds": "14.2"
                a number for text    | "commit": "git:0123abc sha256:4567def"      | "commit": 7
                a key twice          | "submitted": true,                          | "submitted": true, "submitted": false,
                """)
        @DisplayName("reads it as absent, so the repository is graded again")
        void absent(String name, String from, String to) throws IOException {
            String json = written();
            assertEquals(true, json.contains(from), from);
            Files.writeString(BatchRecord.file(grades, "alice"), json.replace(from, to));
            assertEquals(Optional.empty(), BatchRecord.read(grades, "alice"));
        }

        @Test
        @DisplayName("reads text that is not JSON as absent")
        void notJson() throws IOException {
            Files.createDirectories(BatchRecord.file(grades, "alice").getParent());
            Files.writeString(BatchRecord.file(grades, "alice"), "{\"login\": ");
            assertEquals(Optional.empty(), BatchRecord.read(grades, "alice"));
        }

        @Test
        @DisplayName("reads a missing file as absent")
        void missing() {
            assertEquals(Optional.empty(), BatchRecord.read(grades, "alice"));
        }
    }
}
