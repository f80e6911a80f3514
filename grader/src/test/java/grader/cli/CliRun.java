package grader.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * One run of the grader's command line in this JVM, as {@code java -jar grader.jar args...} would do it.
 *
 * @param exitCode what the grader would exit with
 * @param out      what it printed on standard output, with \n line ends
 * @param err      what it printed on standard error, with \n line ends
 */
record CliRun(int exitCode, String out, String err) {
    /** Runs the command line with {@code args}. */
    static CliRun of(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CliRun(exitCode, text(out), text(err));
    }

    /** The first line printed on standard error: the problem, for a run that failed. */
    String problem() {
        return err.lines().findFirst().orElse("");
    }

    /** The second line printed on standard error: where to read the usage, for a usage error. */
    String hint() {
        return err.lines().skip(1).findFirst().orElse("");
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
    }
}
