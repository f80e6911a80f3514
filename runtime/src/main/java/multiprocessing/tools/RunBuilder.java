package multiprocessing.tools;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
        return build(file, null);
    }

    /**
     * The run that {@code file} describes, completed by {@code frame} (null: the trace alone): the main
     * lane is the frame's main program, the run spans at least the frame, and what was still running
     * ends at the frame's end.
     */
    static Run build(TraceFile file, Run.Frame frame) {
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
        Lanes lanes = new Lanes(kept, frame == null ? 0 : frame.mainPid());
        long start = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;
        for (TraceEvent event : kept) {
            start = Math.min(start, event instanceof TraceEvent.Task task ? task.start() : event.time());
            end = Math.max(end, event instanceof TraceEvent.Task task ? task.end() : event.time());
        }
        if (kept.isEmpty()) {
            start = frame == null ? 0 : frame.startUs();
            end = frame == null ? 0 : frame.endUs();
        } else if (frame != null) {
            start = Math.min(start, frame.startUs());
            end = Math.max(end, frame.endUs());
        }
        // What the trace never saw end, ended when the run did: at the frame's end when it is known.
        long openEnd = frame == null ? end : frame.endUs();
        List<PoolRun> poolRuns = poolRuns(kept);
        return new Run(lanes.all(), tasks(kept, lanes), unfinished(kept, lanes, poolRuns, openEnd), marks(kept, lanes),
                lifetimes(kept, lanes, openEnd), poolRuns, jobs(kept), callbacks(kept), sentinels(kept),
                programExit(kept, lanes), start, end, lanes.pools(), kept.size(), file.unreadable(), impossible,
                file.cut(), lanes.hidden(), Optional.ofNullable(frame));
    }

    /** Events of one kind, in time order (file order among equal times). */
    private static <E extends TraceEvent> List<E> ofKind(List<TraceEvent> events, Class<E> kind) {
        List<E> found = new ArrayList<>();
        for (TraceEvent event : events) {
            if (kind.isInstance(event)) {
                found.add(kind.cast(event));
            }
        }
        found.sort(Comparator.comparingLong(TraceEvent::time));
        return found;
    }

    private static List<PoolRun> poolRuns(List<TraceEvent> events) {
        Map<List<Long>, TraceEvent.PoolShutdown> shutdowns = new HashMap<>();
        for (TraceEvent.PoolShutdown shutdown : ofKind(events, TraceEvent.PoolShutdown.class)) {
            shutdowns.putIfAbsent(List.of(shutdown.pid(), shutdown.pool()), shutdown);
        }
        List<PoolRun> pools = new ArrayList<>();
        for (TraceEvent.PoolStart start : ofKind(events, TraceEvent.PoolStart.class)) {
            TraceEvent.PoolShutdown shutdown = shutdowns.get(List.of(start.pid(), start.pool()));
            pools.add(new PoolRun(start.pid(), start.pool(), start.size(),
                    Arrays.stream(start.workers()).boxed().toList(), start.time(),
                    shutdown == null ? "" : shutdown.how(), shutdown == null ? -1 : shutdown.time()));
        }
        return pools;
    }

    private static List<Job> jobs(List<TraceEvent> events) {
        Map<List<Long>, TraceEvent.JobDone> done = new HashMap<>();
        for (TraceEvent.JobDone end : ofKind(events, TraceEvent.JobDone.class)) {
            done.putIfAbsent(List.of(end.pid(), end.pool(), end.job()), end);
        }
        List<Job> jobs = new ArrayList<>();
        for (TraceEvent.Submit submit : ofKind(events, TraceEvent.Submit.class)) {
            TraceEvent.JobDone end = done.get(List.of(submit.pid(), submit.pool(), submit.job()));
            jobs.add(new Job(submit.pid(), submit.pool(), submit.job(), submit.function(), submit.call(), submit.items(),
                    submit.callback(), submit.time(), end == null ? -1 : end.time(), end != null && end.ok()));
        }
        return jobs;
    }

    private static List<CallbackRun> callbacks(List<TraceEvent> events) {
        return ofKind(events, TraceEvent.Callback.class).stream()
                .map(c -> new CallbackRun(c.pid(), c.time(), c.function(), c.callback())).toList();
    }

    private static List<Sentinel> sentinels(List<TraceEvent> events) {
        return ofKind(events, TraceEvent.QueueNull.class).stream()
                .map(n -> new Sentinel(n.pid(), n.time(), n.queue(), n.put())).toList();
    }

    /** The main lane's program_exit: the first one, as a program exits once. */
    private static Optional<ProgramExit> programExit(List<TraceEvent> events, Lanes lanes) {
        List<Lane> all = lanes.all();
        long main = all.isEmpty() ? 0 : all.get(0).pid();
        return ofKind(events, TraceEvent.ProgramExit.class).stream().filter(e -> e.pid() == main).findFirst()
                .map(e -> new ProgramExit(e.pid(), e.time(), (int) Math.min(Integer.MAX_VALUE, e.openPools()),
                        (int) Math.min(Integer.MAX_VALUE, e.unfinishedJobs()),
                        (int) Math.min(Integer.MAX_VALUE, e.liveProcesses())));
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
        Map<String, Integer> laneOrder = laneOrder(lanes);
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

    /**
     * One bar per {@code task_start} whose {@code task} never came (matched by worker, pool and batch):
     * from its start until its worker died, its pool was terminated, or else {@code openEnd}.
     */
    private static List<Bar> unfinished(List<TraceEvent> events, Lanes lanes, List<PoolRun> pools, long openEnd) {
        Set<List<Long>> ended = new HashSet<>();
        Map<Long, List<Long>> stops = new HashMap<>();
        for (TraceEvent event : events) {
            if (event instanceof TraceEvent.Task task && task.batch() >= 0) {
                ended.add(List.of(task.pid(), task.pool(), task.batch()));
            } else if (event instanceof TraceEvent.WorkerExit exit) {
                stops.computeIfAbsent(exit.worker(), pid -> new ArrayList<>()).add(exit.time());
            }
        }
        for (PoolRun pool : pools) {
            if ("terminate".equals(pool.shutdown())) {
                pool.workers().forEach(pid -> stops.computeIfAbsent(pid, p -> new ArrayList<>()).add(pool.shutdownUs()));
            }
        }
        Map<String, Integer> laneOrder = laneOrder(lanes);
        Set<List<Long>> seen = new HashSet<>();
        List<Bar> bars = new ArrayList<>();
        for (TraceEvent event : events) {
            if (event instanceof TraceEvent.TaskStart start && lanes.of(start.pid()) != null
                    && !ended.contains(List.of(start.pid(), start.pool(), start.batch()))
                    && seen.add(List.of(start.pid(), start.pool(), start.batch()))) {
                long end = stops.getOrDefault(start.pid(), List.of()).stream().filter(time -> time >= start.time())
                        .mapToLong(Long::longValue).min().orElse(openEnd);
                bars.add(new Bar(lanes.of(start.pid()).name(), start.pid(), start.time(), Math.max(start.time(),
                        Math.min(end, openEnd)), start.function(), 1, start.items(), false, false));
            }
        }
        bars.sort(Comparator.<Bar>comparingInt(bar -> laneOrder.get(bar.lane())).thenComparingLong(Bar::startUs));
        return bars;
    }

    private static Map<String, Integer> laneOrder(Lanes lanes) {
        Map<String, Integer> laneOrder = new HashMap<>();
        for (Lane lane : lanes.all()) {
            laneOrder.put(lane.name(), laneOrder.size());
        }
        return laneOrder;
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

    private static List<Lifetime> lifetimes(List<TraceEvent> events, Lanes lanes, long openEnd) {
        Map<Long, List<TraceEvent.ProcessExit>> exits = new HashMap<>();
        for (TraceEvent event : events) {
            if (event instanceof TraceEvent.ProcessExit exit) {
                exits.computeIfAbsent(exit.child(), child -> new ArrayList<>()).add(exit);
            }
        }
        Map<Long, List<TraceEvent.ProcessJoin>> joins = new HashMap<>();
        for (TraceEvent.ProcessJoin join : ofKind(events, TraceEvent.ProcessJoin.class)) {
            joins.computeIfAbsent(join.child(), child -> new ArrayList<>()).add(join);
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
            // Only the parent's join counts: it is the parent that waits for its child.
            long joined = joins.getOrDefault(start.child(), List.of()).stream()
                    .filter(j -> j.pid() == start.pid() && j.time() >= start.time())
                    .mapToLong(TraceEvent::time).min().orElse(-1);
            lifetimes.add(exit == null
                    ? new Lifetime(lane.name(), start.child(), start.time(), Math.max(start.time(), openEnd), false, 0,
                            start.target(), start.pid(), "", joined)
                    : new Lifetime(lane.name(), start.child(), start.time(), exit.time(), true, exit.exitCode(),
                            start.target(), start.pid(), exit.stopped(), joined));
        }
        return lifetimes;
    }
}
