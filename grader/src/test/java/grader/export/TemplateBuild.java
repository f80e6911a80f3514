package grader.export;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * An exported student template on disk, and Maven run in it the way a student runs {@code ./mvnw}: with
 * the Maven that runs this build (handed over by the grader's pom, so no download is needed) and its
 * local repository, offline when this build is offline.
 *
 * <p>The folder's path holds spaces and non-ASCII letters, as a student's often does
 * ({@code C:\Users\José Müller\OneDrive\Lab}), so every test that builds the template proves that too.
 */
final class TemplateBuild {
    /** Where under a test's temporary folder the template goes. */
    static final String ODD_FOLDER = "José Müller/One Drive/Lab ü";
    private static final long TIMEOUT_SECONDS = 300;

    private final Path root;

    private TemplateBuild(Path root) {
        this.root = root;
    }

    /** What one Maven run did. */
    record Build(int exitCode, String log) {
    }

    /** Exports the template into {@link #ODD_FOLDER} under {@code temp}. */
    static TemplateBuild export(Path temp) throws IOException {
        Path root = temp.resolve(ODD_FOLDER);
        new TemplateExporter(TemplateFiles.bundled()).export(root);
        return new TemplateBuild(root);
    }

    /** The template's root folder. */
    Path root() {
        return root;
    }

    /** The student's lab folder, {@code exercises/src/main/java/lab}. */
    Path lab() {
        return root.resolve("exercises/src/main/java/lab");
    }

    /** Puts the reference solutions in place of the stubs. */
    TemplateBuild withSolutions() throws IOException {
        try (Stream<Path> solutions = Files.list(TemplateExportTest.LAB.resolve("solutions/src/main/java/lab"))) {
            for (Path solution : solutions.toList()) {
                Files.copy(solution, lab().resolve(solution.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return this;
    }

    /** Runs Maven with {@code arguments} (what a student types after {@code ./mvnw}) in the template's root. */
    Build maven(List<String> arguments) throws IOException, InterruptedException {
        String mavenHome = System.getProperty("lab.maven.home");
        String repository = System.getProperty("lab.maven.repo.local");
        assertTrue(mavenHome != null && repository != null,
                "run through Maven: the grader's pom hands over lab.maven.home and lab.maven.repo.local");
        boolean windows = System.getProperty("os.name").startsWith("Windows");
        List<String> command = new ArrayList<>(List.of(Path.of(mavenHome, "bin", windows ? "mvn.cmd" : "mvn").toString(),
                "-B", "-Dmaven.repo.local=" + repository));
        if (!System.getProperty("lab.maven.offline", "offline=true").equals("offline=false")) {
            command.add("-o");
        }
        command.addAll(arguments);
        Path log = Files.createTempFile(root.getParent(), "build-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        // The lab's own build passes a coverage agent to worker JVMs; the student's build has none.
        builder.environment().remove("MAVEN_OPTS");
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("mvn " + String.join(" ", arguments) + " in the template ran longer than "
                    + TIMEOUT_SECONDS + " s");
        }
        return new Build(process.exitValue(), Files.readString(log));
    }
}
