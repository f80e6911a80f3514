package grader.report;

import grader.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
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
 * report that was written, so the dashboard sees what the grader saw. (The one exception: a
 * {@code null} step list or phase map is written, and so read back, as empty.)
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
        return escapeLoneSurrogates(Json.writePretty(toMap(report)));
    }

    /** Reads a {@code grade.json} file back into the report it was written from. */
    public static GradeReport read(Path file) throws IOException {
        return parse(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
    }

    /**
     * Parses {@code grade.json} text.
     *
     * @throws IllegalArgumentException naming the first missing or mistyped field
     */
    public static GradeReport parse(String json) {
        Fields root = new Fields(Json.parseObject(json), "");
        List<StepResult> steps = new ArrayList<>();
        for (Fields step : root.objects("steps")) {
            steps.add(step(step));
        }
        Map<String, Long> phases = new LinkedHashMap<>();
        root.object("phases_ms").forEach((phase, millis) -> {
            if (!(millis instanceof Long value)) {
                throw new IllegalArgumentException("grade.json: phases_ms." + phase + " is not a whole number");
            }
            phases.put(phase, value);
        });
        String gradedAt = root.text("graded_at");
        return new GradeReport(root.integer("score"), root.integer("max_score"), root.text("submission"),
                gradedAt == null ? null : instant(gradedAt), root.text("grader_version"),
                Collections.unmodifiableList(steps), Collections.unmodifiableMap(phases), protectedFiles(root),
                timelines(root));
    }

    private static Map<String, Object> toMap(GradeReport report) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("score", report.score());
        root.put("max_score", report.maxScore());
        root.put("submission", report.submission());
        root.put("graded_at", report.gradedAt() == null ? null : report.gradedAt().toString());
        root.put("grader_version", report.graderVersion());
        List<Object> steps = new ArrayList<>();
        for (StepResult step : report.steps() == null ? List.<StepResult>of() : report.steps()) {
            steps.add(toMap(step));
        }
        root.put("steps", steps);
        root.put("phases_ms", report.phaseMillis() == null ? Map.of() : report.phaseMillis());
        ProtectedFiles files = report.protectedFiles();
        Map<String, Object> protectedFiles = new LinkedHashMap<>();
        protectedFiles.put("checked", files.checked());
        protectedFiles.put("intact", files.intact());
        protectedFiles.put("modified", files.modified());
        protectedFiles.put("missing", files.missing());
        protectedFiles.put("added", files.added());
        root.put("protected_files", protectedFiles);
        Map<String, Object> timelines = new LinkedHashMap<>();
        report.timelines().forEach((step, timeline) -> timelines.put(step, toMap(timeline)));
        root.put("timelines", timelines);
        return root;
    }

    private static Map<String, Object> toMap(RunTimeline timeline) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("verdict", timeline.verdict());
        map.put("parallel", timeline.parallel());
        map.put("serial", timeline.serial());
        map.put("single_process", timeline.singleProcess());
        map.put("tasks", timeline.tasks());
        map.put("workers", timeline.workers());
        map.put("max_concurrency", timeline.maxConcurrency());
        map.put("span_ms", timeline.spanMillis());
        map.put("lanes", timeline.lanes());
        map.put("bars", timeline.bars().stream().map(bar -> List.of(bar.lane(), bar.startMs(), bar.endMs())).toList());
        map.put("truncated", timeline.truncated());
        return map;
    }

    private static Map<String, Object> toMap(StepResult step) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", step.id());
        map.put("title", step.title());
        map.put("score", step.score());
        map.put("max_score", step.maxScore());
        List<Object> tests = new ArrayList<>();
        for (TestResult test : step.tests()) {
            tests.add(toMap(test));
        }
        map.put("tests", tests);
        return map;
    }

    private static Map<String, Object> toMap(TestResult test) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", test.name());
        map.put("status", test.status().word());
        map.put("score", test.score());
        map.put("max_score", test.maxScore());
        map.put("message", test.message());
        if (test.location() != null) {
            map.put("file", test.location().file());
            map.put("line", test.location().line());
        }
        return map;
    }

    private static Map<String, RunTimeline> timelines(Fields root) {
        Map<String, RunTimeline> timelines = new LinkedHashMap<>();
        if (!root.has("timelines")) {
            return timelines;
        }
        Fields all = new Fields(root.object("timelines"), "timelines");
        for (String step : all.map().keySet()) {
            Fields t = new Fields(all.object(step), "timelines." + step);
            List<RunTimeline.Bar> bars = new ArrayList<>();
            for (Object bar : t.list("bars")) {
                if (!(bar instanceof List<?> parts) || parts.size() != 3 || !parts.stream().allMatch(Long.class::isInstance)) {
                    throw new IllegalArgumentException("grade.json: timelines." + step + ".bars holds a bar that is not [lane, start_ms, end_ms]");
                }
                bars.add(new RunTimeline.Bar(((Long) parts.get(0)).intValue(), (Long) parts.get(1), (Long) parts.get(2)));
            }
            timelines.put(step, new RunTimeline(t.text("verdict"), t.bool("parallel"), t.bool("serial"),
                    t.bool("single_process"), t.integer("tasks"), t.integer("workers"), t.integer("max_concurrency"),
                    t.longInteger("span_ms"), t.texts("lanes"), bars, t.bool("truncated")));
        }
        return timelines;
    }

    private static ProtectedFiles protectedFiles(Fields root) {
        if (!root.has("protected_files")) {
            return ProtectedFiles.notChecked();
        }
        Fields files = new Fields(root.object("protected_files"), "protected_files");
        return new ProtectedFiles(files.bool("checked"), files.texts("modified"), files.texts("missing"),
                files.texts("added"));
    }

    private static StepResult step(Fields step) {
        List<TestResult> tests = new ArrayList<>();
        for (Fields test : step.objects("tests")) {
            tests.add(test(test));
        }
        return new StepResult(step.text("id"), step.text("title"), step.integer("score"), step.integer("max_score"),
                Collections.unmodifiableList(tests));
    }

    private static TestResult test(Fields test) {
        SourceLocation location = test.has("file") || test.has("line")
                ? new SourceLocation(test.text("file"), test.integer("line"))
                : null;
        return new TestResult(test.text("name"), status(test.text("status")), test.integer("score"),
                test.integer("max_score"), test.text("message"), location);
    }

    private static TestStatus status(String word) {
        for (TestStatus status : TestStatus.values()) {
            if (status.word().equals(word)) {
                return status;
            }
        }
        throw new IllegalArgumentException("grade.json: unknown test status \"" + word + "\"");
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("grade.json: graded_at is not an ISO-8601 instant: " + text, e);
        }
    }

    /**
     * Replaces each unpaired surrogate with its {@code \\uXXXX} escape. {@link Json} writes such a
     * character raw, and UTF-8 cannot encode it, so the file would hold {@code ?} instead and the
     * round trip would not be exact. In {@link Json}'s output a surrogate can only sit inside a
     * string, where the escape is valid and reads back as the same character.
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

    /** One JSON object being read, with errors that name the field's path, such as {@code steps[1].tests[0].score}. */
    private record Fields(Map<String, Object> map, String path) {

        boolean has(String key) {
            return map.containsKey(key);
        }

        private String where(String key) {
            return path.isEmpty() ? key : path + "." + key;
        }

        private Object required(String key) {
            if (!map.containsKey(key)) {
                throw new IllegalArgumentException("grade.json: " + where(key) + " is missing");
            }
            return map.get(key);
        }

        int integer(String key) {
            if (!(required(key) instanceof Long value) || value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("grade.json: " + where(key) + " is not a whole number");
            }
            return value.intValue();
        }

        String text(String key) {
            Object value = required(key);
            if (value != null && !(value instanceof String)) {
                throw new IllegalArgumentException("grade.json: " + where(key) + " is not a string");
            }
            return (String) value;
        }

        long longInteger(String key) {
            if (!(required(key) instanceof Long value)) {
                throw new IllegalArgumentException("grade.json: " + where(key) + " is not a whole number");
            }
            return value;
        }

        List<?> list(String key) {
            if (!(required(key) instanceof List<?> value)) {
                throw new IllegalArgumentException("grade.json: " + where(key) + " is not an array");
            }
            return value;
        }

        boolean bool(String key) {
            if (!(required(key) instanceof Boolean value)) {
                throw new IllegalArgumentException("grade.json: " + where(key) + " is not true or false");
            }
            return value;
        }

        List<String> texts(String key) {
            if (!(required(key) instanceof List<?> list)) {
                throw new IllegalArgumentException("grade.json: " + where(key) + " is not an array");
            }
            List<String> out = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                if (!(list.get(i) instanceof String text)) {
                    throw new IllegalArgumentException("grade.json: " + where(key) + "[" + i + "] is not a string");
                }
                out.add(text);
            }
            return out;
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> object(String key) {
            if (!(required(key) instanceof Map<?, ?> value)) {
                throw new IllegalArgumentException("grade.json: " + where(key) + " is not an object");
            }
            return (Map<String, Object>) value;
        }

        @SuppressWarnings("unchecked")
        List<Fields> objects(String key) {
            if (!(required(key) instanceof List<?> list)) {
                throw new IllegalArgumentException("grade.json: " + where(key) + " is not an array");
            }
            List<Fields> out = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                if (!(list.get(i) instanceof Map<?, ?> item)) {
                    throw new IllegalArgumentException("grade.json: " + where(key) + "[" + i + "] is not an object");
                }
                out.add(new Fields((Map<String, Object>) item, where(key) + "[" + i + "]"));
            }
            return out;
        }
    }
}
