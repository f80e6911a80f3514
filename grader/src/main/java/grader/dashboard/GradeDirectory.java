package grader.dashboard;

import grader.batch.BatchRecord;
import grader.report.GradeJson;
import grader.report.GradeReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A folder of grades, one {@code <login>.json} grade file per student, with the batch grader's records
 * in {@code .batch/<login>.json} where it wrote them. A file that cannot be read never stops the
 * dashboard: its student is kept, with the reason.
 */
final class GradeDirectory {
    private static final String SUFFIX = ".json";

    private GradeDirectory() {
    }

    /**
     * One record per student found in {@code dir}, ordered by login; grade files and batch records
     * are matched by file name, ignoring case.
     *
     * @throws IllegalArgumentException when {@code dir} is not a directory
     */
    static List<StudentRecord> read(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("the grades directory " + dir + " does not exist or is not a directory");
        }
        Map<String, StudentRecord> students = new LinkedHashMap<>();
        // Reading is most of the work for a large class, and each file stands alone.
        for (StudentRecord student : jsonFiles(dir).parallelStream().map(GradeDirectory::gradeFile).toList()) {
            students.putIfAbsent(Logins.key(student.login()), student);
        }
        Path batch = dir.resolve(BatchRecord.DIRECTORY);
        if (Files.isDirectory(batch)) {
            for (Path file : jsonFiles(batch)) {
                String login = stem(file);
                StudentRecord known = students.get(Logins.key(login));
                students.put(Logins.key(login), withBatchRecord(dir, login, known));
            }
        }
        return Logins.sorted(students.values());
    }

    private static StudentRecord gradeFile(Path file) {
        String login = stem(file);
        try {
            return new StudentRecord(login, GradeJson.read(file), null, null, null, null);
        } catch (IOException | RuntimeException e) {
            return new StudentRecord(login, null, problem(e), null, null, null);
        }
    }

    /** {@code known} (or a new student) with the batch record of {@code login} in {@code dir}. */
    private static StudentRecord withBatchRecord(Path dir, String login, StudentRecord known) {
        String shown = known == null ? login : known.login();
        GradeReport report = known == null ? null : known.report();
        String gradeFileError = known == null ? null : known.gradeFileError();
        // The batch reads a damaged record as absent (and regrades); here the file exists, so it is unreadable.
        return BatchRecord.read(dir, login)
                .map(record -> new StudentRecord(shown, report, gradeFileError, record, null, null))
                .orElseGet(() -> new StudentRecord(shown, report, gradeFileError, null,
                        BatchRecord.DIRECTORY + "/" + login + ".json is damaged or incomplete", null));
    }

    /** The message to show for a file that could not be read: the parser's, or the exception's name. */
    private static String problem(Exception e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The regular {@code .json} files directly in {@code dir}, hidden ones left out, by name. */
    private static List<Path> jsonFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> {
                String name = file.getFileName().toString();
                return name.endsWith(SUFFIX) && name.length() > SUFFIX.length() && !name.startsWith(".")
                        && Files.isRegularFile(file);
            }).sorted().toList();
        }
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - SUFFIX.length());
    }
}
