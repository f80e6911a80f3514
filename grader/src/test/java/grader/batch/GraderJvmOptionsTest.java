package grader.batch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The grader JVM's options are written down twice, in Java and in the workflows that start a grader
 * with {@code java -jar grader.jar}; this keeps the workflows to {@link ChildJvmGrading#JVM_OPTIONS}.
 */
@DisplayName("The grader JVM's options")
class GraderJvmOptionsTest {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final List<Path> WORKFLOWS = List.of(ROOT.resolve(".github/workflows/ci.yml"),
            ROOT.resolve(".github/workflows/regrade.yml"), ROOT.resolve("template/.github/workflows/classroom.yml"));
    private static final Pattern GRADER_LAUNCH = Pattern.compile("java (.*?)-jar \\S*grader\\.jar (grade|batch)");

    @Test
    @DisplayName("are the ones every workflow starts a grading or a batch with")
    void workflowsUseThem() throws IOException {
        String expected = String.join(" ", ChildJvmGrading.JVM_OPTIONS) + " ";
        int launches = 0;
        for (Path workflow : WORKFLOWS) {
            Matcher launch = GRADER_LAUNCH.matcher(Files.readString(workflow));
            while (launch.find()) {
                launches++;
                assertTrue(launch.group(1).equals(expected), workflow.getFileName() + " starts the grader with \""
                        + launch.group(1).strip() + "\", not with \"" + expected.strip() + "\"");
            }
        }
        assertTrue(launches >= 3, "found " + launches + " grader launches in the workflows; expected one in each");
    }

    @Test
    @DisplayName("are on the command of a batch's child grading")
    void childCommandUsesThem() {
        List<String> command = ChildJvmGrading.command("grade", "submission");
        assertTrue(command.containsAll(ChildJvmGrading.JVM_OPTIONS), command.toString());
        assertFalse(command.indexOf("grader.cli.Main") < command.indexOf(ChildJvmGrading.JVM_OPTIONS.get(0)),
                "the options must come before the main class: " + command);
    }
}
