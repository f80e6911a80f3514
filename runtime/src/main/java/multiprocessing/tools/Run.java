package multiprocessing.tools;

import java.util.List;
import java.util.Optional;
import multiprocessing.tools.Timeline.Bar;
import multiprocessing.tools.Timeline.CallbackRun;
import multiprocessing.tools.Timeline.Job;
import multiprocessing.tools.Timeline.Lane;
import multiprocessing.tools.Timeline.Lifetime;
import multiprocessing.tools.Timeline.Mark;
import multiprocessing.tools.Timeline.PoolRun;
import multiprocessing.tools.Timeline.ProgramExit;
import multiprocessing.tools.Timeline.Sentinel;

/**
 * What a trace says about a run, ready to draw: lanes, one bar per task, marks and lifetimes, the
 * run's extent, and what had to be left out.
 *
 * @param lanes      one per process, in picture order
 * @param tasks      one bar per task event, ordered by lane, then start
 * @param unfinished one bar per task that started and never ended (a {@code task_start} without its
 *                   {@code task}), drawn to the moment its process ended; ordered by lane, then start
 * @param marks      callbacks and worker deaths, by time
 * @param lifetimes  one per {@code Process} child, in start order
 * @param poolRuns   one per pool started, in start order
 * @param jobs       one per job handed to a pool, in submit order
 * @param callbacks  one per callback that ran, by time
 * @param sentinels  one per {@code null} put on or taken from a queue, by time
 * @param exit       the main program's exit, if the trace holds it
 * @param startUs    the earliest time in the run (microseconds since the epoch); 0 when empty
 * @param endUs      the latest time in the run
 * @param pools      how many pools were started
 * @param events     how many events were used
 * @param unreadable lines that could not be read
 * @param impossible events left out for impossible times
 * @param cut        whether the reading stopped at a cap before the end of the trace
 * @param hidden     processes left out because the picture has no room for more lanes
 * @param frame      what the program that ran the run knows beyond the trace, if it said
 */
record Run(List<Lane> lanes, List<Bar> tasks, List<Bar> unfinished, List<Mark> marks, List<Lifetime> lifetimes,
           List<PoolRun> poolRuns, List<Job> jobs, List<CallbackRun> callbacks, List<Sentinel> sentinels,
           Optional<ProgramExit> exit, long startUs, long endUs, int pools, int events, int unreadable, int impossible,
           boolean cut, int hidden, Optional<Frame> frame) {

    /**
     * A run as the program that ran it saw it from outside (see {@link Timeline#within}).
     *
     * @param mainPid        the main program's pid
     * @param startUs        when the run started, microseconds since the epoch
     * @param endUs          when it ended or was stopped
     * @param stoppedBecause who stopped it and why, cleaned, as a clause such as "the grader stopped the
     *                       run at its 20 s time limit"; empty when it ended by itself
     */
    record Frame(long mainPid, long startUs, long endUs, String stoppedBecause) {
        /** Whether the run was stopped from outside. */
        boolean stopped() {
            return !stoppedBecause.isEmpty();
        }
    }
}
