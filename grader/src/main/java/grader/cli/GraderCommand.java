package grader.cli;

import grader.Grader;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The top of the command tree, {@code java -jar grader.jar}: it only chooses a command (see {@link Main}
 * for the list), or shows the help or the version.
 */
@Command(name = Main.NAME, versionProvider = GraderCommand.Version.class,
        description = "Grades the multiprocessing lab: one submission, or a whole class with its dashboard; and "
                + "writes the student template.",
        footer = {"A command's arguments, options and the files it writes:", "  " + Main.NAME + " <command> --help"})
final class GraderCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Option(names = {"-V", "--version"}, versionHelp = true, description = "Show the grader's version and exit.")
    private boolean version;

    /** Runs only without a command, which is a usage error. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing a command: "
                + String.join(", ", spec.subcommands().keySet()));
    }

    /** The grader's version, from its jar. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"multiprocessing-lab grader " + Grader.version()};
        }
    }
}
