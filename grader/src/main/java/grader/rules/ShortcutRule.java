package grader.rules;

import com.tngtech.archunit.lang.ArchRule;
import java.util.Objects;

/**
 * One of the lab's "no shortcuts" rules: the ArchUnit rule itself, with the short name and the explanation a
 * student reads next to each violation.
 *
 * @param name    a short, student-readable name such as {@code No threads}; {@link Violation#rule()} holds it
 * @param because why the rule exists and what to use instead, in words a student understands; the same text is
 *                the rule's {@link ArchRule#because(String) because} clause
 * @param rule    the ArchUnit rule, evaluated against the classes of one step
 */
public record ShortcutRule(String name, String because, ArchRule rule) {

    /**
     * Checks that every part is present.
     *
     * @param name see the record description
     * @param because see the record description
     * @param rule see the record description
     * @throws NullPointerException if a part is {@code null}
     */
    public ShortcutRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(because, "because");
        Objects.requireNonNull(rule, "rule");
    }
}
