package grader.cli;

import static picocli.CommandLine.Model.UsageMessageSpec.SECTION_KEY_EXIT_CODE_LIST;
import static picocli.CommandLine.Model.UsageMessageSpec.SECTION_KEY_EXIT_CODE_LIST_HEADING;

import grader.Grader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The grader's command line: {@code java -jar grader.jar <command> ...}, one command tree ({@link
 * GraderCommand} and its subcommands) read by picocli.
 *
 * <p>Exit codes: {@value #OK} when the command did its job (for {@code grade}: grading completed,
 * whatever the score), {@value #USAGE_ERROR} for a command line that does not fit the usage,
 * {@value #COULD_NOT_RUN} when the grader itself could not run. Only the command line decides a usage
 * error: a command reports one by throwing picocli's {@link ParameterException} before it starts its
 * work, and anything thrown by the work itself, even an {@link IllegalArgumentException} from reading
 * a broken file, means the grader could not run.
 *
 * <p>A new command is a class like {@link GradeCommand}, added in {@link #commandLine}; it gets the same
 * help option, help layout, error messages and exit codes as the others from there.
 */
public final class Main {
    /** The command did its job. */
    static final int OK = 0;
    /** The grader itself could not run: a file it read was broken, a write failed, a bug. */
    static final int COULD_NOT_RUN = 1;
    /** The command line does not fit the usage. */
    static final int USAGE_ERROR = 2;
    /** How a person starts the grader, as the help and the error hints show it. */
    static final String NAME = "java -jar grader.jar";
    /** picocli's message for an unknown option given as an option's value, and the part to keep. */
    private static final Pattern OPTION_AS_VALUE = Pattern.compile("Unknown option: '[^']*'; (Expected parameter .*)");

    private Main() {
    }

    /** Runs a command and exits with its exit code. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs a command with its output on {@code out}, its problems on {@code err}; returns the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        return commandLine(out, err).execute(args);
    }

    /** The command tree, writing to {@code out} and {@code err}. */
    static CommandLine commandLine(PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(new GraderCommand())
                .addSubcommand(new GradeCommand(out))
                .addSubcommand(new ExportCommand(out))
                .addSubcommand(new BatchCommand(out))
                .addSubcommand(new DashboardCommand(out, err))
                .addSubcommand(new CommandLine.HelpCommand());
        cli.getCommandSpec().usageMessage().header("multiprocessing-lab grader " + Grader.version());
        // Set after the subcommands are added, so that each setting reaches every command of the tree.
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        // A value that looks like an option (--out --x) is a forgotten value, not a path to take.
        cli.setUnmatchedOptionsAllowedAsOptionParameters(false);
        // Paths are taken as they are: @name would otherwise read arguments from the file "name".
        cli.setExpandAtFiles(false);
        cli.setParameterExceptionHandler((problem, args) -> usageError(problem, err));
        cli.setExecutionExceptionHandler((problem, command, parsed) -> couldNotRun(problem, err));
        layOut(cli);
        return cli;
    }

    /** One help layout for every command: blank lines between the parts, and the exit codes last. */
    private static void layOut(CommandLine command) {
        Map<String, String> exitCodes = new LinkedHashMap<>();
        exitCodes.put(" " + OK, switch (command.getCommandSpec().qualifiedName()) {
            case NAME -> "the command did its job (grade: grading completed, whatever the score)";
            case NAME + " grade" -> "grading completed, whatever the score";
            default -> "the command did its job";
        });
        exitCodes.put(" " + COULD_NOT_RUN, "the grader itself could not run");
        exitCodes.put(" " + USAGE_ERROR, "usage error: the command line does not fit the usage");
        UsageMessageSpec usage = command.getCommandSpec().usageMessage();
        usage.descriptionHeading("%n").parameterListHeading("%nArguments:%n").optionListHeading("%nOptions:%n")
                .commandListHeading("%nCommands:%n").exitCodeListHeading("%nExit codes:%n").exitCodeList(exitCodes);
        if (usage.footer().length > 0) {
            usage.footerHeading("%n");
        }
        List<String> sections = new ArrayList<>(command.getHelpSectionKeys());
        sections.removeAll(List.of(SECTION_KEY_EXIT_CODE_LIST_HEADING, SECTION_KEY_EXIT_CODE_LIST));
        sections.addAll(List.of(SECTION_KEY_EXIT_CODE_LIST_HEADING, SECTION_KEY_EXIT_CODE_LIST));
        command.setHelpSectionKeys(sections);
        command.getSubcommands().values().forEach(Main::layOut);
    }

    /** Prints the problem and where to find the usage; the exit code of a usage error. */
    private static int usageError(ParameterException problem, PrintStream err) {
        CommandSpec command = problem.getCommandLine().getCommandSpec();
        boolean top = command.parent() == null;
        err.println("grader: " + message(problem, top));
        err.println("Run " + command.qualifiedName() + " --help for "
                + (top ? "the commands and options." : "its arguments and options."));
        return USAGE_ERROR;
    }

    private static String message(ParameterException problem, boolean top) {
        if (top && problem instanceof UnmatchedArgumentException unmatched && !unmatched.isUnknownOption()
                && !unmatched.getUnmatched().isEmpty()) {
            // The top command takes no arguments of its own: anything left over is a misspelt command.
            return "unknown command '" + unmatched.getUnmatched().get(0) + "'";
        }
        String text = problem.getMessage();
        // picocli tells an unknown option that stands where a value belongs twice; once says it all.
        Matcher value = OPTION_AS_VALUE.matcher(text);
        if (value.matches()) {
            text = value.group(1);
        }
        // picocli starts its messages with a capital; the grader's own start in lower case.
        if (text.length() > 1 && Character.isUpperCase(text.charAt(0)) && Character.isLowerCase(text.charAt(1))) {
            return text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
        }
        return text;
    }

    /** Prints why the command's work failed; the exit code of a grader that could not run. */
    private static int couldNotRun(Exception problem, PrintStream err) {
        if (problem instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            err.println("grader: interrupted");
        } else if (problem instanceof IllegalArgumentException && problem.getMessage() != null) {
            // The grader's readers throw it for bad input and say in the message what, and in which file.
            err.println("grader: could not run: " + problem.getMessage());
        } else {
            // Anything else: the exception's type is part of the story (NoSuchFileException: path).
            err.println("grader: could not run: " + problem);
        }
        return COULD_NOT_RUN;
    }
}
