package multiprocessing.tools;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import multiprocessing.tools.Timeline.Lane;
import multiprocessing.tools.Timeline.Lane.Kind;

/**
 * Gives each process of a run its lane, named for a student: {@code main}, then the workers of each
 * pool in the order of the pool's {@code workers} array ({@code worker 1..N}; later pools
 * {@code pool 2 worker 1..N}), then each {@code Process} child under its target's method name
 * ({@code producer}), then any other pid as {@code process 1..K}.
 *
 * <p>{@code main} is the process that started pools or Processes and was not itself started by one;
 * without such a process, the one with the earliest event. A worker missing from its pool's array (a
 * replacement for one that died) joins that pool as the next worker. Only the first {@link #MAX_LANES}
 * lanes are kept, and only the first {@link #MAX_LANES} pool and Process starts are looked at: a
 * picture of more processes would say nothing, and a forged trace could name millions.
 */
final class Lanes {
    /** Most lanes in one picture. */
    static final int MAX_LANES = 64;

    private final Map<Long, Lane> byPid = new LinkedHashMap<>();
    private final Set<Long> hidden = new HashSet<>();
    private final Set<Long> taken = new HashSet<>();
    private final Set<String> names = new HashSet<>();
    private final Map<Long, long[]> queueCounts = new HashMap<>();
    private final List<Pool> pools = new ArrayList<>();
    private final List<Candidate> processes = new ArrayList<>();
    private final List<Candidate> others = new ArrayList<>();

    /** A lane before it gets its final, unique name. */
    private record Candidate(long pid, String name, Kind kind, String description) {
    }

    /** A pool while its workers are named. */
    private record Pool(int number, long owner, long id, int size, List<Candidate> workers) {
    }

    /** The lanes of the processes that wrote or are named in {@code events} (in file order). */
    Lanes(List<TraceEvent> events) {
        this(events, 0);
    }

    /**
     * The lanes of the processes that wrote or are named in {@code events} (in file order), where the
     * main program is known to be {@code knownMain} (0: find it in the events). A known main gets its
     * lane even when no event names it.
     */
    Lanes(List<TraceEvent> events, long knownMain) {
        if (events.isEmpty() && knownMain <= 0) {
            return;
        }
        List<TraceEvent> byTime = new ArrayList<>(events);
        byTime.sort(Comparator.comparingLong(TraceEvent::time));
        List<TraceEvent.PoolStart> poolStarts = byTime.stream().filter(TraceEvent.PoolStart.class::isInstance)
                .map(TraceEvent.PoolStart.class::cast).limit(MAX_LANES).toList();
        List<TraceEvent.ProcessStart> processStarts = byTime.stream().filter(TraceEvent.ProcessStart.class::isInstance)
                .map(TraceEvent.ProcessStart.class::cast).limit(MAX_LANES).toList();
        long main = knownMain > 0 ? knownMain : mainPid(poolStarts, processStarts, byTime);
        List<Candidate> mainLane = new ArrayList<>();
        claim(new Candidate(main, "main", Kind.MAIN, "the main program, pid " + main), mainLane);
        poolStarts.forEach(this::addPool);
        addReplacementWorkers(byTime, main);
        processStarts.forEach(this::addProcess);
        events.forEach(event -> addOther(event.pid()));
        countQueues(events);

        List<Candidate> order = new ArrayList<>(mainLane);
        pools.forEach(pool -> order.addAll(pool.workers()));
        order.addAll(processes);
        order.addAll(others);
        for (Candidate candidate : order) {
            long[] counts = queueCounts.getOrDefault(candidate.pid(), new long[2]);
            byPid.put(candidate.pid(), new Lane(unique(candidate.name()), candidate.kind(), candidate.pid(),
                    candidate.description(), counts[0], counts[1]));
        }
        for (TraceEvent event : events) {
            if (!byPid.containsKey(event.pid())) {
                hidden.add(event.pid());
            }
        }
    }

    /** The lane of {@code pid}, or null for a process beyond the cap. */
    Lane of(long pid) {
        return byPid.get(pid);
    }

    /** Every lane, in picture order. */
    List<Lane> all() {
        return List.copyOf(byPid.values());
    }

    /** How many processes wrote events but got no lane because of the cap. */
    int hidden() {
        return hidden.size();
    }

    /** How many pools were started (up to the cap). */
    int pools() {
        return pools.size();
    }

    private static long mainPid(List<TraceEvent.PoolStart> poolStarts, List<TraceEvent.ProcessStart> processStarts,
                                List<TraceEvent> byTime) {
        Set<Long> started = new HashSet<>();
        List<TraceEvent> owners = new ArrayList<>();
        for (TraceEvent.PoolStart pool : poolStarts) {
            owners.add(pool);
            for (long worker : pool.workers()) {
                started.add(worker);
            }
        }
        for (TraceEvent.ProcessStart process : processStarts) {
            owners.add(process);
            started.add(process.child());
        }
        owners.sort(Comparator.comparingLong(TraceEvent::time));
        Optional<Long> owner = owners.stream().map(TraceEvent::pid).filter(pid -> !started.contains(pid)).findFirst()
                .or(() -> owners.stream().map(TraceEvent::pid).findFirst());
        return owner.orElseGet(() -> byTime.isEmpty() ? 0 : byTime.get(0).pid());
    }

    /**
     * Adds {@code candidate} to {@code lanes} if its pid has no lane yet and the cap leaves room. Pids
     * beyond the cap are not remembered here, so a forged trace cannot make this grow.
     */
    private boolean claim(Candidate candidate, List<Candidate> lanes) {
        if (taken.size() == MAX_LANES || taken.contains(candidate.pid())) {
            return false;
        }
        taken.add(candidate.pid());
        lanes.add(candidate);
        return true;
    }

    private void addPool(TraceEvent.PoolStart start) {
        Pool pool = new Pool(pools.size() + 1, start.pid(), start.pool(), start.size(), new ArrayList<>());
        pools.add(pool);
        for (long worker : start.workers()) {
            if (worker > 0) {
                addWorker(pool, worker, "");
            }
        }
    }

    private void addWorker(Pool pool, long pid, String note) {
        int number = pool.workers().size() + 1;
        String name = pool.number() == 1 ? "worker " + number : "pool " + pool.number() + " worker " + number;
        String description = name + " of " + (pool.number() == 1 ? "the pool" : "pool " + pool.number()) + " ("
                + Labels.count(pool.size(), "worker") + ", started by pid " + pool.owner() + ")" + note + ", pid " + pid;
        claim(new Candidate(pid, name, Kind.WORKER, description), pool.workers());
    }

    private void addReplacementWorkers(List<TraceEvent> byTime, long main) {
        for (TraceEvent event : byTime) {
            long pool;
            if (event instanceof TraceEvent.Task task) {
                pool = task.pool();
            } else if (event instanceof TraceEvent.TaskStart start) {
                pool = start.pool();
            } else {
                continue;
            }
            if (!taken.contains(event.pid())) {
                pools.stream().filter(p -> p.id() == pool && p.owner() == main).findFirst()
                        .or(() -> pools.stream().filter(p -> p.id() == pool).findFirst())
                        .ifPresent(p -> addWorker(p, event.pid(), ", not among its first workers: a replacement"));
            }
        }
    }

    private void addProcess(TraceEvent.ProcessStart start) {
        String name = !start.target().isEmpty() ? Labels.shortName(start.target())
                : !start.name().isEmpty() ? Labels.clean(start.name(), Labels.MAX_LABEL) : "process";
        claim(new Candidate(start.child(), name, Kind.PROCESS, start.name() + " running " + start.target()
                + ", started by pid " + start.pid() + ", pid " + start.child()), processes);
    }

    private void addOther(long pid) {
        if (taken.size() < MAX_LANES && !taken.contains(pid)) {
            claim(new Candidate(pid, "process " + (others.size() + 1), Kind.OTHER,
                    "a process that is neither a pool worker nor a Process child, pid " + pid), others);
        }
    }

    private void countQueues(List<TraceEvent> events) {
        for (TraceEvent event : events) {
            if (event instanceof TraceEvent.QueueCount queue && taken.contains(queue.pid())) {
                long[] counts = queueCounts.computeIfAbsent(queue.pid(), pid -> new long[2]);
                // Saturate instead of overflowing: forged counts must not wrap around to negative.
                counts[0] = saturatedAdd(counts[0], queue.puts());
                counts[1] = saturatedAdd(counts[1], queue.gets());
            }
        }
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    /** {@code base}, or {@code base (2)}, {@code base (3)}, ... when a lane already has that name. */
    private String unique(String base) {
        String name = base;
        for (int n = 2; !names.add(name); n++) {
            name = base + " (" + n + ")";
        }
        return name;
    }
}
