package grader.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The student template as it is exported: every file by its path in the student's repository.
 *
 * <p>The files ship inside the grader, under {@code template/} (the grader's pom puts them together
 * from the lab's stubs, public tests, guide, runtime sources, Maven wrapper and the template-only
 * files in {@code template/}). Two adjustments turn them into a student repository:
 * <ul>
 *   <li>{@code gitignore} becomes {@code .gitignore} (kept without the dot in the build, where a
 *       real {@code .gitignore} would apply to the lab repository itself);</li>
 *   <li>references to the guide say {@code README.md}: in the lab repository the guide is
 *       {@code exercises/README.md}, in the template it is the repository's README.</li>
 * </ul>
 * Because the grader holds these exact bytes, it can tell whether a student's protected files still
 * match them without trusting anything in the student's repository.
 */
public final class TemplateFiles {
    /** Where the template sits among the grader's resources. */
    static final String RESOURCE_ROOT = "template/";
    private static final String GUIDE_IN_LAB = "exercises/README.md";
    private static final String GUIDE_IN_TEMPLATE = "README.md";

    private final Map<String, byte[]> files;

    private TemplateFiles(Map<String, byte[]> files) {
        this.files = Collections.unmodifiableMap(files);
    }

    /**
     * The template bundled with this grader.
     *
     * @throws IllegalStateException if the grader was built without its template
     */
    public static TemplateFiles bundled() {
        Map<String, byte[]> raw = readBundle();
        if (!raw.containsKey("pom.xml") || raw.keySet().stream().noneMatch(p -> p.startsWith("exercises/src/main/java/lab/"))) {
            throw new IllegalStateException("this grader was built without the student template (no " + RESOURCE_ROOT
                    + " in its resources): rebuild it with ./mvnw -pl grader -am package");
        }
        Map<String, byte[]> files = new TreeMap<>();
        raw.forEach((path, bytes) -> files.put(exportedPath(path), adjust(path, bytes)));
        return new TemplateFiles(files);
    }

    /** Every file, by repository path ({@code /}-separated), sorted. */
    public Map<String, byte[]> files() {
        return files;
    }

    /** The SHA-256 of {@code bytes}, in lower-case hex. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static String exportedPath(String path) {
        return path.equals("gitignore") ? ".gitignore" : path;
    }

    private static byte[] adjust(String path, byte[] bytes) {
        if (!(path.endsWith(".java") || path.endsWith(".md"))) {
            return bytes;
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.replace(GUIDE_IN_LAB, GUIDE_IN_TEMPLATE).getBytes(StandardCharsets.UTF_8);
    }

    /** Reads {@code template/**} from wherever the grader's classes are: its jar, or a build directory. */
    private static Map<String, byte[]> readBundle() {
        Path location;
        try {
            location = Path.of(TemplateFiles.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            throw new IllegalStateException("cannot tell where the grader's classes are, to read its template", e);
        }
        try {
            return Files.isDirectory(location) ? readDirectory(location.resolve(RESOURCE_ROOT)) : readJar(location);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the student template bundled in " + location, e);
        }
    }

    /** The files under {@code root}, by relative path; empty when it does not exist. */
    static Map<String, byte[]> readDirectory(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        return files;
    }

    /** The files under {@code template/} in {@code jar}, by path below it. */
    static Map<String, byte[]> readJar(Path jar) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : Collections.list(file.entries())) {
                if (entry.isDirectory() || !entry.getName().startsWith(RESOURCE_ROOT)) {
                    continue;
                }
                try (InputStream in = file.getInputStream(entry)) {
                    files.put(entry.getName().substring(RESOURCE_ROOT.length()), in.readAllBytes());
                }
            }
        }
        return files;
    }
}
