package bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** How strictly a Java program's output must match its Python twin's. */
enum OutputRule {
    /** The same lines in the same order. */
    EXACT("same lines, same order"),
    /** The same lines, all but the last in any order (results printed as they arrive, then a summary). */
    ANY_ORDER_THEN_LAST("same lines; all but the last in any order");

    private final String description;

    OutputRule(String description) {
        this.description = description;
    }

    /** What the rule asks, for the report. */
    String description() {
        return description;
    }

    /** The lines in a form where two acceptable outputs are equal. */
    List<String> normalize(List<String> lines) {
        if (this == EXACT || lines.isEmpty()) {
            return lines;
        }
        List<String> body = new ArrayList<>(lines.subList(0, lines.size() - 1));
        Collections.sort(body);
        body.add(lines.get(lines.size() - 1));
        return body;
    }
}
