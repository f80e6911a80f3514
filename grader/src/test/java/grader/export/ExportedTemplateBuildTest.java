package grader.export;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds the exported template the way a student does ({@code mvn test}), offline, from the local
 * Maven repository this build filled. It uses the Maven that runs this build (handed over by the
 * grader's pom), so it needs no download: under {@code ./mvnw} that is the wrapper's Maven.
 */
@DisplayName("the exported template, built offline like a student does")
class ExportedTemplateBuildTest {
    private static final long BUILD_TIMEOUT_SECONDS = 300;

    @TempDir
    Path template;

    @BeforeEach
    void export() throws IOException {
        new TemplateExporter(TemplateFiles.bundled()).export(template);
    }

    private record Build(int exitCode, String log) {
    }

    private Build mvnTest() throws IOException, InterruptedException {
        String mavenHome = System.getProperty("lab.maven.home");
        String repository = System.getProperty("lab.maven.repo.local");
        assertTrue(mavenHome != null && repository != null,
                "run through Maven: the grader's pom hands over lab.maven.home and lab.maven.repo.local");
        boolean windows = System.getProperty("os.name").startsWith("Windows");
        Path mvn = Path.of(mavenHome, "bin", windows ? "mvn.cmd" : "mvn");
        List<String> command = new ArrayList<>(List.of(mvn.toString(), "-o", "-B", "-Dmaven.repo.local=" + repository, "test"));
        Path log = template.resolve("build.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(template.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        // The lab's own build passes a coverage agent to worker JVMs; the student's build has none.
        builder.environment().remove("MAVEN_OPTS");
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        Process process = builder.start();
        if (!process.waitFor(BUILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("mvn test in the template ran longer than " + BUILD_TIMEOUT_SECONDS + " s");
        }
        return new Build(process.exitValue(), Files.readString(log));
    }

    @Test
    @DisplayName("fails on the untouched stubs, saying what to do for each step")
    void failsOnStubs() throws Exception {
        Build build = mvnTest();
        assertAll(
                () -> assertEquals(1, build.exitCode(), build.log()),
                () -> assertTrue(build.log().contains("Tests run: 25, Failures: 25"), build.log()),
                () -> assertTrue(build.log().contains("is not implemented yet"), build.log()),
                () -> assertTrue(build.log().contains("Read README.md, section \"Step 4: slow_square\""), build.log()));
    }

    @Test
    @DisplayName("passes with the reference solutions in place of the stubs")
    void passesWithSolutions() throws Exception {
        Path lab = template.resolve("exercises/src/main/java/lab");
        try (Stream<Path> solutions = Files.list(TemplateExportTest.LAB.resolve("solutions/src/main/java/lab"))) {
            for (Path solution : solutions.toList()) {
                Files.copy(solution, lab.resolve(solution.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Build build = mvnTest();
        assertAll(
                () -> assertEquals(0, build.exitCode(), build.log()),
                () -> assertTrue(build.log().contains("Tests run: 25, Failures: 0, Errors: 0, Skipped: 0"), build.log()));
    }
}
