package grader.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the student template into a directory, ready to be pushed as the GitHub Classroom starter
 * repository.
 *
 * <p>Idempotent: exporting over an older export rewrites only the files that changed and removes the
 * files an older export wrote that the template no longer has (those it recorded in
 * {@value #FILE_LIST}). Anything else in the directory, such as {@code .git/}, is left alone.
 *
 * <p>Besides the template files it writes two lists under {@code .github/classroom/}:
 * {@value #PROTECTED_HASHES}, the SHA-256 of every protected file in {@code sha256sum} format (so
 * anyone can run {@code sha256sum -c} on it), and {@value #FILE_LIST}, every path the export wrote.
 */
public final class TemplateExporter {
    /** The protected files' hashes, in the exported repository. */
    public static final String PROTECTED_HASHES = ".github/classroom/protected-files.sha256";
    /** Every path an export wrote, in the exported repository. */
    public static final String FILE_LIST = ".github/classroom/template-files.txt";

    private static final Set<String> EXECUTABLES = Set.of("mvnw");

    private final TemplateFiles template;

    /** An exporter of {@code template}. */
    public TemplateExporter(TemplateFiles template) {
        this.template = template;
    }

    /** What an export did, by repository path. */
    public record Result(List<String> written, List<String> unchanged, List<String> removed) {
        /** Defensive copies. */
        public Result {
            written = List.copyOf(written);
            unchanged = List.copyOf(unchanged);
            removed = List.copyOf(removed);
        }
    }

    /** Exports into {@code target}, creating it if needed. */
    public Result export(Path target) throws IOException {
        Files.createDirectories(target);
        Map<String, byte[]> files = new LinkedHashMap<>(template.files());
        files.put(PROTECTED_HASHES, protectedHashes().getBytes(StandardCharsets.UTF_8));
        List<String> paths = new ArrayList<>(files.keySet());
        paths.add(FILE_LIST);
        files.put(FILE_LIST, (String.join("\n", paths) + "\n").getBytes(StandardCharsets.UTF_8));

        List<String> removed = removeStale(target, files.keySet());
        List<String> written = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path path = target.resolve(file.getKey());
            if (Files.isRegularFile(path) && Arrays.equals(Files.readAllBytes(path), file.getValue())) {
                unchanged.add(file.getKey());
            } else {
                Files.createDirectories(path.getParent());
                Files.write(path, file.getValue());
                written.add(file.getKey());
            }
            if (EXECUTABLES.contains(file.getKey())) {
                makeExecutable(path);
            }
        }
        return new Result(written, unchanged, removed);
    }

    /** The {@code sha256sum}-format list of the protected files. */
    public String protectedHashes() {
        StringBuilder out = new StringBuilder();
        template.files().forEach((path, bytes) -> {
            if (ProtectedPaths.isProtected(path)) {
                out.append(TemplateFiles.sha256(bytes)).append("  ").append(path).append('\n');
            }
        });
        return out.toString();
    }

    /** Deletes what an older export wrote and this template no longer has. */
    private static List<String> removeStale(Path target, Set<String> current) throws IOException {
        Path list = target.resolve(FILE_LIST);
        List<String> removed = new ArrayList<>();
        if (!Files.isRegularFile(list)) {
            return removed;
        }
        for (String path : Files.readAllLines(list, StandardCharsets.UTF_8)) {
            // Only plain relative paths from our own list; never follow one out of the target.
            if (path.isBlank() || current.contains(path) || path.startsWith("/") || path.contains("..")) {
                continue;
            }
            if (Files.deleteIfExists(target.resolve(path))) {
                removed.add(path);
            }
        }
        return removed;
    }

    private static void makeExecutable(Path file) throws IOException {
        try {
            Set<PosixFilePermission> permissions = EnumSet.copyOf(Files.getPosixFilePermissions(file));
            permissions.addAll(EnumSet.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                    PosixFilePermission.OTHERS_EXECUTE));
            Files.setPosixFilePermissions(file, permissions);
        } catch (UnsupportedOperationException e) {
            // Windows: Git records the executable bit from its index, see the README's export steps.
        }
    }
}
