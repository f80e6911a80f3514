package grader.batch;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.annotation.Nulls;
import grader.json.GraderJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * What the batch grader remembers about one student, in {@code <grades-dir>/.batch/<login>.json}:
 * which commit it graded with which grader, how that went, and whether the student had changed the
 * starter code at all. The dashboard reads it for its "not submitted" and "grading error" flags; the
 * next batch reads it to skip repositories that have not changed.
 *
 * <pre>{@code
 * {"login": "alice", "repository": "/.../alice", "commit": "git:3f2a...", "grader_version": "1.0.0",
 *  "status": "graded", "message": "", "submitted": true, "graded_at": "2026-11-25T18:00:00Z", "seconds": 14.2}
 * }</pre>
 *
 * <p>The record is the file: Jackson ({@link GraderJson}) writes its components in order, and reading
 * requires every one of them.
 *
 * @param login         the student's login (the repository's folder name)
 * @param repository    the repository's path
 * @param commit        what was graded: {@code git:<HEAD>} when the repository is a Git checkout,
 *                      else {@code sha256:<hash of the lab sources>}
 * @param graderVersion the grader that graded it
 * @param status        how grading ended
 * @param message       for an error or a timeout, what went wrong; empty otherwise
 * @param submitted     false when the lab sources are still the template's stubs
 * @param gradedAt      when grading ended
 * @param seconds       how long grading took
 */
public record BatchRecord(@JsonProperty(value = "login", required = true) String login,
                          @JsonProperty(value = "repository", required = true) String repository,
                          @JsonProperty(value = "commit", required = true) String commit,
                          @JsonProperty(value = "grader_version", required = true) String graderVersion,
                          @JsonProperty(value = "status", required = true) @JsonSetter(nulls = Nulls.FAIL) Status status,
                          @JsonProperty(value = "message", required = true) String message,
                          @JsonProperty(value = "submitted", required = true) boolean submitted,
                          @JsonProperty(value = "graded_at", required = true) @JsonSetter(nulls = Nulls.FAIL) Instant gradedAt,
                          @JsonProperty(value = "seconds", required = true) double seconds) {

    /** Where the records live inside the grades directory. */
    public static final String DIRECTORY = ".batch";

    /** How grading one repository ended. */
    public enum Status {
        /** A grade file was written. */
        GRADED,
        /** The grader could not grade it (no lab sources, a crash of the grader itself). */
        ERROR,
        /** Grading ran past the batch's time limit and was stopped. */
        TIMEOUT;

        /** The lower-case word in the file. */
        @JsonValue
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The record's file for {@code login} under {@code gradesDir}. */
    public static Path file(Path gradesDir, String login) {
        return gradesDir.resolve(DIRECTORY).resolve(login + ".json");
    }

    /** Writes the record, replacing the old one in one step so a killed batch never leaves half a file. */
    public void write(Path gradesDir) throws IOException {
        // Tenths of a second are all anyone reads; more would only make the file noisy.
        BatchRecord rounded = new BatchRecord(login, repository, commit, graderVersion, status, message, submitted,
                gradedAt, Math.round(seconds * 10) / 10.0);
        AtomicFiles.write(file(gradesDir, login), GraderJson.writePretty(rounded).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads the record for {@code login}, if there is a readable one. A damaged record reads as
     * absent: the repository is then graded again, which is always safe.
     */
    public static Optional<BatchRecord> read(Path gradesDir, String login) {
        Path file = file(gradesDir, login);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(GraderJson.read(Files.readString(file, StandardCharsets.UTF_8), BatchRecord.class));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
