package grader.dashboard;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * How students are matched and ordered. GitHub logins ignore case, so a grade file {@code Alice.json}
 * and a Classroom row {@code alice} are the same student.
 */
final class Logins {
    private static final Comparator<StudentRecord> ORDER = Comparator
            .comparing((StudentRecord student) -> key(student.login()))
            .thenComparing(StudentRecord::login);

    private Logins() {
    }

    /** The matching key of a login. */
    static String key(String login) {
        return login.toLowerCase(Locale.ROOT);
    }

    /** The students ordered by login, ignoring case. */
    static List<StudentRecord> sorted(Collection<StudentRecord> students) {
        List<StudentRecord> sorted = new ArrayList<>(students);
        sorted.sort(ORDER);
        return List.copyOf(sorted);
    }
}
