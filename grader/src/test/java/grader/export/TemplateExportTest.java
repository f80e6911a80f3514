package grader.export;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("grader.jar export: the student template")
class TemplateExportTest {
    /** The lab repository this test runs in (the grader module's parent). */
    static final Path LAB = Path.of("..").toAbsolutePath().normalize();

    static final List<String> LISTED_FILES = List.of("pom.xml", "runtime/pom.xml", "exercises/pom.xml", "mvnw", "mvnw.cmd",
            ".mvn/wrapper/maven-wrapper.properties", "README.md", "GRADING.md", ".gitignore",
            ".devcontainer/devcontainer.json", ".github/workflows/classroom.yml",
            TemplateExporter.PROTECTED_HASHES, TemplateExporter.FILE_LIST,
            "exercises/src/main/java/lab/Square.java", "exercises/src/main/java/lab/ComplexSquare.java",
            "exercises/src/main/java/lab/MultiprocessingQueue.java", "exercises/src/main/java/lab/SlowSquare.java",
            "exercises/src/test/java/lab/Step1SquareTest.java", "exercises/src/test/java/lab/Step4SlowSquareTest.java",
            "runtime/src/main/java/multiprocessing/Pool.java");

    @TempDir
    Path target;

    @BeforeEach
    void export() throws IOException {
        new TemplateExporter(TemplateFiles.bundled()).export(target);
    }

    private List<Path> exportedFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(target)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    private String read(String path) throws IOException {
        return Files.readString(target.resolve(path));
    }

    @Nested
    @DisplayName("what it holds")
    class Holds {
        @Test
        @DisplayName("every listed file")
        void listedFiles() {
            assertAll(LISTED_FILES.stream().map(path -> () -> assertTrue(Files.isRegularFile(target.resolve(path)), path)));
        }

        @Test
        @DisplayName("a root pom with the runtime and exercises modules only")
        void modules() throws IOException {
            String pom = read("pom.xml");
            List<String> modules = new ArrayList<>();
            Matcher matcher = Pattern.compile("<module>([^<]+)</module>").matcher(pom);
            while (matcher.find()) {
                modules.add(matcher.group(1));
            }
            assertEquals(List.of("runtime", "exercises"), modules);
        }

        @Test
        @DisplayName("the public tests switched on")
        void publicTestsOn() throws IOException {
            String pom = read("exercises/pom.xml");
            assertAll(() -> assertFalse(pom.contains("skipTests"), pom),
                    () -> assertFalse(pom.contains("publicTests.skip"), pom));
        }

        @Test
        @DisplayName("the guide as README.md, with every reference to it pointing there")
        void guide() throws IOException {
            assertTrue(read("README.md").contains("## Step 1: square"));
            for (Path file : exportedFiles()) {
                assertFalse(Files.readString(file, StandardCharsets.ISO_8859_1).contains("exercises/README.md"),
                        () -> file + " still points to exercises/README.md");
            }
        }

        @Test
        @DisplayName("versions filled in from the lab's own build")
        void versionsFilledIn() throws IOException {
            for (String pom : List.of("pom.xml", "runtime/pom.xml", "exercises/pom.xml")) {
                String text = read(pom);
                assertFalse(text.matches("(?s).*@[\\w.-]+@.*"), () -> pom + " has an unfilled @...@ placeholder:\n" + text);
            }
        }

        @Test
        @DisplayName("an executable Maven wrapper")
        void executableWrapper() {
            assertTrue(Files.isExecutable(target.resolve("mvnw")));
        }

        @Test
        @DisplayName("a Codespaces container with JDK 17")
        void devcontainer() throws IOException {
            assertTrue(read(".devcontainer/devcontainer.json").contains("devcontainers/java:1-17"));
        }
    }

    @Nested
    @DisplayName("what it leaves out")
    class LeavesOut {
        @Test
        @DisplayName("no reference solution, not even under another name")
        void noSolution() throws IOException {
            List<byte[]> solutions = new ArrayList<>();
            try (Stream<Path> walk = Files.walk(LAB.resolve("solutions/src/main/java"))) {
                for (Path file : walk.filter(Files::isRegularFile).toList()) {
                    solutions.add(Files.readAllBytes(file));
                }
            }
            assertFalse(solutions.isEmpty(), "the test found no solution to compare with");
            for (Path file : exportedFiles()) {
                byte[] bytes = Files.readAllBytes(file);
                assertTrue(solutions.stream().noneMatch(solution -> Arrays.equals(solution, bytes)),
                        () -> file + " is a reference solution");
            }
            assertFalse(Files.exists(target.resolve("solutions")));
        }

        @Test
        @DisplayName("no grader code, no hidden test and no compiled class")
        void noGrader() throws IOException {
            for (Path file : exportedFiles()) {
                String relative = target.relativize(file).toString();
                String text = Files.readString(file, StandardCharsets.ISO_8859_1);
                assertAll(relative,
                        () -> assertFalse(relative.endsWith(".class") || relative.endsWith(".jar"), relative),
                        () -> assertFalse(relative.contains("grader/"), relative),
                        () -> assertFalse(text.contains("package grader"), relative),
                        () -> assertFalse(text.contains("grader.suite.hidden"), relative));
            }
        }
    }

    @Nested
    @DisplayName("exporting again")
    class Again {
        @Test
        @DisplayName("over an unchanged export writes nothing")
        void unchanged() throws IOException {
            TemplateExporter.Result again = new TemplateExporter(TemplateFiles.bundled()).export(target);
            assertEquals(List.of(), again.written());
        }

        @Test
        @DisplayName("restores a changed file and removes one the template no longer has, and keeps the rest")
        void updates() throws IOException {
            Files.writeString(target.resolve("pom.xml"), "old");
            Path stale = Files.writeString(target.resolve("OLD-NOTES.md"), "from an older template");
            Files.writeString(target.resolve(TemplateExporter.FILE_LIST), "OLD-NOTES.md\n", StandardOpenOption.APPEND);
            Path own = Files.createDirectories(target.resolve(".git")).resolve("config");
            Files.writeString(own, "[core]");

            TemplateExporter.Result again = new TemplateExporter(TemplateFiles.bundled()).export(target);
            assertAll(
                    () -> assertTrue(again.written().contains("pom.xml"), again::toString),
                    () -> assertEquals(List.of("OLD-NOTES.md"), again.removed()),
                    () -> assertFalse(Files.exists(stale)),
                    () -> assertTrue(Files.exists(own)),
                    () -> assertTrue(read("pom.xml").contains("<module>runtime</module>")));
        }
    }

    @Test
    @DisplayName("the template reads the same from the grader's jar as from its build directory")
    void jarAndDirectoryAgree(@TempDir Path jarDir) throws IOException {
        Path classes = Path.of(TemplateFiles.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        Map<String, byte[]> fromDirectory = TemplateFiles.readDirectory(classes.resolve(TemplateFiles.RESOURCE_ROOT));
        Path jar = jarDir.resolve("grader.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out)) {
            for (Map.Entry<String, byte[]> file : fromDirectory.entrySet()) {
                zip.putNextEntry(new JarEntry(TemplateFiles.RESOURCE_ROOT + file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
            zip.putNextEntry(new JarEntry("grader/Other.class"));
            zip.closeEntry();
        }
        Map<String, byte[]> fromJar = TemplateFiles.readJar(jar);
        assertEquals(fromDirectory.keySet(), fromJar.keySet());
        fromDirectory.forEach((path, bytes) -> assertTrue(Arrays.equals(bytes, fromJar.get(path)), path));
    }
}
