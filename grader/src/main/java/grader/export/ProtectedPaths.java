package grader.export;

import java.util.List;

/**
 * Which files of the template a student must leave alone: the ones that decide how the lab builds,
 * runs and is tested. Everything else (the stubs, the guide, {@code GRADING.md}, editor settings) is
 * the student's.
 *
 * <p>The grade never depends on these files, because the grader uses its own copies; the list exists
 * so that the instructor sees who changed them.
 */
public final class ProtectedPaths {
    /** Folders whose every file is protected; a file added to one of them is reported too. */
    static final List<String> FOLDERS = List.of(".github/workflows/", ".mvn/", "runtime/", "exercises/src/test/");
    /** Single protected files. */
    static final List<String> FILES = List.of("pom.xml", "exercises/pom.xml", "mvnw", "mvnw.cmd");

    private ProtectedPaths() {
    }

    /** True when the repository path {@code path} (such as {@code runtime/pom.xml}) is protected. */
    public static boolean isProtected(String path) {
        return FILES.contains(path) || (inProtectedFolder(path) && !isBuildOutput(path));
    }

    /** True when {@code path} lies in one of the {@link #FOLDERS}. */
    static boolean inProtectedFolder(String path) {
        return FOLDERS.stream().anyMatch(path::startsWith);
    }

    /** Build output ({@code runtime/target/...}) is never the student's doing worth a flag. */
    static boolean isBuildOutput(String path) {
        return path.contains("/target/") || path.startsWith("target/");
    }
}
