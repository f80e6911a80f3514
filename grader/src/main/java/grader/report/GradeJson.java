package grader.report;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import grader.json.GraderJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code grade.json}: the whole grade as data, for the dashboard and for anyone re-reading a run.
 *
 * <p>The shape, pretty-printed, keys in this order:
 * <pre>{@code
 * {"score": 87, "max_score": 100, "submission": "...", "graded_at": "2025-03-01T12:34:56Z",
 *  "grader_version": "...",
 *  "steps": [{"id": "square", "title": "Step 1: square", "score": 20, "max_score": 20,
 *             "tests": [{"name": "...", "status": "passed|failed|error|timeout", "score": 0,
 *                        "max_score": 5, "message": "...", "file": "...", "line": 12}]}],
 *  "phases_ms": {"compile": 812},
 *  "protected_files": {"checked": true, "intact": false, "modified": ["pom.xml"], "missing": [], "added": []}}
 * }</pre>
 * {@code protected_files} may be absent in files written by older graders; it then reads as not checked.
 * Last comes {@code timelines}: by step id, {@code {"verdict", "parallel", "serial", "single_process",
 * "tasks", "workers", "max_concurrency", "span_ms", "lanes": [names], "bars": [[lane, start_ms, end_ms]],
 * "truncated"}} (see {@link RunTimeline}); absent in older files, read as none.
 * {@code file} and {@code line} appear only when the test has a {@link SourceLocation}. Unlike the
 * other report files this one is not cleaned or truncated: {@link #read} must give back exactly the
 * report that was written, so the dashboard sees what the grader saw. (The exceptions: a {@code null}
 * step list or phase map is written, and so read back, as empty, and a location without a file is written
 * with its line alone.)
 *
 * <p>The records below are the file's shape, mapped by Jackson ({@link GraderJson}); reading is strict:
 * every key above is required but for {@code protected_files}, {@code timelines} (absent or {@code null}:
 * none), {@code file} and {@code line}, and a value of the wrong kind is an error that names its path.
 */
public final class GradeJson {
    /** The file's name inside the report directory. */
    public static final String FILE_NAME = "grade.json";

    private GradeJson() {
    }

    /** Writes {@code grade.json} into {@code dir} and returns its path. */
    public static Path write(GradeReport report, Path dir) throws IOException {
        return ReportFiles.write(dir.resolve(FILE_NAME), toJson(report));
    }

    /** The report as pretty-printed JSON text. */
    public static String toJson(GradeReport report) {
        return escapeLoneSurrogates(GraderJson.writePretty(GradeFile.of(report)));
    }

    /** Reads a {@code grade.json} file back into the report it was written from. */
    public static GradeReport read(Path file) throws IOException {
        return parse(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
    }

    /**
     * Parses {@code grade.json} text.
     *
     * @throws IllegalArgumentException naming the first missing or mistyped field, or where the text
     *                                  stops being JSON
     */
    public static GradeReport parse(String json) {
        try {
            return GraderJson.read(json, GradeFile.class).report();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("grade.json: " + e.getMessage(), e);
        }
    }

    /**
     * Replaces each unpaired surrogate with its {@code \\uXXXX} escape. Jackson writes such a character
     * raw, and UTF-8 cannot encode it, so the file would hold {@code ?} instead and the round trip would
     * not be exact. In JSON text a surrogate can only sit inside a string, where the escape is valid and
     * reads back as the same character.
     */
    private static String escapeLoneSurrogates(String json) {
        StringBuilder out = null;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < json.length()
                    && Character.isLowSurrogate(json.charAt(i + 1));
            if (paired) {
                if (out != null) {
                    out.append(c).append(json.charAt(i + 1));
                }
                i++;
            } else if (Character.isSurrogate(c)) {
                if (out == null) {
                    out = new StringBuilder(json.length() + 16).append(json, 0, i);
                }
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? json : out.toString();
    }

    /** The whole file; keys in the order of the components. */
    record GradeFile(
            @JsonProperty(value = "score", required = true) int score,
            @JsonProperty(value = "max_score", required = true) int maxScore,
            @JsonProperty(value = "submission", required = true) String submission,
            @JsonProperty(value = "graded_at", required = true) Instant gradedAt,
            @JsonProperty(value = "grader_version", required = true) String graderVersion,
            @JsonProperty(value = "steps", required = true) List<Step> steps,
            @JsonProperty(value = "phases_ms", required = true) Map<String, Long> phasesMs,
            @JsonProperty("protected_files") Protected protectedFiles,
            // Older files have no timelines; Nulls.FAIL would reject the absent key as null.
            @JsonProperty("timelines") @JsonSetter(nulls = Nulls.AS_EMPTY) Map<String, Timeline> timelines) {

        static GradeFile of(GradeReport report) {
            List<StepResult> steps = report.steps() == null ? List.of() : report.steps();
            Map<String, Timeline> timelines = new LinkedHashMap<>();
            report.timelines().forEach((step, timeline) -> timelines.put(step, Timeline.of(timeline)));
            return new GradeFile(report.score(), report.maxScore(), report.submission(), report.gradedAt(),
                    report.graderVersion(), steps.stream().map(Step::of).toList(),
                    report.phaseMillis() == null ? Map.of() : report.phaseMillis(), Protected.of(report.protectedFiles()),
                    timelines);
        }

        GradeReport report() {
            Map<String, RunTimeline> runTimelines = new LinkedHashMap<>();
            timelines.forEach((step, timeline) -> runTimelines.put(step, timeline.runTimeline()));
            return new GradeReport(score, maxScore, submission, gradedAt, graderVersion,
                    steps.stream().map(Step::result).toList(), Collections.unmodifiableMap(new LinkedHashMap<>(phasesMs)),
                    protectedFiles == null ? ProtectedFiles.notChecked() : protectedFiles.files(), runTimelines);
        }
    }

    /** One step. */
    record Step(
            @JsonProperty(value = "id", required = true) String id,
            @JsonProperty(value = "title", required = true) String title,
            @JsonProperty(value = "score", required = true) int score,
            @JsonProperty(value = "max_score", required = true) int maxScore,
            @JsonProperty(value = "tests", required = true) List<Test> tests) {

        static Step of(StepResult step) {
            return new Step(step.id(), step.title(), step.score(), step.maxScore(),
                    step.tests().stream().map(Test::of).toList());
        }

        StepResult result() {
            return new StepResult(id, title, score, maxScore, tests.stream().map(Test::result).toList());
        }
    }

    /** One test; {@code file} and {@code line} only when it has a location. */
    record Test(
            @JsonProperty(value = "name", required = true) String name,
            @JsonProperty(value = "status", required = true) @JsonSetter(nulls = Nulls.FAIL) TestStatus status,
            @JsonProperty(value = "score", required = true) int score,
            @JsonProperty(value = "max_score", required = true) int maxScore,
            @JsonProperty(value = "message", required = true) String message,
            @JsonProperty("file") @JsonInclude(JsonInclude.Include.NON_NULL) String file,
            @JsonProperty("line") @JsonInclude(JsonInclude.Include.NON_NULL) Integer line) {

        /** A file without its line is no location. */
        Test {
            if (file != null && line == null) {
                throw new IllegalArgumentException("a test with a file needs its line");
            }
        }

        static Test of(TestResult test) {
            SourceLocation location = test.location();
            return new Test(test.name(), test.status(), test.score(), test.maxScore(), test.message(),
                    location == null ? null : location.file(), location == null ? null : location.line());
        }

        TestResult result() {
            SourceLocation location = line == null ? null : new SourceLocation(file, line);
            return new TestResult(name, status, score, maxScore, message, location);
        }
    }

    /** The protected files; {@code intact} is written for readers of the file, and worked out again on reading. */
    record Protected(
            @JsonProperty(value = "checked", required = true) boolean checked,
            @JsonProperty("intact") boolean intact,
            @JsonProperty(value = "modified", required = true) List<String> modified,
            @JsonProperty(value = "missing", required = true) List<String> missing,
            @JsonProperty(value = "added", required = true) List<String> added) {

        static Protected of(ProtectedFiles files) {
            return new Protected(files.checked(), files.intact(), files.modified(), files.missing(), files.added());
        }

        ProtectedFiles files() {
            return new ProtectedFiles(checked, modified, missing, added);
        }
    }

    /** A step's run timeline (see {@link RunTimeline}). */
    record Timeline(
            @JsonProperty(value = "verdict", required = true) String verdict,
            @JsonProperty(value = "parallel", required = true) boolean parallel,
            @JsonProperty(value = "serial", required = true) boolean serial,
            @JsonProperty(value = "single_process", required = true) boolean singleProcess,
            @JsonProperty(value = "tasks", required = true) int tasks,
            @JsonProperty(value = "workers", required = true) int workers,
            @JsonProperty(value = "max_concurrency", required = true) int maxConcurrency,
            @JsonProperty(value = "span_ms", required = true) long spanMillis,
            @JsonProperty(value = "lanes", required = true) List<String> lanes,
            @JsonProperty(value = "bars", required = true) List<Bar> bars,
            @JsonProperty(value = "truncated", required = true) boolean truncated) {

        static Timeline of(RunTimeline timeline) {
            return new Timeline(timeline.verdict(), timeline.parallel(), timeline.serial(), timeline.singleProcess(),
                    timeline.tasks(), timeline.workers(), timeline.maxConcurrency(), timeline.spanMillis(),
                    timeline.lanes(), timeline.bars().stream().map(Bar::of).toList(), timeline.truncated());
        }

        RunTimeline runTimeline() {
            return new RunTimeline(verdict, parallel, serial, singleProcess, tasks, workers, maxConcurrency, spanMillis,
                    lanes, bars.stream().map(Bar::bar).toList(), truncated);
        }
    }

    /** A task bar, written as the array {@code [lane, start_ms, end_ms]}. */
    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    record Bar(
            @JsonProperty(value = "lane", required = true) int lane,
            @JsonProperty(value = "start_ms", required = true) long startMs,
            @JsonProperty(value = "end_ms", required = true) long endMs) {

        static Bar of(RunTimeline.Bar bar) {
            return new Bar(bar.lane(), bar.startMs(), bar.endMs());
        }

        RunTimeline.Bar bar() {
            return new RunTimeline.Bar(lane, startMs, endMs);
        }
    }
}
