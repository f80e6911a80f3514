package grader.export;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.export.TemplateBuild.Build;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands of the student guide, taken from the guide's own text and run on an exported template
 * with the reference solutions: a guide that no longer matches the build fails here.
 *
 * <p>The block after the {@code <!-- guide-commands} marker is run as written (after {@code ./mvnw},
 * with this build's Maven). Every other {@code ./mvnw} line of the guide must have one of the shapes
 * that block proves, with a real step.
 */
@DisplayName("The guide's commands")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GuideCommandsTest {
    private static final Path GUIDE = TemplateExportTest.LAB.resolve("exercises/README.md");
    private static final String MARKER = "<!-- guide-commands";
    private static final Pattern COMMAND_SHAPE = Pattern.compile(
            "\\./mvnw (-q compile exec:exec(@timeline)?|test)( -Dstep=(square|complex_square|queue|slow_square))?");
    private static final String WRAPPER = "./mvnw ";

    private String guide;
    private TemplateBuild template;

    @BeforeAll
    void exportWithSolutions(@TempDir Path temp) throws IOException {
        guide = Files.readString(GUIDE);
        template = TemplateBuild.export(temp).withSolutions();
    }

    /** The lines of the first code block after the marker. */
    private List<String> markedCommands() {
        int marker = guide.indexOf(MARKER);
        assertTrue(marker >= 0, "the guide has no " + MARKER + " marker before its commands");
        int open = guide.indexOf("```sh\n", marker);
        int close = guide.indexOf("```", open + 6);
        return guide.substring(open + 6, close).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private String command(String shape) {
        return markedCommands().stream().filter(c -> c.contains(shape)).findFirst()
                .orElseThrow(() -> new AssertionError("the guide's commands have none with " + shape + ": "
                        + markedCommands()));
    }

    private Build run(String command) throws Exception {
        assertTrue(command.startsWith(WRAPPER), command);
        return template.maven(Arrays.asList(command.substring(WRAPPER.length()).split(" ")));
    }

    @Test
    @DisplayName("are three, one per task, each of a known shape")
    void threeKnownCommands() {
        List<String> commands = markedCommands();
        assertAll(() -> assertEquals(3, commands.size(), commands.toString()),
                () -> assertTrue(commands.stream().allMatch(c -> COMMAND_SHAPE.matcher(c).matches()), commands.toString()));
    }

    @Test
    @DisplayName("everywhere else in the guide have one of those shapes, with a real step")
    void everyCommandOfTheGuideIsKnown() {
        List<String> unknown = new ArrayList<>();
        Matcher line = Pattern.compile("(?m)^\\s*(\\./mvnw.*|mvnw.*|java .*)$").matcher(guide);
        while (line.find()) {
            if (!COMMAND_SHAPE.matcher(line.group(1).strip()).matches()) {
                unknown.add(line.group(1));
            }
        }
        assertTrue(unknown.isEmpty(), "commands in the guide that no test runs: " + unknown);
    }

    @Nested
    @DisplayName("run as written")
    class AsWritten {

        @Test
        @DisplayName("the run command runs the step's main")
        void runsMain() throws Exception {
            Build build = run(command("exec:exec -D"));
            assertAll(() -> assertEquals(0, build.exitCode(), build.log()),
                    () -> assertTrue(build.log().contains("[0, 1, 4, 9, 16, 25, 36, 49, 64, 81]"), build.log()));
        }

        @Test
        @DisplayName("the test command runs that step's public tests only")
        void runsOneStepsTests() throws Exception {
            Build build = run(command(" test "));
            assertAll(() -> assertEquals(0, build.exitCode(), build.log()),
                    () -> assertTrue(build.log().contains("Tests run: 4, Failures: 0, Errors: 0, Skipped: 0"), build.log()),
                    () -> assertFalse(build.log().contains("Running Step 2"), build.log()));
        }

        @Test
        @DisplayName("the timeline command runs main and writes the page it names")
        void drawsTimeline() throws Exception {
            Path page = template.root().resolve("exercises/target/timeline-square.html");
            Build build = run(command("exec:exec@timeline"));
            assertAll(() -> assertEquals(0, build.exitCode(), build.log()),
                    () -> assertTrue(build.log().contains("Wrote the timeline to " + page), build.log()),
                    () -> assertTrue(Files.readString(page).contains("<svg"), "the page has a picture"));
        }
    }

    @Nested
    @DisplayName("with a wrong step")
    class WrongStep {

        @Test
        @DisplayName("a misspelt step fails at once, listing the steps")
        void misspelt() throws Exception {
            Build build = template.maven(List.of("test", "-Dstep=sqaure"));
            assertAll(() -> assertEquals(1, build.exitCode()),
                    () -> assertTrue(build.log().contains("-Dstep=sqaure is not a step of this lab. Use one of:"
                            + " -Dstep=square, -Dstep=complex_square, -Dstep=queue, -Dstep=slow_square."), build.log()),
                    () -> assertFalse(build.log().contains("Running Step"), build.log()));
        }

        @Test
        @DisplayName("running a main without a step says to add one")
        void missing() throws Exception {
            Build build = template.maven(List.of("-q", "compile", "exec:exec"));
            assertAll(() -> assertEquals(1, build.exitCode()),
                    () -> assertTrue(build.log().contains("Say which step's main to run: add -Dstep=square"), build.log()));
        }
    }
}
