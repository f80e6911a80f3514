package multiprocessing.tools;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
        return String.join(" ", sentences);
    }

    private static String tasks(Timeline timeline) {
        int count = timeline.taskCount();
        String tasks = Labels.count(count, "task");
        long workerLanes = timeline.lanes().stream().filter(lane -> lane.kind() == Lane.Kind.WORKER).count();
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
