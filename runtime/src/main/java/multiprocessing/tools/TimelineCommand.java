package multiprocessing.tools;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The command behind {@link Timeline#main}: reads a trace, writes its page, and prints where it went and
 * the verdict. Kept apart from {@code main} so that tests can run it without the JVM exiting.
 */
final class TimelineCommand {
    private TimelineCommand() {
    }

    /** Runs the command; its exit status: 0 when the page was written, 1 when it was not, 2 for wrong arguments. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length < 2 || args.length > 3) {
            err.println("usage: java -cp runtime/target/classes multiprocessing.tools.Timeline <trace.jsonl>"
                    + " <out.html> [title]");
            return 2;
        }
        Path trace = Path.of(args[0]);
        Path page = Path.of(args[1]);
        if (!Files.isRegularFile(trace)) {
            err.println("No trace file at " + trace + ". Run the program with -Dmultiprocessing.trace=" + trace
                    + " first.");
            return 1;
        }
        String title = args.length == 3 ? args[2] : "Timeline of " + trace.getFileName();
        Timeline timeline;
        try {
            timeline = Timeline.read(trace);
        } catch (IOException e) {
            err.println("Cannot read the trace " + trace + ": " + e.getMessage());
            return 1;
        }
        try {
            Files.writeString(page, timeline.html(title), StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("Cannot write the page " + page + ": " + e.getMessage());
            return 1;
        }
        out.println("Wrote the timeline to " + page.toAbsolutePath());
        out.println(timeline.verdict());
        timeline.notes().forEach(out::println);
        return 0;
    }
}
