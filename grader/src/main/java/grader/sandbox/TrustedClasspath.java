package grader.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The grader's own classes that a sandboxed run may see: the runtime ({@code multiprocessing}) and the
 * harness ({@code grader.harness}), copied out of the grader's jar (or build directory) into a directory
 * of their own. Nothing else of the grader, above all not the hidden tests, and none of its libraries
 * is on a sandboxed run's class path: the harness makes do with the JDK.
 */
public final class TrustedClasspath {
    private static final List<String> RUNTIME = List.of("multiprocessing/");
    private static final List<String> HARNESS = List.of("grader/harness/");

    private final Path runtime;
    private final Path harness;

    private TrustedClasspath(Path runtime, Path harness) {
        this.runtime = runtime;
        this.harness = harness;
    }

    /** Copies the trusted classes under {@code directory}. */
    public static TrustedClasspath extract(Path directory) {
        Path runtime = directory.resolve("runtime");
        Path harness = directory.resolve("harness");
        copy(codeSource(multiprocessing.Pool.class), RUNTIME, runtime);
        copy(codeSource(grader.harness.Probe.class), HARNESS, harness);
        return new TrustedClasspath(runtime, harness);
    }

    /** The runtime's classes, for compiling and running student code. */
    public Path runtime() {
        return runtime;
    }

    /** The harness's classes. */
    public Path harness() {
        return harness;
    }

    private static Path codeSource(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        try {
            return Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("cannot find where " + type.getName() + " was loaded from", e);
        }
    }

    private static void copy(Path from, List<String> prefixes, Path to) {
        try {
            Files.createDirectories(to);
            if (Files.isDirectory(from)) {
                for (String prefix : prefixes) {
                    Path root = from.resolve(prefix);
                    if (Files.isDirectory(root)) {
                        try (Stream<Path> walk = Files.walk(root)) {
                            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                                Path target = to.resolve(from.relativize(file).toString());
                                Files.createDirectories(target.getParent());
                                Files.copy(file, target);
                            }
                        }
                    }
                }
            } else {
                try (JarFile jar = new JarFile(from.toFile())) {
                    for (JarEntry entry : jar.stream().toList()) {
                        if (entry.isDirectory() || prefixes.stream().noneMatch(entry.getName()::startsWith)) {
                            continue;
                        }
                        Path target = to.resolve(entry.getName()).normalize();
                        if (!target.startsWith(to)) {
                            continue;
                        }
                        Files.createDirectories(target.getParent());
                        try (InputStream in = jar.getInputStream(entry)) {
                            Files.copy(in, target);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the sandbox's class path from " + from, e);
        }
    }
}
