package grader.sandbox;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import multiprocessing.tools.RunChecks;
import multiprocessing.tools.Timeline;

/**
 * What a sandboxed run did, as the hidden tests see it.
 *
 * @param label          the run's label
 * @param mainPid        the pid of the run's main JVM
 * @param exitCode       its exit code (-1 if it was killed)
 * @param timedOut       it ran past its time limit and was stopped
 * @param outputCapped   it wrote more than the output cap and was stopped
 * @param processCapHit  it ran more processes or threads than allowed and was stopped
 * @param stdout         what it printed (the first part, if capped)
 * @param stderr         its error output (the first part, if capped)
 * @param timeline       the run as the runtime's trace tells it: the hidden tests' evidence of where the
 *                       work ran, and the picture in the reports
 * @param probe          what the harness recorded, or an empty map if it wrote nothing
 * @param leftovers      processes of the run still alive after it ended, which the sandbox killed
 * @param millis         wall time of the run
 * @param limitSeconds   the run's time limit
 * @param traceFile      the trace's file, for pictures of the run; it lives in the grader's scratch
 *                       directory, so only until grading ends
 * @param startUs        when the sandbox started the run's JVM, microseconds since the epoch (the trace's clock)
 * @param endUs          when the run's JVM ended, or when the sandbox decided to stop it
 */
public record RunResult(String label, long mainPid, int exitCode, boolean timedOut, boolean outputCapped,
                        boolean processCapHit, String stdout, String stderr, Timeline timeline, Map<String, Object> probe,
                        int leftovers, long millis, long limitSeconds, Path traceFile, long startUs, long endUs) {

    /** Whether the run ended by itself, within its limits. */
    public boolean endedNormally() {
        return !timedOut && !outputCapped && !processCapHit;
    }

    /**
     * Why the sandbox stopped the run, as a clause in the words of the hidden tests' messages, such as
     * "the grader stopped the run at its 20 s time limit"; empty when it ended by itself.
     */
    public Optional<String> stopReason() {
        if (timedOut) {
            return Optional.of("the grader stopped the run at its " + limitSeconds + " s time limit");
        }
        if (outputCapped) {
            return Optional.of("the grader stopped the run because it printed more than the output limit");
        }
        if (processCapHit) {
            return Optional.of("the grader stopped the run because it started too many processes or threads");
        }
        return Optional.empty();
    }

    /**
     * The picture of the run for the reports: its trace, completed by what the sandbox knows. It has a
     * {@code main} lane even when the program never used the runtime (and so wrote no trace), spans the
     * run from its start to its end, and draws what was still running when the sandbox stopped the run
     * up to that moment, saying why it was stopped. {@link #timeline()} stays the trace alone, as the
     * hidden tests read it.
     */
    public Timeline picture() {
        return timeline.within(mainPid, startUs, Math.max(startUs, endUs), stopReason().orElse(null));
    }

    /** Whether the run's JVM (or one of its workers) ran out of heap, as HotSpot reports it. */
    public boolean ranOutOfMemory() {
        return stdout.contains("java.lang.OutOfMemoryError") || stderr.contains("java.lang.OutOfMemoryError");
    }

    /** The lesson checks on this run's trace, with the run's own JVM as the main program. */
    public RunChecks checks() {
        return new RunChecks(timeline, mainPid);
    }

    /** Standard output as lines, without the empty string after a final line break. */
    public List<String> stdoutLines() {
        List<String> lines = new ArrayList<>(List.of(stdout.replace("\r\n", "\n").split("\n", -1)));
        if (lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }
}
