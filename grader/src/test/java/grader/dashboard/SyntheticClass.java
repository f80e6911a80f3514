package grader.dashboard;

import grader.batch.BatchRecord;
import grader.report.GradeJson;
import grader.report.GradeReport;
import grader.report.ProtectedFiles;
import grader.report.ReportFiles;
import grader.report.RunTimeline;
import grader.report.TestStatus;
import grader.suite.Step;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * A made-up class of any size, for the browser test and for measuring the dashboard at scale. The
 * same seed always gives the same class. Most students do well; some fail a step or two with one of a
 * few common messages (each followed by a line of their own), and a few are the cases the dashboard
 * flags: starter code only, a test timeout, changed protected files, a batch error or timeout with no
 * grade file, an unreadable grade file. One message is hostile markup, to prove the page escapes it.
 * Every graded student has a run timeline per step ({@link SyntheticTimelines}): most ran their pools in
 * parallel, about 5 % ran a step serially and about 2 % ran one in the main process alone.
 *
 * <p>Logins are {@code student0001}, {@code student0002}, ...
 */
public final class SyntheticClass {
    /** The message of the one hostile test result: markup, a comment opener and a line separator. */
    public static final String HOSTILE_MESSAGE = "</script><script>alert(1)</script> <!-- \u2028 & done";
    private static final Instant START = Instant.parse("2025-03-01T08:00:00Z");
    private static final Map<String, List<String>> TESTS = Map.of(
            "square", List.of("square(x) returns x squared", "main prints the ten squares and nothing else",
                    "the squares are computed by a pool of 4 worker processes", "own working code, no forbidden shortcuts"),
            "complex_square", List.of("square(x) is exact up to Integer.MAX_VALUE",
                    "squares(10) and squares(1_000_000) are right", "main prints the first ten squares",
                    "a pool of 4 squares the million numbers in its workers and is closed",
                    "own working code, no forbidden shortcuts"),
            "queue", List.of("main prints 0 to 9, one per line", "producer and consumer each run in a Process of their own",
                    "producer puts exactly 0..9, in order, no sentinel", "consumer stops at the sentinel and leaves the rest",
                    "own working code, no forbidden shortcuts"),
            "slow_square", List.of("slowSquare(5) takes at least 0.9 s and returns 25",
                    "main prints each square once, then All tasks completed.", "ten callbacks, all in the main process",
                    "a pool of 4 runs four tasks at the same time, within 6 s", "own working code, no forbidden shortcuts"));
    private static final List<String> COMMON_PROBLEMS = List.of(
            "Expected the output to match, but it did not.",
            "The work ran in the main process instead of the pool's workers.",
            "An exception was thrown: java.lang.IllegalStateException: pool is closed.");

    private SyntheticClass() {
    }

    /**
     * Writes {@code students} grade files ({@code <login>.json}) and batch records
     * ({@code .batch/<login>.json}) into {@code dir}, creating it if needed.
     */
    public static void write(Path dir, int students, long seed) throws IOException {
        Random random = new Random(seed);
        // Timelines draw from a generator of their own, so the grades are the same as without them.
        Random runs = new Random(~seed);
        Files.createDirectories(dir);
        for (int i = 1; i <= students; i++) {
            String login = login(i);
            Instant gradedAt = START.plus(Duration.ofMinutes(random.nextInt(3 * 24 * 60)));
            double kind = random.nextDouble();
            if (kind < 0.01) {
                boolean timeout = random.nextBoolean();
                GradeFixtures.batchRecord(login, timeout ? BatchRecord.Status.TIMEOUT : BatchRecord.Status.ERROR, true,
                        timeout ? "grading took longer than 600 s" : "no lab sources: exercises/src/main/java/lab is missing")
                        .write(dir);
                continue;
            }
            if (kind < 0.015) {
                Files.writeString(dir.resolve(login + ".json"), "{\"score\": 1");
                continue;
            }
            boolean starterCode = kind < 0.075;
            GradeReport report = starterCode ? starterCode(gradedAt)
                    : graded(random, gradedAt, i == 3, SyntheticTimelines.of(runs));
            ReportFiles.write(dir.resolve(login + ".json"), GradeJson.toJson(report));
            GradeFixtures.batchRecord(login, BatchRecord.Status.GRADED, !starterCode, "").write(dir);
        }
    }

    /**
     * Writes GitHub Classroom's grades export for the class {@link #write} makes with the same
     * arguments: one row per student, in another column order than Classroom's, with Classroom's points
     * differing from the grade for about one student in fifty, plus {@code extra} roster entries that
     * never accepted the assignment.
     */
    public static void writeClassroomCsv(Path csv, Path gradesDir, int students, int extra) throws IOException {
        StringBuilder out = new StringBuilder("\uFEFFroster_identifier,github_username,assignment_name,"
                + "student_repository_url,submission_timestamp,points_awarded,points_available\r\n");
        for (int i = 1; i <= students; i++) {
            String login = login(i);
            Path grade = gradesDir.resolve(login + ".json");
            String points = "";
            try {
                points = Integer.toString(GradeJson.read(grade).score() + (i % 50 == 7 ? 5 : 0));
            } catch (IOException | IllegalArgumentException e) {
                // An unreadable or missing grade file: Classroom recorded nothing.
            }
            out.append("\"Student ").append(i).append(", \"\"S.\"\"\",").append(login).append(",lab,")
                    .append("https://github.com/my-org/lab-").append(login).append(',')
                    .append("2025-02-28T23:59:00Z,").append(points).append(",100\r\n");
        }
        for (int i = 1; i <= extra; i++) {
            out.append("roster-").append(i).append(",,lab,,,,100\r\n");
        }
        ReportFiles.write(csv, out.toString());
    }

    /** The login of the {@code index}-th student, from 1. */
    public static String login(int index) {
        return String.format(Locale.ROOT, "student%04d", index);
    }

    private static GradeReport starterCode(Instant gradedAt) {
        GradeFixtures.ReportBuilder report = GradeFixtures.report().gradedAt(gradedAt);
        for (Step step : Step.values()) {
            List<String> names = TESTS.get(step.id());
            List<TestStatus> statuses = names.stream().map(name -> TestStatus.FAILED).toList();
            List<String> messages = names.stream()
                    .map(name -> "The step is still the starter code: its main printed nothing and used no Pool or Process.\n"
                            + step.guideReference()).toList();
            report.step(step.id(), statuses, names, messages);
        }
        return report.build();
    }

    private static GradeReport graded(Random random, Instant gradedAt, boolean hostile,
                                      Map<String, RunTimeline> timelines) {
        double skill = 0.55 + 0.45 * Math.sqrt(random.nextDouble());
        GradeFixtures.ReportBuilder report = GradeFixtures.report().gradedAt(gradedAt);
        timelines.forEach(report::timeline);
        if (random.nextDouble() < 0.03) {
            report.protectedFiles(new ProtectedFiles(true, List.of("pom.xml", ".github/workflows/classroom.yml"),
                    List.of(), List.of()));
        }
        for (Step step : Step.values()) {
            List<String> names = TESTS.get(step.id());
            List<TestStatus> statuses = new ArrayList<>();
            List<String> messages = new ArrayList<>();
            for (String name : names) {
                if (hostile && step == Step.SQUARE && statuses.isEmpty()) {
                    statuses.add(TestStatus.FAILED);
                    messages.add(HOSTILE_MESSAGE);
                } else if (random.nextDouble() < skill) {
                    statuses.add(TestStatus.PASSED);
                    messages.add("");
                } else if (random.nextDouble() < 0.05) {
                    statuses.add(TestStatus.TIMEOUT);
                    messages.add("The run was stopped after 20 s: it did not finish in time.\n" + step.guideReference());
                } else {
                    statuses.add(random.nextDouble() < 0.8 ? TestStatus.FAILED : TestStatus.ERROR);
                    messages.add(COMMON_PROBLEMS.get(random.nextInt(COMMON_PROBLEMS.size())) + "\nYour program printed: "
                            + random.nextInt(1000) + "\n" + step.guideReference());
                }
            }
            report.step(step.id(), statuses, names, messages);
        }
        return report.build();
    }
}
