package multiprocessing.tools;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The command behind {@link TracedRun#main}: runs a program's {@code main} with the trace on, repeats
 * what it printed, writes the run's timeline page and says where it went. Kept apart from {@code main}
 * so that tests can run it without the JVM exiting.
 *
 * <p>It exists so that "run my program and show me its picture" is one command on every system (the
 * lab's build calls it): a chain of shell commands would differ between bash, PowerShell and cmd.
 */
final class TracedRunCommand {
    /** Far above what any of the lab's programs needs; a program that hangs is stopped and drawn so. */
    static final Duration LIMIT = Duration.ofSeconds(120);

    private TracedRunCommand() {
    }

    /**
     * Runs the command; its exit status: the program's own, 1 when it was stopped at the limit or the page
     * could not be written, 2 for wrong arguments.
     */
    static int run(String[] args, Duration limit, PrintStream out, PrintStream err) {
        if (args.length < 2 || args.length > 3) {
            err.println("usage: java -cp <class path> multiprocessing.tools.TracedRun <main class> <page.html>"
                    + " [title]");
            return 2;
        }
        String mainClass = args[0];
        Path page = Path.of(args[1]);
        String title = args.length == 3 ? args[2] : mainClass + ".main";
        TracedRun run = TracedRun.start(mainClass, limit);
        out.print(run.stdout());
        err.print(run.stderr());
        out.flush();
        err.flush();
        if (run.timedOut()) {
            err.println(mainClass + ".main was still running after " + limit.toSeconds() + " s and was stopped;"
                    + " the picture shows how far it got.");
        }
        try {
            run.writePage(page, title);
        } catch (UncheckedIOException e) {
            err.println("Cannot write the page " + page + ": " + e.getCause().getMessage());
            return 1;
        }
        out.println("Wrote the timeline to " + page.toAbsolutePath() + " (open it in a browser).");
        out.println(run.timeline().verdict());
        run.timeline().notes().forEach(out::println);
        return run.timedOut() ? 1 : run.exitCode();
    }
}
