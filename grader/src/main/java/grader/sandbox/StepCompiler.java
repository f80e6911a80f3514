package grader.sandbox;

import grader.report.SourceLocation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles one step of a submission with the JDK's compiler, against the grader's own copy of the
 * runtime only.
 *
 * <p>Each step compiles on its own, from its main file, with the submission's {@code lab} sources on
 * the source path so that helper classes a student wrote come along: a compile error in one step's
 * file costs only that step (and any step that uses the broken file). Annotation processing is off, so
 * compiling runs nothing of the submission's. Class files outside {@code lab} are deleted.
 */
public final class StepCompiler {
    private final Path runtimeClasses;

    /** A compiler that resolves {@code multiprocessing} from {@code runtimeClasses}. */
    public StepCompiler(Path runtimeClasses) {
        this.runtimeClasses = runtimeClasses;
    }

    /**
     * Compiles {@code mainFile} (such as {@code Square.java}) of {@code submission} into {@code output}.
     */
    public CompileResult compile(Submission submission, String mainFile, Path sourceCopy, Path output) {
        long start = System.nanoTime();
        Path main = sourceCopy.resolve("lab").resolve(mainFile);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("the grader needs a JDK, not a JRE: no Java compiler is available");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            Files.createDirectories(output);
            List<String> options = List.of("-d", output.toString(), "-cp", runtimeClasses.toString(),
                    "-sourcepath", sourceCopy.toString(), "-proc:none", "-implicit:class", "-encoding", "UTF-8",
                    "-nowarn", "-Xmaxerrs", "20", "--release", "17");
            Writer quiet = Writer.nullWriter();
            boolean ok = compiler.getTask(quiet, files, diagnostics, options, null,
                    files.getJavaFileObjects(main.toFile())).call();
            List<CompileResult.CompileError> errors = new ArrayList<>();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.ERROR) {
                    String fileName = d.getSource() == null ? mainFile : Path.of(d.getSource().toUri()).getFileName().toString();
                    errors.add(new CompileResult.CompileError(
                            new SourceLocation(submission.displayPath(fileName), (int) Math.max(1, d.getLineNumber())),
                            d.getMessage(Locale.ROOT)));
                }
            }
            if (ok && errors.isEmpty()) {
                keepOnlyLab(output);
                return new CompileResult(output, List.of(), elapsed(start));
            }
            return new CompileResult(null, List.copyOf(errors), elapsed(start));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compile " + mainFile, e);
        }
    }

    /** Copies the submission's accepted sources into {@code directory}/lab, the compiler's source path. */
    public static Path copySources(Submission submission, Path directory) {
        try {
            Path lab = Files.createDirectories(directory.resolve("lab"));
            for (Path source : submission.sources()) {
                Files.copy(source, lab.resolve(source.getFileName()));
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the submission's sources", e);
        }
    }

    private static void keepOnlyLab(Path output) throws IOException {
        try (Stream<Path> top = Files.list(output)) {
            for (Path entry : top.toList()) {
                if (!entry.getFileName().toString().equals("lab")) {
                    FileTrees.delete(entry);
                }
            }
        }
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
