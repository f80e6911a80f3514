package grader.dashboard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole class: the students with grade files joined with GitHub Classroom's export, so that
 * students who never submitted, or were never graded, are listed too.
 */
final class Roster {
    private Roster() {
    }

    /**
     * The students of {@code graded} with their Classroom rows attached, plus one record per row that
     * matches no one, ordered by login. Rows match by {@code github_username}, ignoring case; a row
     * without one (a roster entry that never accepted the assignment) is listed by its roster
     * identifier. A username that appears twice keeps its last row.
     */
    static List<StudentRecord> merge(List<StudentRecord> graded, List<ClassroomRow> rows) {
        Map<String, StudentRecord> students = new LinkedHashMap<>();
        graded.forEach(student -> students.put(Logins.key(student.login()), student));
        for (ClassroomRow row : rows) {
            String login = displayLogin(row);
            if (login.isEmpty()) {
                continue;
            }
            StudentRecord known = students.get(Logins.key(login));
            students.put(Logins.key(login), known == null
                    ? new StudentRecord(login, null, null, null, null, row)
                    : known.withClassroom(row));
        }
        return Logins.sorted(students.values());
    }

    private static String displayLogin(ClassroomRow row) {
        if (row.githubUsername() != null && !row.githubUsername().isEmpty()) {
            return row.githubUsername();
        }
        return row.rosterIdentifier() == null ? "" : row.rosterIdentifier();
    }
}
