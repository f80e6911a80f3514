package grader.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Small student programs for the rule tests: compiled at test time, like the grader compiles a step, against the
 * test JVM's class path (so {@code multiprocessing.*} resolves), each into a directory of its own.
 *
 * <p>A sample marks each line where a violation is expected with {@code //!} at the end of the line, or
 * {@code //! x2} when two violations are expected on that line (for example {@code new Thread(r).start()}: the
 * constructor and {@code start}).
 */
final class Samples {
    private static final Pattern MARKER = Pattern.compile("//!(?:\\s*x(\\d+))?\\s*$");
    private static final Pattern TOP_LEVEL_TYPE = Pattern.compile(
            "(?m)^(?:public\\s+)?(?:final\\s+|abstract\\s+)?(?:class|record|enum|interface)\\s+(\\w+)");

    /** Where a violation was found or is expected, and of which rule. */
    record Hit(String file, int line, String rule) {
        @Override
        public String toString() {
            return file + ":" + line + " " + rule;
        }
    }

    private Samples() {
    }

    /**
     * Compiles the given sources (each a whole compilation unit) into {@code directory}.
     *
     * @return {@code directory}
     * @throws AssertionError with javac's messages if a source does not compile
     */
    static Path compile(Path directory, String... sources) {
        try {
            Path sourceRoot = Files.createDirectories(directory.resolveSibling(directory.getFileName() + "-src"));
            List<Path> files = new ArrayList<>();
            for (String source : sources) {
                Path file = sourceRoot.resolve(packageDirectory(source)).resolve(fileName(source));
                Files.createDirectories(file.getParent());
                Files.writeString(file, source, StandardCharsets.UTF_8);
                files.add(file);
            }
            compileFiles(directory, files);
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compiles source files as they are (such as the reference solutions) into {@code directory}. */
    static Path compileFiles(Path directory, List<Path> files) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fileManager = javac.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            Files.createDirectories(directory);
            List<String> options = List.of("--release", "17", "-proc:none", "-nowarn", "-Xlint:none",
                    "-encoding", "UTF-8", "-classpath", System.getProperty("java.class.path"),
                    "-d", directory.toString());
            boolean compiled = javac.getTask(null, fileManager, diagnostics, options, null,
                    fileManager.getJavaFileObjectsFromPaths(files)).call();
            if (!compiled) {
                throw new AssertionError("the sample does not compile:\n" + diagnostics.getDiagnostics().stream()
                        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                        .map(d -> d.getSource().getName() + ":" + d.getLineNumber() + ": "
                                + d.getMessage(Locale.ROOT))
                        .collect(Collectors.joining("\n")));
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The hits the samples' {@code //!} markers announce, all of the given rule, in {@link Violation#ORDER}. */
    static List<Hit> expected(String rule, String... sources) {
        List<Hit> hits = new ArrayList<>();
        for (String source : sources) {
            String[] lines = source.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher marker = MARKER.matcher(lines[i]);
                if (marker.find()) {
                    int count = marker.group(1) == null ? 1 : Integer.parseInt(marker.group(1));
                    for (int n = 0; n < count; n++) {
                        hits.add(new Hit(fileName(source), i + 1, rule));
                    }
                }
            }
        }
        return sorted(hits);
    }

    /** What the checker found, as hits, in {@link Violation#ORDER}. */
    static List<Hit> hits(List<Violation> violations) {
        return violations.stream().map(v -> new Hit(v.sourceFile(), v.line(), v.rule())).toList();
    }

    /**
     * Compiles the sources, checks them with every rule, and asserts that exactly the marked lines are reported,
     * all by {@code rule}.
     */
    static void assertFlagged(Path directory, String rule, String... sources) {
        List<Violation> violations = new RuleChecker().check(compile(directory, sources));
        assertEquals(expected(rule, sources), hits(violations), () -> "violations found:\n" + describe(violations));
    }

    /** Compiles the sources, checks them with every rule, and asserts that nothing is reported. */
    static void assertAllowed(Path directory, String... sources) {
        List<Violation> violations = new RuleChecker().check(compile(directory, sources));
        assertEquals(List.of(), hits(violations), () -> "violations found:\n" + describe(violations));
    }

    static String describe(List<Violation> violations) {
        return violations.stream().map(v -> "  " + v.rule() + ": " + v.message()).collect(Collectors.joining("\n"));
    }

    private static List<Hit> sorted(List<Hit> hits) {
        List<Hit> result = new ArrayList<>(hits);
        result.sort((a, b) -> {
            int byFile = a.file().compareTo(b.file());
            return byFile != 0 ? byFile : Integer.compare(a.line(), b.line());
        });
        return result;
    }

    private static String fileName(String source) {
        Matcher type = TOP_LEVEL_TYPE.matcher(source);
        if (!type.find()) {
            throw new IllegalArgumentException("no top-level type in the sample:\n" + source);
        }
        return type.group(1) + ".java";
    }

    private static Path packageDirectory(String source) {
        Matcher pkg = Pattern.compile("(?m)^package\\s+([\\w.]+);").matcher(source);
        return Path.of(pkg.find() ? pkg.group(1).replace('.', '/') : "");
    }
}
