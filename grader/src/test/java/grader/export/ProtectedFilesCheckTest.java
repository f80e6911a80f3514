package grader.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.report.ProtectedFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("the protected-file check")
class ProtectedFilesCheckTest {
    private static final TemplateFiles TEMPLATE = TemplateFiles.bundled();

    @TempDir
    Path repository;

    @BeforeEach
    void export() throws IOException {
        new TemplateExporter(TEMPLATE).export(repository);
    }

    private ProtectedFiles check() {
        return new ProtectedFilesCheck(TEMPLATE).check(repository);
    }

    @Test
    @DisplayName("finds a fresh export intact")
    void freshExport() {
        assertTrue(check().intact(), () -> check().describe().toString());
    }

    @Nested
    @DisplayName("does not mind")
    class DoesNotMind {
        @Test
        @DisplayName("the student's own code, guide notes and build output")
        void studentFiles() throws IOException {
            Files.writeString(repository.resolve("exercises/src/main/java/lab/Square.java"), "class Square {}");
            Files.writeString(repository.resolve("README.md"), "my notes");
            Files.createDirectories(repository.resolve("runtime/target/classes"));
            Files.writeString(repository.resolve("runtime/target/classes/X.class"), "built");
            assertTrue(check().intact(), () -> check().describe().toString());
        }
    }

    @Nested
    @DisplayName("reports")
    class Reports {
        @Test
        @DisplayName("a changed pom as modified")
        void modifiedPom() throws IOException {
            Files.writeString(repository.resolve("exercises/pom.xml"), "<!-- tests off -->", StandardOpenOption.APPEND);
            assertEquals(List.of("exercises/pom.xml"), check().modified());
        }

        @Test
        @DisplayName("a deleted public test as missing")
        void deletedTest() throws IOException {
            Files.delete(repository.resolve("exercises/src/test/java/lab/Step3QueueTest.java"));
            assertEquals(List.of("exercises/src/test/java/lab/Step3QueueTest.java"), check().missing());
        }

        @Test
        @DisplayName("a new workflow as added")
        void addedWorkflow() throws IOException {
            Files.writeString(repository.resolve(".github/workflows/points.yml"), "name: points");
            assertEquals(List.of(".github/workflows/points.yml"), check().added());
        }

        @Test
        @DisplayName("a changed file even when the shipped hash list was changed to match it")
        void forgedHashList() throws IOException {
            Path workflow = repository.resolve(".github/workflows/classroom.yml");
            Files.writeString(workflow, "name: Autograding\n# echo Points 100/100\n");
            String forged = TemplateFiles.sha256(Files.readAllBytes(workflow)) + "  .github/workflows/classroom.yml\n";
            Files.writeString(repository.resolve(TemplateExporter.PROTECTED_HASHES), forged);
            assertEquals(List.of(".github/workflows/classroom.yml"), check().modified());
        }
    }
}
