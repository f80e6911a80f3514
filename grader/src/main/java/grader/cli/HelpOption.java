package grader.cli;

import picocli.CommandLine.Option;

/**
 * The {@code -h, --help} option of a subcommand, mixed into each (picocli's own {@code help} command
 * has one already, so the top's cannot simply be inherited by all).
 */
final class HelpOption {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;
}
