package grader.report;

import java.util.List;

/**
 * Where and when the tasks of a step's run went, in the few numbers and bars the dashboard needs to
 * tell a parallel run from a serial or single-process one. Read from the runtime's trace by
 * {@code multiprocessing.tools.Timeline}; the full picture is the step's {@code timeline-<step>.html}.
 *
 * @param verdict        one sentence that reads the picture, such as "10 tasks ran on 4 workers in 3 rounds: parallel."
 * @param parallel       at least two tasks overlapped
 * @param serial         at least two tasks ran, and none overlapped
 * @param singleProcess  no task ran outside the main process and no Process was started
 * @param tasks          task batches in the trace
 * @param workers        workers that ran at least one task
 * @param maxConcurrency the most tasks running at one moment
 * @param spanMillis     how long the run took: from its start to its end as the grader saw them (older grade
 *                       files: from the first to the last event of the trace)
 * @param lanes          the lanes' names: {@code main}, {@code worker 1}, {@code producer}...
 * @param bars           at most {@link #MAX_BARS} task bars, by start time
 * @param truncated      whether bars were left out
 */
public record RunTimeline(String verdict, boolean parallel, boolean serial, boolean singleProcess, int tasks,
                          int workers, int maxConcurrency, long spanMillis, List<String> lanes, List<Bar> bars,
                          boolean truncated) {
    /** The most bars kept: enough to see rounds, small enough for a class of thousands in one page. */
    public static final int MAX_BARS = 60;

    /** Defensive copies. */
    public RunTimeline {
        lanes = List.copyOf(lanes);
        bars = List.copyOf(bars);
    }

    /**
     * One task bar.
     *
     * @param lane    index into {@link #lanes}
     * @param startMs start, milliseconds from the run's first event
     * @param endMs   end, milliseconds from the run's first event
     */
    public record Bar(int lane, long startMs, long endMs) {
    }
}
