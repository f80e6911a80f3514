package grader.report;

import java.time.Instant;
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
 */
public record GradeReport(int score, int maxScore, String submission, Instant gradedAt, String graderVersion,
                          List<StepResult> steps, Map<String, Long> phaseMillis) {
}
