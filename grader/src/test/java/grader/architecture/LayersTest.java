package grader.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The layers of the project: the runtime ships to students and knows nothing of grading; the grader and
 * the lab use the runtime's public API only; the grader never reaches into the reference solutions.
 */
@DisplayName("The project's layers")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LayersTest {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    private JavaClasses project;

    @BeforeAll
    void importClasses() {
        project = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPaths(ROOT.resolve("runtime/target/classes"), ROOT.resolve("grader/target/classes"),
                        ROOT.resolve("exercises/target/classes"), ROOT.resolve("solutions/target/classes"));
    }

    @Test
    @DisplayName("the runtime never uses the grader")
    void runtimeIndependentOfGrader() {
        noClasses().that().resideInAPackage("multiprocessing..")
                .should().dependOnClassesThat().resideInAPackage("grader..")
                .check(project);
    }

    @Test
    @DisplayName("the grader and the lab use no multiprocessing.internal class")
    void noInternals() {
        noClasses().that().resideInAnyPackage("grader..", "lab..")
                .should().dependOnClassesThat().resideInAPackage("multiprocessing.internal..")
                .check(project);
    }

    @Test
    @DisplayName("the harness needs only the JDK and the runtime, all that a sandboxed run's class path holds")
    void harnessOnTheSandboxClassPath() {
        noClasses().that().resideInAPackage("grader.harness..")
                .should().dependOnClassesThat().resideOutsideOfPackages("grader.harness..", "multiprocessing..", "java..")
                .check(project);
    }

    @Test
    @DisplayName("the grader does not use the solutions (or any lab class)")
    void graderIndependentOfSolutions() {
        noClasses().that().resideInAPackage("grader..")
                .should().dependOnClassesThat().resideInAPackage("lab..")
                .check(project);
    }
}
