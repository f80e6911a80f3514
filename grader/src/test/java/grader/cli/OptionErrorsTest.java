package grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The help and the option errors of every command, held to one behaviour: help on standard output and
 * exit 0; a problem as "grader: ..." and a hint to the command's help on standard error, and exit 2.
 */
@DisplayName("every command's help and option errors")
class OptionErrorsTest {
    /** Arguments that each command would take, so that only the option under test is wrong. */
    private static final Map<String, List<String>> ARGUMENTS = Map.of(
            "grade", List.of("submission"),
            "export", List.of("template"),
            "batch", List.of("students", "--out", "grades"),
            "dashboard", List.of("grades"));

    /** A test run once for each of the grader's commands, named by the command. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"grade", "export", "batch", "dashboard"})
    @interface ForEveryCommand {
    }

    private static CliRun run(String command, String... more) {
        List<String> args = new ArrayList<>();
        args.add(command);
        args.addAll(ARGUMENTS.get(command));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Nested
    @DisplayName("<command> --help")
    class Help {
        @ForEveryCommand
        @DisplayName("exits 0")
        void exitCode(String command) {
            assertEquals(Main.OK, CliRun.of(command, "--help").exitCode());
        }

        @ForEveryCommand
        @DisplayName("prints what the command does, then its usage")
        void usage(String command) {
            String help = CliRun.of(command, "--help").out();
            assertTrue(help.matches("(?s)[^\n]+\nUsage: java -jar grader\\.jar " + command + " .*"), help);
        }

        @ForEveryCommand
        @DisplayName("ends with the exit codes")
        void exitCodes(String command) {
            String help = CliRun.of(command, "--help").out();
            assertTrue(help.matches("(?s).*\nExit codes:\n   0   .*\n   1   the grader itself could not run\n"
                    + "   2   usage error: the command line does not fit the usage\n"), help);
        }

        @ForEveryCommand
        @DisplayName("-h prints the same")
        void shortOption(String command) {
            assertEquals(CliRun.of(command, "--help"), CliRun.of(command, "-h"));
        }

        @ForEveryCommand
        @DisplayName("help <command> prints the same")
        void helpCommand(String command) {
            assertEquals(CliRun.of(command, "--help"), CliRun.of("help", command));
        }

        @ForEveryCommand
        @DisplayName("wins over the arguments: nothing is checked or done")
        void beforeArguments(String command) {
            assertEquals(CliRun.of(command, "--help"), run(command, "--help"));
        }
    }

    @Nested
    @DisplayName("an unknown option")
    class UnknownOption {
        @ForEveryCommand
        @DisplayName("exits 2")
        void exitCode(String command) {
            assertEquals(Main.USAGE_ERROR, run(command, "--verbose").exitCode());
        }

        @ForEveryCommand
        @DisplayName("is named")
        void named(String command) {
            assertEquals("grader: unknown option: '--verbose'", run(command, "--verbose").problem());
        }

        @ForEveryCommand
        @DisplayName("the hint sends to the command's help")
        void hint(String command) {
            assertEquals("Run java -jar grader.jar " + command + " --help for its arguments and options.",
                    run(command, "--verbose").hint());
        }

        @ForEveryCommand
        @DisplayName("prints nothing on standard output")
        void quiet(String command) {
            assertEquals("", run(command, "--verbose").out());
        }

        @ForEveryCommand
        @DisplayName("a single dash is an option too")
        void singleDash(String command) {
            assertEquals("grader: unknown option: '-x'", run(command, "-x").problem());
        }
    }

    @Nested
    @DisplayName("an option without its value")
    class MissingValue {
        @ParameterizedTest(name = "{0} {1}")
        @CsvSource({"grade, --out", "batch, --jobs", "dashboard, --out", "dashboard, --classroom"})
        @DisplayName("exits 2")
        void exitCode(String command, String option) {
            assertEquals(Main.USAGE_ERROR, run(command, option).exitCode());
        }

        @ParameterizedTest(name = "{0} {1}")
        @CsvSource({"grade, --out", "batch, --jobs", "dashboard, --out", "dashboard, --classroom"})
        @DisplayName("names the option")
        void named(String command, String option) {
            String problem = run(command, option).problem();
            assertTrue(problem.startsWith("grader: missing required parameter for option '" + option + "' ("), problem);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"grade", "batch", "dashboard"})
        @DisplayName("--out last, without a value, is refused too")
        void outLast(String command) {
            CliRun run = CliRun.of(command, "dir", "--out");
            assertTrue(run.problem().startsWith("grader: missing required parameter for option '--out' ("), run.err());
        }
    }

    @Nested
    @DisplayName("a value that looks like an option")
    class OptionAsValue {
        @ParameterizedTest(name = "{0} {1} --x")
        @CsvSource({"grade, --out", "batch, --out", "batch, --jobs", "dashboard, --out", "dashboard, --classroom"})
        @DisplayName("an unknown one: exit 2")
        void unknownExitCode(String command, String option) {
            assertEquals(Main.USAGE_ERROR, CliRun.of(command, "dir", option, "--x").exitCode());
        }

        @ParameterizedTest(name = "{0} {1} --x")
        @CsvSource({"grade, --out", "batch, --out", "batch, --jobs", "dashboard, --out", "dashboard, --classroom"})
        @DisplayName("an unknown one is refused as the option's value, in the same words everywhere")
        void unknown(String command, String option) {
            assertEquals("grader: expected parameter for option '" + option + "' but found '--x'",
                    CliRun.of(command, "dir", option, "--x").problem());
        }

        @ParameterizedTest(name = "{0} {1} {2}")
        @CsvSource({"grade, --out, --keep-work", "batch, --out, --jobs", "batch, --jobs, --out",
            "dashboard, --out, --classroom", "dashboard, --classroom, --out"})
        @DisplayName("a known one is refused in the same words")
        void known(String command, String option, String other) {
            assertEquals("grader: expected parameter for option '" + option + "' but found '" + other + "'",
                    CliRun.of(command, "dir", option, other, "x").problem());
        }

        @ForEveryCommand
        @DisplayName("before the arguments, it is an unknown option, never a path")
        void beforeArguments(String command) {
            List<String> args = new ArrayList<>(List.of(command, "--x"));
            args.addAll(ARGUMENTS.get(command));
            assertEquals("grader: unknown option: '--x'", CliRun.of(args.toArray(String[]::new)).problem());
        }
    }
}
