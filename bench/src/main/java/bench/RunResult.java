package bench;

import java.util.List;

/**
 * What one run of a program did and cost.
 *
 * @param spec         what was run
 * @param exitCode     the exit code, or {@code null} if the program never started
 * @param timedOut     whether it was killed for running past its time limit
 * @param startError   why it could not be started, or {@code null}
 * @param wallSeconds  from just before the start to the exit, measured by the harness
 * @param rusageCpu    user + system seconds of the program and every descendant that was waited
 *                     for, from {@code wait4} (GNU time's {@code %U + %S}); {@code null} without GNU time
 * @param sampledCpu   user + system seconds summed over every process of the tree, from /proc samples;
 *                     {@code null} without /proc
 * @param peakRssSumKb the sum over the tree's processes of each one's peak resident set (VmHWM)
 * @param largestRssKb the largest single process's peak resident set (GNU time's {@code %M})
 * @param processes    how many processes the tree had, the program included
 * @param stdout       what the program printed on standard output
 * @param stderr       what it printed on standard error
 * @param files        where its output files are, without the extension (.out, .err, .time)
 */
record RunResult(RunSpec spec, Integer exitCode, boolean timedOut, String startError, double wallSeconds,
                 Double rusageCpu, Double sampledCpu, Long peakRssSumKb, Long largestRssKb, int processes,
                 String stdout, String stderr, String files) {

    /** Whether the program started, finished in time and exited with 0. */
    boolean ok() {
        return startError == null && !timedOut && exitCode != null && exitCode == 0;
    }

    /** Why the run counts as failed, in a few words; empty when it succeeded. */
    String failure() {
        if (startError != null) {
            return "could not start: " + startError;
        }
        if (timedOut) {
            return "timed out after " + spec.timeout().toSeconds() + " s and was killed";
        }
        if (exitCode == null || exitCode != 0) {
            return "exit code " + exitCode;
        }
        return "";
    }

    /**
     * CPU seconds of the whole tree. Both sources can only undercount (an orphan that nobody waited
     * for escapes {@code wait4}; the last few milliseconds of each process escape the samples), so
     * the larger of the two is the better figure.
     */
    Double cpuSeconds() {
        if (rusageCpu == null) {
            return sampledCpu;
        }
        return sampledCpu == null ? rusageCpu : Math.max(rusageCpu, sampledCpu);
    }

    /** A figure the program printed as {@code RESULT <name> <value>}, or {@code null} if it did not. */
    Double reported(String name) {
        String text = reportedText(name);
        if (text == null) {
            return null;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The value of a {@code RESULT <name> <value>} line as printed (exact, for checksums), or null. */
    String reportedText(String name) {
        String prefix = "RESULT " + name + " ";
        for (String line : stdout.split("\n")) {
            if (line.startsWith(prefix)) {
                return line.substring(prefix.length()).trim();
            }
        }
        return null;
    }

    /** The output lines, without trailing blanks or carriage returns. */
    List<String> stdoutLines() {
        return stdout.isBlank() ? List.of() : List.of(stdout.strip().replace("\r", "").split("\n"));
    }
}
