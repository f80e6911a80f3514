package multiprocessing.tools;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import multiprocessing.tools.Timeline.Bar;
import multiprocessing.tools.Timeline.Lane;
import multiprocessing.tools.Timeline.Lifetime;

/**
 * The sentence that reads a timeline for a student: where the tasks ran, whether they overlapped, and
 * what the {@code Process} children did. Its wording follows the lab's mistakes: work done in the main
 * process instead of the pool, and {@code get()} right after each {@code applyAsync}, which makes every
 * task wait for the previous one.
 */
final class Verdict {
    /** Most process names listed in the sentence. */
    private static final int MAX_NAMES = 5;

    private Verdict() {
    }

    /** The verdict on {@code timeline}. */
    static String of(Timeline timeline) {
        if (timeline.lanes().isEmpty()) {
            return timeline.unreadableLines() > 0 ? "No line of the trace could be read, so there is nothing to show."
                    : "The trace is empty: nothing ran with tracing on.";
        }
        List<String> sentences = new ArrayList<>();
        String tasks = tasks(timeline);
        if (!tasks.isEmpty()) {
            sentences.add(tasks);
        }
        if (timeline.failedTasks() > 0) {
            sentences.add(Labels.count(timeline.failedTasks(), "task") + " of "
                    + String.format(Locale.ROOT, "%,d", timeline.taskCount()) + " failed.");
        }
        if (!timeline.lifetimes().isEmpty()) {
            sentences.add(processes(timeline));
        }
        timeline.stoppedBecause().ifPresent(reason -> sentences.add(stopped(timeline, reason)));
        return String.join(" ", sentences);
    }

    /** The run was stopped from outside: say so, and whether more than main was stopped with it. */
    private static String stopped(Timeline timeline, String reason) {
        long main = timeline.mainPid();
        boolean others = timeline.unfinishedTasks().stream().anyMatch(bar -> bar.pid() != main)
                || timeline.lifetimes().stream().anyMatch(lifetime -> !lifetime.exited())
                || timeline.poolRuns().stream().anyMatch(pool -> !pool.shutDown());
        return Labels.capitalized(reason) + (others ? "; the processes still running then were stopped with it."
                : "; the main program was still running then.");
    }

    /** Tasks that began and never finished, in a sentence of their own; empty when there are none. */
    private static String unfinished(Timeline timeline) {
        List<Bar> open = timeline.unfinishedTasks();
        if (open.isEmpty()) {
            return "";
        }
        if (timeline.taskCount() > 0) {
            return Labels.count(open.size(), "more task was", "more tasks were") + " still running when the run ended.";
        }
        long lanes = open.stream().map(Bar::lane).distinct().count();
        boolean inMain = open.stream().allMatch(bar -> bar.pid() == timeline.mainPid());
        String where = inMain ? "in the main process" : "on " + Labels.count(lanes, "worker");
        return open.size() == 1 ? "1 task started " + where + " and never finished: it was still running when the run"
                + " ended." : Labels.count(open.size(), "task") + " started " + where + " and none finished: they were"
                + " still running when the run ended.";
    }

    private static String tasks(Timeline timeline) {
        int count = timeline.taskCount();
        String tasks = Labels.count(count, "task");
        long workerLanes = timeline.lanes().stream().filter(lane -> lane.kind() == Lane.Kind.WORKER).count();
        String unfinished = unfinished(timeline);
        if (count == 0 && !unfinished.isEmpty()) {
            return unfinished;
        }
        if (count > 0 && !unfinished.isEmpty()) {
            return finished(timeline, count, tasks, workerLanes) + " " + unfinished;
        }
        return finished(timeline, count, tasks, workerLanes);
    }

    private static String finished(Timeline timeline, int count, String tasks, long workerLanes) {
        if (count == 0) {
            if (timeline.pools() > 0) {
                String pools = timeline.pools() == 1 ? "A pool of " + Labels.count(workerLanes, "worker") + " started"
                        : timeline.pools() + " pools of " + Labels.count(workerLanes, "worker") + " in all started";
                return pools + ", but no task ran on " + (timeline.pools() == 1 ? "it" : "them") + ": the work ran in"
                        + " the main process (did you call the function directly instead of through the pool?).";
            }
            return timeline.lifetimes().isEmpty() ? "No pool and no Process ran: all the work happened in the main"
                    + " process." : "";
        }
        if (timeline.workersUsed() == 0) {
            return count == 1 ? "The only task ran in the main process."
                    : "All " + tasks + " ran in the main process, one after another: serial.";
        }
        String workers = Labels.count(timeline.workersUsed(), "worker");
        if (count == 1) {
            return "1 task ran, on 1 worker: there was nothing for it to overlap with.";
        }
        if (timeline.parallel()) {
            return tasks + " ran on " + workers + " in " + Labels.count(timeline.rounds(), "round") + ": parallel.";
        }
        if (workerLanes == 1) {
            return tasks + " ran one after another on a pool of 1 worker: serial.";
        }
        return tasks + " ran on " + workers + " but never overlapped: each waited for the previous one"
                + " (did you call get() right after each applyAsync?).";
    }

    private static String processes(Timeline timeline) {
        List<Lifetime> lifetimes = timeline.lifetimes();
        int count = lifetimes.size();
        List<String> names = new ArrayList<>(lifetimes.stream().limit(MAX_NAMES).map(Lifetime::lane).toList());
        if (count > MAX_NAMES) {
            names.add((count - MAX_NAMES) + " more");
        }
        String processes = Labels.count(count, "process", "processes") + " (" + String.join(", ", names) + ")";
        int together = timeline.maxProcessOverlap();
        if (count == 1) {
            return processes + " ran.";
        }
        if (together == count) {
            return processes + " ran at the same time.";
        }
        if (together == 1) {
            return processes + " ran one after the other.";
        }
        return processes + " ran, at most " + together + " at the same time.";
    }
}
