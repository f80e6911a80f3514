package grader.report;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The grade of one submission: what every report file is written from.
 *
 * @param score         points earned, the sum of the steps' scores
 * @param maxScore      points available (100)
 * @param submission    the graded directory, as given on the command line
 * @param gradedAt      when grading finished
 * @param graderVersion the grader's version
 * @param steps         one result per step, in lab order
 * @param phaseMillis   how long each phase of grading took (compile, rules, each step's runs), in order
 * @param protectedFiles whether the student's protected files still match the template
 * @param timelines     by step id, where and when the tasks of the step's main run went; steps whose
 *                      main did not run have none
 */
public record GradeReport(int score, int maxScore, String submission, Instant gradedAt, String graderVersion,
                          List<StepResult> steps, Map<String, Long> phaseMillis, ProtectedFiles protectedFiles,
                          Map<String, RunTimeline> timelines) {

    /** A null {@code protectedFiles} means they were not checked; null {@code timelines}, none. */
    public GradeReport {
        protectedFiles = protectedFiles == null ? ProtectedFiles.notChecked() : protectedFiles;
        timelines = timelines == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(timelines));
    }

    /** A report without timelines. */
    public GradeReport(int score, int maxScore, String submission, Instant gradedAt, String graderVersion,
                       List<StepResult> steps, Map<String, Long> phaseMillis, ProtectedFiles protectedFiles) {
        this(score, maxScore, submission, gradedAt, graderVersion, steps, phaseMillis, protectedFiles, Map.of());
    }

    /** A report for a directory whose protected files were not checked (not a student repository). */
    public GradeReport(int score, int maxScore, String submission, Instant gradedAt, String graderVersion,
                       List<StepResult> steps, Map<String, Long> phaseMillis) {
        this(score, maxScore, submission, gradedAt, graderVersion, steps, phaseMillis, ProtectedFiles.notChecked(), Map.of());
    }
}
