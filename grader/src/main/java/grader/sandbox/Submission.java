package grader.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The part of a student's repository that is graded: the {@code .java} files of package {@code lab}.
 *
 * <p>A submission directory may be the {@code exercises/} module ({@code src/main/java/lab}), a
 * repository root that contains {@code exercises/}, or {@code solutions/}. Only the Java sources
 * directly in {@code lab/} that declare {@code package lab;} are taken; resources, build files and
 * other packages never reach a class path.
 */
public final class Submission {
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;");
    private static final long MAX_SOURCE_BYTES = 512 * 1024;

    private final Path directory;
    private final Path labDirectory;
    private final String displayPrefix;
    private final List<Path> sources;
    private final List<String> ignored;

    private Submission(Path directory, Path labDirectory, String displayPrefix, List<Path> sources, List<String> ignored) {
        this.directory = directory;
        this.labDirectory = labDirectory;
        this.displayPrefix = displayPrefix;
        this.sources = sources;
        this.ignored = ignored;
    }

    /**
     * Finds the lab sources under {@code directory}.
     *
     * @throws IllegalArgumentException if there is no {@code lab} source directory to grade
     */
    public static Submission locate(Path directory) {
        Path root = directory.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("the submission " + directory + " is not a directory");
        }
        for (String prefix : List.of("src/main/java/lab", "exercises/src/main/java/lab")) {
            Path lab = root.resolve(prefix);
            if (Files.isDirectory(lab)) {
                String display = prefix.startsWith("exercises") ? "exercises/src/main/java/" : "src/main/java/";
                return scan(root, lab, display);
            }
        }
        throw new IllegalArgumentException("the submission " + directory + " has no src/main/java/lab or"
                + " exercises/src/main/java/lab directory: give the exercises module or the repository root");
    }

    private static Submission scan(Path root, Path lab, String displayPrefix) {
        List<Path> sources = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        try (Stream<Path> files = Files.list(lab)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (!name.endsWith(".java") || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                if (Files.size(file) > MAX_SOURCE_BYTES) {
                    ignored.add(name + " (larger than " + MAX_SOURCE_BYTES / 1024 + " KiB)");
                    continue;
                }
                // Lenient decoding: a file that is not valid UTF-8 still gets the compiler's own message.
                String declared = declaredPackage(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
                if (!"lab".equals(declared)) {
                    ignored.add(name + " (declares package " + declared + ", not lab)");
                    continue;
                }
                sources.add(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the submission's sources in " + lab, e);
        }
        return new Submission(root, lab, displayPrefix, List.copyOf(sources), List.copyOf(ignored));
    }

    private static String declaredPackage(String source) {
        Matcher matcher = PACKAGE.matcher(source);
        return matcher.find() ? matcher.group(1) : "(none)";
    }

    /** The directory as given, made absolute. */
    public Path directory() {
        return directory;
    }

    /**
     * The student repository's root when the submission was given as one (a directory holding
     * {@code exercises/src/main/java/lab}); empty for a module directory such as {@code solutions/}.
     */
    public Optional<Path> repositoryRoot() {
        return displayPrefix.startsWith("exercises/") ? Optional.of(directory) : Optional.empty();
    }

    /** The {@code lab} source directory. */
    public Path labDirectory() {
        return labDirectory;
    }

    /** The accepted sources, sorted by name. */
    public List<Path> sources() {
        return sources;
    }

    /** Files in {@code lab/} that were not taken, with the reason. */
    public List<String> ignored() {
        return ignored;
    }

    /** The source of {@code fileName} (such as {@code Square.java}), if submitted. */
    public Optional<Path> source(String fileName) {
        return sources.stream().filter(p -> p.getFileName().toString().equals(fileName)).findFirst();
    }

    /** How reports name a source file: {@code exercises/src/main/java/lab/Square.java}. */
    public String displayPath(String fileName) {
        return displayPrefix + "lab/" + fileName;
    }
}
