package grader.export;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.export.TemplateBuild.Build;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds the exported template the way a student does ({@code mvn test}), in a folder whose path holds
 * spaces and non-ASCII letters ({@link TemplateBuild}).
 */
@DisplayName("the exported template, built like a student does")
class ExportedTemplateBuildTest {

    @Test
    @DisplayName("fails on the untouched stubs, saying what to do for each step")
    void failsOnStubs(@TempDir Path temp) throws Exception {
        Build build = TemplateBuild.export(temp).maven(List.of("test"));
        assertAll(
                () -> assertEquals(1, build.exitCode(), build.log()),
                () -> assertTrue(build.log().contains("Tests run: 25, Failures: 25"), build.log()),
                () -> assertTrue(build.log().contains("is not implemented yet"), build.log()),
                () -> assertTrue(build.log().contains("Read README.md, section \"Step 4: slow_square\""), build.log()));
    }

    @Test
    @DisplayName("passes with the reference solutions in place of the stubs")
    void passesWithSolutions(@TempDir Path temp) throws Exception {
        Build build = TemplateBuild.export(temp).withSolutions().maven(List.of("test"));
        assertAll(
                () -> assertEquals(0, build.exitCode(), build.log()),
                () -> assertTrue(build.log().contains("Tests run: 25, Failures: 0, Errors: 0, Skipped: 0"), build.log()));
    }

    @Nested
    @DisplayName("with one step's file that does not compile")
    class BrokenStep {

        @Test
        @DisplayName("still runs and reports the other steps' tests, then ends red naming the file and its line")
        void othersStillRun(@TempDir Path temp) throws Exception {
            TemplateBuild template = TemplateBuild.export(temp).withSolutions();
            Path slowSquare = template.lab().resolve("SlowSquare.java");
            Files.writeString(slowSquare, Files.readString(slowSquare)
                    .replaceFirst("public static void main", "public static void main oops"));
            Build build = template.maven(List.of("test"));
            assertAll(
                    () -> assertEquals(1, build.exitCode(), build.log()),
                    () -> assertTrue(build.log().matches("(?s).*SlowSquare\\.java:\\[\\d+,\\d+].*"),
                            "the compiler's error with file and line:\n" + build.log()),
                    () -> assertTrue(build.log().contains("Tests run: 4, Failures: 0, Errors: 0, Skipped: 0, Time elapsed"
                            ) && build.log().contains("in Step 1: square"), build.log()),
                    () -> assertTrue(build.log().contains("Tests run: 17, Failures: 0, Errors: 0, Skipped: 0"),
                            "steps 1 to 3 ran:\n" + build.log()),
                    () -> assertTrue(build.log().contains("Step 4: SlowSquare.java does not compile"), build.log()),
                    () -> assertFalse(build.log().contains("Running Step 4"), build.log()));
        }
    }
}
