package grader.export;

import grader.report.ProtectedFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Compares a student repository's protected files ({@link ProtectedPaths}) with the template this
 * grader ships. The expected bytes come from the grader, never from the student's repository, so
 * editing the shipped hash list hides nothing.
 */
public final class ProtectedFilesCheck {
    private final TemplateFiles template;

    /** A check against {@code template}. */
    public ProtectedFilesCheck(TemplateFiles template) {
        this.template = template;
    }

    /** Compares the repository rooted at {@code repositoryRoot}. Symbolic links count as modified. */
    public ProtectedFiles check(Path repositoryRoot) {
        List<String> modified = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : template.files().entrySet()) {
            if (!ProtectedPaths.isProtected(file.getKey())) {
                continue;
            }
            Path actual = repositoryRoot.resolve(file.getKey());
            if (!Files.exists(actual, LinkOption.NOFOLLOW_LINKS)) {
                missing.add(file.getKey());
            } else if (!sameContent(actual, file.getValue())) {
                modified.add(file.getKey());
            }
        }
        return new ProtectedFiles(true, modified, missing, added(repositoryRoot));
    }

    private static boolean sameContent(Path file, byte[] expected) {
        try {
            return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && Files.size(file) == expected.length
                    && Arrays.equals(Files.readAllBytes(file), expected);
        } catch (IOException e) {
            return false;
        }
    }

    /** Files in protected folders that the template does not have, build output aside. */
    private List<String> added(Path root) {
        List<String> added = new ArrayList<>();
        for (String folder : ProtectedPaths.FOLDERS) {
            Path dir = root.resolve(folder);
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                        .map(p -> root.relativize(p).toString().replace('\\', '/'))
                        .filter(p -> !ProtectedPaths.isBuildOutput(p) && !template.files().containsKey(p))
                        .sorted()
                        .forEach(added::add);
            } catch (IOException | UncheckedIOException e) {
                added.add(folder + " (unreadable: " + e.getMessage() + ")");
            }
        }
        return added;
    }
}
