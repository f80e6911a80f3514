package grader.report;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How one graded test ended. */
public enum TestStatus {
    /** The test's expectations held: full points. */
    PASSED,
    /** An expectation did not hold: no points. */
    FAILED,
    /** The submission could not be exercised (missing class, compile error, crash): no points. */
    ERROR,
    /** The submission ran past its time limit: no points. */
    TIMEOUT;

    /** The lower-case word used in grade.json ({@code passed}, {@code failed}, ...), and so in all JSON. */
    @JsonValue
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
