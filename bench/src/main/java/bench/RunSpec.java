package bench;

import java.time.Duration;
import java.util.List;

/**
 * One program to run and measure: the command exactly as a person would type it, and how long it may
 * take before it is stopped.
 *
 * @param label   a short name for progress lines, file names and failure reports
 * @param command the program and its arguments, run from the repository root
 * @param timeout how long the run may take; past it the whole process tree is killed
 */
record RunSpec(String label, List<String> command, Duration timeout) {
    RunSpec {
        command = List.copyOf(command);
    }

    /** The command as one line, for the report (arguments with spaces quoted). */
    String commandLine() {
        StringBuilder line = new StringBuilder();
        for (String part : command) {
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(part.isEmpty() || part.contains(" ") ? "'" + part + "'" : part);
        }
        return line.toString();
    }
}
