package grader.sandbox;

import grader.trace.Trace;
import java.nio.file.Path;
import java.util.Map;

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
 * @param trace          the runtime's trace of the run
 * @param probe          what the harness recorded, or an empty map if it wrote nothing
 * @param leftovers      processes of the run still alive after it ended, which the sandbox killed
 * @param millis         wall time of the run
 * @param limitSeconds   the run's time limit
 * @param traceFile      the trace's file, for pictures of the run; it lives in the grader's scratch
 *                       directory, so only until grading ends
 */
public record RunResult(String label, long mainPid, int exitCode, boolean timedOut, boolean outputCapped,
                        boolean processCapHit, String stdout, String stderr, Trace trace, Map<String, Object> probe,
                        int leftovers, long millis, long limitSeconds, Path traceFile) {

    /** Whether the run ended by itself, within its limits. */
    public boolean endedNormally() {
        return !timedOut && !outputCapped && !processCapHit;
    }

    /** Whether the run's JVM (or one of its workers) ran out of heap, as HotSpot reports it. */
    public boolean ranOutOfMemory() {
        return stdout.contains("java.lang.OutOfMemoryError") || stderr.contains("java.lang.OutOfMemoryError");
    }

    /** Standard output as lines, without the empty string after a final line break. */
    public java.util.List<String> stdoutLines() {
        java.util.List<String> lines = new java.util.ArrayList<>(
                java.util.List.of(stdout.replace("\r\n", "\n").split("\n", -1)));
        if (lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }
}
