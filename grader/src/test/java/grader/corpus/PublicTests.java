package grader.corpus;

import grader.batch.ChildJvmGrading;
import grader.export.TemplateExporter;
import grader.export.TemplateFiles;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * The student template's public tests, run on a submission step by step, the way a student's
 * {@code mvn test} runs them: the tests exported with the template, compiled against the submission's
 * lab classes and the runtime, run on JUnit's launcher in a JVM of their own ({@link PublicTestRun}).
 */
final class PublicTests {
    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path RUNTIME_CLASSES = MODULE.resolveSibling("runtime").resolve("target/classes");
    private static final Path OWN_TEST_CLASSES = MODULE.resolve("target/test-classes");
    private static final long RUN_LIMIT_SECONDS = 180;
    /** The test class name prefix of each step, as the template names them. */
    private static final Map<String, String> PREFIX = Map.of("square", "Step1", "complex_square", "Step2",
            "queue", "Step3", "slow_square", "Step4");
    private static Path exported;

    private PublicTests() {
    }

    /**
     * One public test's ending.
     *
     * @param status  {@code SUCCESSFUL}, {@code FAILED} or {@code ABORTED}
     * @param name    its display name
     * @param failure the first line of its failure message, or empty
     */
    record Outcome(String status, String name, String failure) {
        boolean passed() {
            return status.equals("SUCCESSFUL");
        }
    }

    /** The public tests' source folder of the template this grader exports, exported once per test run. */
    static synchronized Path sources() throws IOException {
        if (exported == null) {
            Path template = Files.createTempDirectory("public-tests-template-");
            new TemplateExporter(TemplateFiles.bundled()).export(template);
            exported = template.resolve("exercises/src/test/java");
        }
        return exported;
    }

    /**
     * Runs the public tests of {@code step} on the submission in {@code submission} (a folder with
     * {@code src/main/java/lab}); {@code scratch} holds the classes and the results. A step whose file
     * does not compile fails every one of its tests, as in a student's build.
     */
    static List<Outcome> run(Path submission, String step, Path scratch) throws IOException, InterruptedException {
        String prefix = PREFIX.get(step);
        Path labClasses = Files.createDirectories(scratch.resolve("lab-classes"));
        Path testClasses = Files.createDirectories(scratch.resolve("test-classes"));
        Path labSources = submission.resolve("src/main/java");
        Path stepFile = stepFile(labSources.resolve("lab"), prefix);
        String testClass;
        List<Path> testSources = new ArrayList<>();
        try (Stream<Path> files = Files.list(sources().resolve("lab"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String name = file.getFileName().toString();
                if (!name.startsWith("Step") || name.startsWith(prefix)) {
                    testSources.add(file);
                }
            }
        }
        testClass = "lab." + testSources.stream().map(f -> f.getFileName().toString())
                .filter(n -> n.startsWith(prefix)).findFirst().orElseThrow().replace(".java", "");
        String junit = junitClassPath();
        boolean compiled = stepFile != null && compile(List.of(stepFile), labClasses,
                List.of("-sourcepath", labSources.toString(), "-cp", RUNTIME_CLASSES.toString()))
                && compile(testSources, testClasses, List.of("-cp", join(RUNTIME_CLASSES.toString(), labClasses.toString(),
                junit)));
        if (!compiled) {
            return List.of(new Outcome("FAILED", testClass, "does not compile"));
        }
        Path results = scratch.resolve("results.tsv");
        // The grader's JVM options: a short run that mostly waits for the code under test needs no C2.
        List<String> command = new ArrayList<>(List.of(javaExecutable()));
        command.addAll(ChildJvmGrading.JVM_OPTIONS);
        command.addAll(List.of("-cp", join(RUNTIME_CLASSES.toString(),
                labClasses.toString(), testClasses.toString(), OWN_TEST_CLASSES.toString(), junit),
                PublicTestRun.class.getName(), results.toString(), testClass));
        Process process = new ProcessBuilder(command).directory(Files.createDirectories(scratch.resolve("work")).toFile())
                .redirectErrorStream(true).redirectOutput(scratch.resolve("public-tests.log").toFile()).start();
        if (!process.waitFor(RUN_LIMIT_SECONDS, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            return List.of(new Outcome("FAILED", testClass, "ran longer than " + RUN_LIMIT_SECONDS + " s"));
        }
        if (!Files.isRegularFile(results)) {
            return List.of(new Outcome("FAILED", testClass, "the test run wrote no results: "
                    + Files.readString(scratch.resolve("public-tests.log"))));
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (String line : Files.readAllLines(results, StandardCharsets.UTF_8)) {
            String[] fields = line.split("\t", 4);
            outcomes.add(new Outcome(fields[0], fields[2], fields.length > 3 ? fields[3] : ""));
        }
        return outcomes;
    }

    private static Path stepFile(Path lab, String prefix) {
        String name = switch (prefix) {
            case "Step1" -> "Square.java";
            case "Step2" -> "ComplexSquare.java";
            case "Step3" -> "MultiprocessingQueue.java";
            default -> "SlowSquare.java";
        };
        return Files.isRegularFile(lab.resolve(name)) ? lab.resolve(name) : null;
    }

    private static boolean compile(List<Path> sources, Path output, List<String> options) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        List<String> arguments = new ArrayList<>(options);
        arguments.addAll(List.of("-d", output.toString(), "-proc:none", "-nowarn", "-encoding", "UTF-8"));
        sources.forEach(source -> arguments.add(source.toString()));
        // The compiler's messages are not needed: a step that does not compile fails its tests, as in Maven.
        ByteArrayOutputStream ignored = new ByteArrayOutputStream();
        return compiler.run(null, ignored, ignored, arguments.toArray(String[]::new)) == 0;
    }

    /** JUnit's jars from this JVM's class path: what the template's test scope holds. */
    private static String junitClassPath() {
        return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.contains("junit") || entry.contains("opentest4j") || entry.contains("apiguardian"))
                .reduce((a, b) -> a + File.pathSeparator + b).orElseThrow(() -> new UncheckedIOException(
                        new IOException("JUnit is not on this test's class path")));
    }

    private static String join(String... entries) {
        return String.join(File.pathSeparator, entries);
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
