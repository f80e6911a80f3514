package multiprocessing.tools;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import multiprocessing.tools.Timeline.Bar;
import multiprocessing.tools.Timeline.Lane;
import multiprocessing.tools.Timeline.Lifetime;
import multiprocessing.tools.Timeline.Mark;

/**
 * Turns the events of a trace into a {@link Run}. Events whose times cannot belong to the run are
 * left out and counted: times more than {@link #MAX_DISTANCE_US} away from the median event time
 * (the runs of this lab take seconds), and tasks that end before they start.
 */
final class RunBuilder {
    /** How far from the run's median time an event may lie: one hour. */
    static final long MAX_DISTANCE_US = 3_600_000_000L;

    private RunBuilder() {
    }

    /** The run that {@code file} describes. */
    static Run build(TraceFile file) {
        List<TraceEvent> kept = new ArrayList<>();
        int impossible = 0;
        long median = median(file.events());
        for (TraceEvent event : file.events()) {
            if (plausible(event, median)) {
                kept.add(event);
            } else {
                impossible++;
            }
        }
        Lanes lanes = new Lanes(kept);
        long start = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;
        for (TraceEvent event : kept) {
            start = Math.min(start, event instanceof TraceEvent.Task task ? task.start() : event.time());
            end = Math.max(end, event instanceof TraceEvent.Task task ? task.end() : event.time());
        }
        if (kept.isEmpty()) {
            start = 0;
            end = 0;
        }
        return new Run(lanes.all(), tasks(kept, lanes), marks(kept, lanes), lifetimes(kept, lanes, end),
                start, end, lanes.pools(), kept.size(), file.unreadable(), impossible, file.cut(), lanes.hidden());
    }

    private static long median(List<TraceEvent> events) {
        long[] times = events.stream().mapToLong(TraceEvent::time).toArray();
        Arrays.sort(times);
        return times.length == 0 ? 0 : times[times.length / 2];
    }

    private static boolean plausible(TraceEvent event, long median) {
        if (!near(event.time(), median)) {
            return false;
        }
        if (event instanceof TraceEvent.Task task) {
            return task.start() <= task.end() && near(task.start(), median) && near(task.end(), median);
        }
        return true;
    }

    private static boolean near(long time, long median) {
        // median is positive, so neither bound overflows downwards; clamp the upper one.
        long high = median > Long.MAX_VALUE - MAX_DISTANCE_US ? Long.MAX_VALUE : median + MAX_DISTANCE_US;
        return time >= median - MAX_DISTANCE_US && time <= high;
    }

    private static List<Bar> tasks(List<TraceEvent> events, Lanes lanes) {
        Map<String, Integer> laneOrder = new HashMap<>();
        for (Lane lane : lanes.all()) {
            laneOrder.put(lane.name(), laneOrder.size());
        }
        List<Bar> bars = new ArrayList<>();
        for (TraceEvent event : events) {
            if (event instanceof TraceEvent.Task task && lanes.of(task.pid()) != null) {
                bars.add(new Bar(lanes.of(task.pid()).name(), task.pid(), task.start(), task.end(), task.function(),
                        1, task.items(), task.ok()));
            }
        }
        bars.sort(Comparator.<Bar>comparingInt(bar -> laneOrder.get(bar.lane())).thenComparingLong(Bar::startUs));
        return bars;
    }

    private static List<Mark> marks(List<TraceEvent> events, Lanes lanes) {
        List<Mark> marks = new ArrayList<>();
        for (TraceEvent event : events) {
            if (event instanceof TraceEvent.Callback callback && lanes.of(callback.pid()) != null) {
                marks.add(new Mark(lanes.of(callback.pid()).name(), callback.pid(), callback.time(), Mark.Kind.CALLBACK,
                        "callback " + callback.callback() + " after " + callback.function()));
            } else if (event instanceof TraceEvent.WorkerExit exit) {
                // The pool's owner writes the event; draw it on the dead worker's lane when it has one.
                Lane lane = lanes.of(exit.worker()) != null ? lanes.of(exit.worker()) : lanes.of(exit.pid());
                if (lane != null) {
                    marks.add(new Mark(lane.name(), lane.pid(), exit.time(), Mark.Kind.WORKER_EXIT,
                            "worker pid " + exit.worker() + " died, exit code " + exit.exitCode()));
                }
            }
        }
        marks.sort(Comparator.comparingLong(Mark::timeUs));
        return marks;
    }

    private static List<Lifetime> lifetimes(List<TraceEvent> events, Lanes lanes, long runEnd) {
        Map<Long, List<TraceEvent.ProcessExit>> exits = new HashMap<>();
        for (TraceEvent event : events) {
            if (event instanceof TraceEvent.ProcessExit exit) {
                exits.computeIfAbsent(exit.child(), child -> new ArrayList<>()).add(exit);
            }
        }
        List<TraceEvent.ProcessStart> starts = new ArrayList<>();
        for (TraceEvent event : events) {
            if (event instanceof TraceEvent.ProcessStart start) {
                starts.add(start);
            }
        }
        starts.sort(Comparator.comparingLong(TraceEvent::time));
        List<Lifetime> lifetimes = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (TraceEvent.ProcessStart start : starts) {
            Lane lane = lanes.of(start.child());
            if (lane == null || lane.kind() != Lane.Kind.PROCESS || !seen.add(start.child())) {
                continue;
            }
            TraceEvent.ProcessExit exit = exits.getOrDefault(start.child(), List.of()).stream()
                    .filter(e -> e.time() >= start.time()).min(Comparator.comparingLong(TraceEvent::time)).orElse(null);
            lifetimes.add(exit == null
                    ? new Lifetime(lane.name(), start.child(), start.time(), runEnd, false, 0)
                    : new Lifetime(lane.name(), start.child(), start.time(), exit.time(), true, exit.exitCode()));
        }
        return lifetimes;
    }
}
