package grader.report;

import java.util.List;
import java.util.stream.Stream;

/**
 * Whether the files a student must not change (workflow, build files, runtime, public tests) still
 * match the template the grader ships. They never affect the score, because the grader uses its own
 * copies; a difference is shown to the instructor as a flag on the dashboard.
 *
 * @param checked  false when the graded directory was not a student repository (such as
 *                 {@code solutions/}), so there was nothing to compare
 * @param modified protected files whose content differs from the template, as repository paths
 * @param missing  protected files the template has and the repository lacks
 * @param added    files in protected folders (such as {@code .github/workflows/}) the template lacks
 */
public record ProtectedFiles(boolean checked, List<String> modified, List<String> missing, List<String> added) {

    /** Defensive copies: a report is a value. */
    public ProtectedFiles {
        modified = List.copyOf(modified);
        missing = List.copyOf(missing);
        added = List.copyOf(added);
    }

    /** The result for a directory that is not a student repository. */
    public static ProtectedFiles notChecked() {
        return new ProtectedFiles(false, List.of(), List.of(), List.of());
    }

    /** True when checked and nothing differs from the template. */
    public boolean intact() {
        return checked && modified.isEmpty() && missing.isEmpty() && added.isEmpty();
    }

    /**
     * One protected file that differs from the template.
     *
     * @param path the repository path
     * @param how  {@code modified}, {@code missing} or {@code added}
     */
    public record Change(String path, String how) {
        /** Such as {@code pom.xml (modified)}. */
        @Override
        public String toString() {
            return path + " (" + how + ")";
        }
    }

    /** Every differing file: the modified ones, then the missing, then the added. */
    public List<Change> changes() {
        return Stream.of(
                        modified.stream().map(p -> new Change(p, "modified")),
                        missing.stream().map(p -> new Change(p, "missing")),
                        added.stream().map(p -> new Change(p, "added")))
                .flatMap(s -> s)
                .toList();
    }

    /** Every differing path, with what happened to it, such as {@code pom.xml (modified)}. */
    public List<String> describe() {
        return changes().stream().map(Change::toString).toList();
    }
}
