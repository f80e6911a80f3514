package multiprocessing.tools;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A run's trace ({@code -Dmultiprocessing.trace=FILE}) as a picture: one lane per process, one bar per
 * task batch, callbacks as dots, {@code Process} lifetimes as thin bands, and a sentence that says
 * whether the work ran in parallel.
 *
 * <pre>{@code
 * java -cp runtime/target/classes multiprocessing.tools.Timeline trace.jsonl timeline.html "Step 4"
 * }</pre>
 *
 * <p>From code: {@code Timeline.read(path)}, then {@link #html}, {@link #mermaid} and {@link #verdict}.
 * A trace is treated as untrusted input: at most {@value #MAX_LINES} lines are read, lines
 * that are not the runtime's events are skipped and counted, impossible times are left out, names are
 * cleaned and shortened, and the pictures stay small however large the trace. Nothing in a trace is
 * ever run or fetched.
 */
public final class Timeline {
    /** Most bars in the web page; beyond it, neighbouring tasks on a lane are merged. */
    public static final int MAX_BARS = 2_000;
    /** Most lines read from one trace. */
    public static final int MAX_LINES = TraceLines.MAX_LINES;

    /** Longest stop reason kept (see {@link #within}). */
    static final int MAX_STOP_REASON = 200;

    private final TraceFile file;
    private final Run run;
    private final int maxConcurrency;
    private final int rounds;
    private final int workersUsed;
    private final int failedTasks;
    private final int maxProcessOverlap;

    private Timeline(TraceFile file, Run run) {
        this.file = file;
        this.run = run;
        long[] starts = run.tasks().stream().mapToLong(Bar::startUs).toArray();
        long[] ends = run.tasks().stream().mapToLong(Bar::endUs).toArray();
        this.maxConcurrency = Intervals.maxOverlap(starts, ends);
        this.rounds = Intervals.rounds(starts, ends);
        String main = run.lanes().isEmpty() ? null : run.lanes().get(0).name();
        Set<String> used = new HashSet<>();
        run.tasks().stream().map(Bar::lane).filter(lane -> !lane.equals(main)).forEach(used::add);
        this.workersUsed = used.size();
        this.failedTasks = (int) run.tasks().stream().filter(bar -> !bar.ok()).count();
        this.maxProcessOverlap = Intervals.maxOverlap(run.lifetimes().stream().mapToLong(Lifetime::startUs).toArray(),
                run.lifetimes().stream().mapToLong(Lifetime::endUs).toArray());
    }

    /**
     * Reads the trace file {@code trace} (UTF-8; malformed bytes become U+FFFD).
     *
     * @throws java.nio.file.NoSuchFileException if there is no such file
     * @throws IOException                        if it cannot be read
     */
    public static Timeline read(Path trace) throws IOException {
        try (Reader in = new InputStreamReader(Files.newInputStream(trace), StandardCharsets.UTF_8)) {
            return read(in);
        }
    }

    /** The timeline of a run that left no trace: no lanes, no tasks. */
    public static Timeline empty() {
        try {
            return read(new StringReader(""));
        } catch (IOException e) {
            throw new UncheckedIOException("an empty trace cannot fail to read", e);
        }
    }

    /** Reads a trace from {@code trace}, up to the caps; the caller closes it. */
    public static Timeline read(Reader trace) throws IOException {
        TraceFile file = TraceFile.read(trace);
        return new Timeline(file, RunBuilder.build(file));
    }

    /**
     * This run as seen by the program that ran it, which knows more than the trace: which process was
     * the main program, when the run started and ended, and whether it stopped the run. The new
     * timeline has a {@code main} lane for {@code mainPid} even when the trace is empty (a program that
     * never used the runtime writes none), spans at least {@code startUs} to {@code endUs}, and draws
     * every {@code Process} and task that the trace never saw end up to {@code endUs}. When
     * {@code stoppedBecause} is given, {@link #notes()} and {@link #verdict()} say that the run was
     * stopped and that what still ran was stopped with it.
     *
     * <pre>{@code
     * Timeline picture = Timeline.read(trace).within(pid, startUs, stopUs,
     *         "the grader stopped the run at its 20 s time limit");
     * }</pre>
     *
     * @param mainPid        the pid of the program's main JVM
     * @param startUs        when the run started, microseconds since the epoch
     * @param endUs          when it ended, or was stopped
     * @param stoppedBecause who stopped the run and why, as a clause that reads on after "when", such as
     *                       {@code "the grader stopped the run at its 20 s time limit"}; null (or blank)
     *                       when the run ended by itself. It is cleaned and shortened like the trace's
     *                       names, and escaped wherever it is shown.
     * @throws IllegalArgumentException if {@code mainPid} or {@code startUs} is not positive, or
     *                                  {@code endUs} comes before {@code startUs}
     */
    public Timeline within(long mainPid, long startUs, long endUs, String stoppedBecause) {
        if (mainPid <= 0 || startUs <= 0 || endUs < startUs) {
            throw new IllegalArgumentException("a run needs a positive main pid and start, and an end not before its"
                    + " start: pid " + mainPid + ", " + startUs + " to " + endUs);
        }
        String reason = stoppedBecause == null ? "" : Labels.clean(stoppedBecause.strip(), MAX_STOP_REASON);
        return new Timeline(file, RunBuilder.build(file, new Run.Frame(mainPid, startUs, endUs, reason)));
    }

    /** One lane per process, in picture order: {@code main}, pool workers, Process children, others. */
    public List<Lane> lanes() {
        return run.lanes();
    }

    /** One bar per task event (never merged), ordered by lane, then start. */
    public List<Bar> tasks() {
        return run.tasks();
    }

    /**
     * One bar per task that a worker began and never finished (its {@code task_start} has no
     * {@code task}), from its start until its worker ended, or the run did: work still running when the
     * run ended or was stopped. These are not among {@link #tasks()}, and no count of tasks includes
     * them. Ordered by lane, then start; {@link Bar#finished()} is false.
     */
    public List<Bar> unfinishedTasks() {
        return run.unfinished();
    }

    /** Callbacks and worker deaths, by time. */
    public List<Mark> marks() {
        return run.marks();
    }

    /** The lifetime of each {@code Process} child, in start order. */
    public List<Lifetime> lifetimes() {
        return run.lifetimes();
    }

    /** The pid of the main program (the lane called {@code main}), or 0 for an empty trace. */
    public long mainPid() {
        return run.lanes().isEmpty() ? 0 : run.lanes().get(0).pid();
    }

    /** Every pool started, in start order. */
    public List<PoolRun> poolRuns() {
        return run.poolRuns();
    }

    /** Every job handed to a pool, in submit order. */
    public List<Job> jobs() {
        return run.jobs();
    }

    /** Every callback that ran, by time. */
    public List<CallbackRun> callbacks() {
        return run.callbacks();
    }

    /** Every {@code null} put on or taken from a queue, by time. */
    public List<Sentinel> sentinels() {
        return run.sentinels();
    }

    /** The main program's exit, if the trace holds it (a program killed from outside writes none). */
    public Optional<ProgramExit> programExit() {
        return run.exit();
    }

    /** The earliest time in the run, in microseconds since the epoch (0 for an empty trace). */
    public long startUs() {
        return run.startUs();
    }

    /** The latest time in the run, in microseconds since the epoch. */
    public long endUs() {
        return run.endUs();
    }

    /**
     * Who stopped the run and why, as given to {@link #within} (cleaned); empty when the run ended by
     * itself or nobody said.
     */
    public Optional<String> stoppedBecause() {
        return run.frame().map(Run.Frame::stoppedBecause).filter(reason -> !reason.isEmpty());
    }

    /** The outside view given to {@link #within}, if any. */
    Optional<Run.Frame> frame() {
        return run.frame();
    }

    /** How many task events the trace holds (each is one batch of items a worker ran). */
    public int taskCount() {
        return run.tasks().size();
    }

    /** How many tasks failed. */
    public int failedTasks() {
        return failedTasks;
    }

    /** How many pools were started. */
    public int pools() {
        return run.pools();
    }

    /** How many processes other than {@code main} ran tasks. */
    public int workersUsed() {
        return workersUsed;
    }

    /** The most tasks that ran at the same moment (touching tasks do not overlap). */
    public int maxConcurrency() {
        return maxConcurrency;
    }

    /**
     * The number of rounds: the longest chain of tasks in which each started only after the previous one
     * ended, which is also the fewest moments at which every task is seen running. Ten tasks on four
     * workers take three rounds (4 + 4 + 2); ten tasks that each waited for the previous one take ten.
     */
    public int rounds() {
        return rounds;
    }

    /** The most {@code Process} children alive at the same moment. */
    public int maxProcessOverlap() {
        return maxProcessOverlap;
    }

    /** Whether at least two tasks ran at the same moment. */
    public boolean parallel() {
        return maxConcurrency >= 2;
    }

    /** Whether there were at least two tasks and none overlapped another: each waited for the previous one. */
    public boolean serial() {
        return taskCount() >= 2 && maxConcurrency == 1;
    }

    /**
     * Whether nothing ran outside the main process: no task ran (or began) elsewhere and no
     * {@code Process} was started.
     */
    public boolean singleProcess() {
        long main = mainPid();
        return workersUsed == 0 && run.lifetimes().isEmpty() && run.unfinished().stream().allMatch(bar -> bar.pid() == main);
    }

    /** Lines of the trace that could not be read (not JSON, forged, cut short, too long). */
    public int unreadableLines() {
        return run.unreadable();
    }

    /** Events left out because their times cannot belong to the run. */
    public int impossibleEvents() {
        return run.impossible();
    }

    /** Processes left out because a picture has at most 64 lanes. */
    public int hiddenProcesses() {
        return run.hidden();
    }

    /** Whether the trace was longer than the caps allow, so its end was not read. */
    public boolean truncated() {
        return run.cut();
    }

    /**
     * What the reading had to leave out, one sentence each, and, for a run that was stopped (see
     * {@link #within}), how the picture shows that; the pictures show these too.
     */
    public List<String> notes() {
        List<String> notes = readingNotes();
        stoppedBecause().ifPresent(reason -> notes.add(Labels.capitalized(reason) + ": what was still running then"
                + " is drawn up to that moment and was stopped with it"
                + (run.unfinished().isEmpty() ? "." : "; a dashed bar is a task that never finished.")));
        return notes;
    }

    /** What the reading had to leave out, one sentence each. */
    List<String> readingNotes() {
        List<String> notes = new ArrayList<>();
        if (run.cut()) {
            notes.add("The trace is too long: only its first " + Labels.count(MAX_LINES, "line") + " (at most "
                    + TraceLines.MAX_CHARS / (1024 * 1024) + " MiB) were read.");
        }
        if (run.unreadable() > 0) {
            notes.add(Labels.count(run.unreadable(), "line") + " could not be read.");
        }
        if (run.impossible() > 0) {
            notes.add(Labels.count(run.impossible(), "event") + " with impossible times "
                    + (run.impossible() == 1 ? "was" : "were") + " left out.");
        }
        if (run.hidden() > 0) {
            notes.add(Labels.count(run.hidden(), "more process", "more processes") + " not shown: a picture has"
                    + " at most " + Lanes.MAX_LANES + " lanes.");
        }
        return notes;
    }

    /** One sentence for a student, such as {@code 10 tasks ran on 4 workers in 3 rounds: parallel.} */
    public String verdict() {
        return Verdict.of(this);
    }

    /**
     * A self-contained web page: inline CSS and SVG, no script, nothing fetched (its Content Security
     * Policy forbids it), at most {@link #MAX_BARS} bars.
     */
    public String html(String title) {
        return new HtmlTimeline(this, title).render();
    }

    /**
     * A Mermaid {@code gantt} chart (as GitHub renders in Markdown) with at most {@code maxBars} bars and
     * well below Mermaid's default limit of 50,000 characters. Names are reduced to characters that
     * carry no meaning in Mermaid.
     */
    public String mermaid(String title, int maxBars) {
        return new MermaidTimeline(this, title, maxBars).render();
    }

    /**
     * Writes the web page of a trace: {@code Timeline <trace.jsonl> <out.html> [title]}. Prints where it
     * wrote the page and the verdict; exits with 1 if the trace cannot be read or the page written, 2
     * for wrong arguments.
     */
    public static void main(String[] args) {
        int status = TimelineCommand.run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * One process of the run: a row of the picture.
     *
     * @param name        what the picture calls it: {@code main}, {@code worker 1}, {@code producer}, ...
     * @param kind        what sort of process it is
     * @param pid         its process id
     * @param description a sentence for its tooltip, with its pid
     * @param puts        items it put on queues
     * @param gets        items it got from queues
     */
    public record Lane(String name, Kind kind, long pid, String description, long puts, long gets) {
        /** What sort of process a lane shows. */
        public enum Kind {
            /** The program that started the pools and Processes. */
            MAIN,
            /** A pool worker. */
            WORKER,
            /** A {@code Process} child. */
            PROCESS,
            /** Any other process that wrote to the trace. */
            OTHER
        }
    }

    /**
     * A bar: one task batch, or several neighbouring ones merged to keep a picture small.
     *
     * @param lane     the lane's name
     * @param pid      the process that ran it
     * @param startUs  when it started, microseconds since the epoch (as in the trace)
     * @param endUs    when it ended
     * @param function the task's function, such as {@code lab.SlowSquare.slowSquare}; empty for merged
     *                 tasks of different functions
     * @param tasks    how many task events the bar stands for: 1 unless merged
     * @param items    how many items those tasks held
     * @param ok       whether they all succeeded (false for a task that never finished)
     * @param finished whether its tasks ended; false for tasks still running when the run ended (see
     *                 {@link #unfinishedTasks()}), which end where their process was stopped
     */
    public record Bar(String lane, long pid, long startUs, long endUs, String function, int tasks, long items,
                      boolean ok, boolean finished) {
        /** A bar of finished tasks. */
        public Bar(String lane, long pid, long startUs, long endUs, String function, int tasks, long items, boolean ok) {
            this(lane, pid, startUs, endUs, function, tasks, items, ok, true);
        }

        /** What the bar says: the function's short name, or {@code 25 tasks} for a merged bar. */
        public String label() {
            return tasks == 1 ? Labels.shortName(function) : Labels.count(tasks, "task");
        }
    }

    /**
     * Something that happened at one moment on a lane.
     *
     * @param lane        the lane's name
     * @param pid         the lane's process
     * @param timeUs      when, microseconds since the epoch
     * @param kind        what happened
     * @param description a sentence for its tooltip
     */
    public record Mark(String lane, long pid, long timeUs, Kind kind, String description) {
        /** What a mark shows. */
        public enum Kind {
            /** A callback ran in the pool's owner. */
            CALLBACK,
            /** A worker died unasked. */
            WORKER_EXIT
        }
    }

    /**
     * How long a {@code Process} child lived, and how it ended.
     *
     * @param lane      the child's lane
     * @param pid       the child's pid
     * @param startUs   when its parent started it
     * @param endUs     when it exited, or the end of the run if the trace does not say
     * @param exited    whether the trace records its exit
     * @param exitCode  its exit code, if it exited
     * @param target    the method it ran, such as {@code lab.MultiprocessingQueue.consumer}
     * @param parent    the pid of the process that started it
     * @param stoppedBy who stopped it: {@code terminate}, {@code kill}, or {@code exit} when its parent
     *                  stopped it while exiting; empty when it ended by itself (or has not ended)
     * @param joinedUs  when its parent's {@code join()} saw it exit, or -1 if the parent never did
     */
    public record Lifetime(String lane, long pid, long startUs, long endUs, boolean exited, long exitCode,
                           String target, long parent, String stoppedBy, long joinedUs) {
        /** Whether it ended by itself, neither stopped nor still running at the end of the trace. */
        public boolean endedByItself() {
            return exited && stoppedBy.isEmpty();
        }

        /** Whether its parent joined it. */
        public boolean joined() {
            return joinedUs >= 0;
        }
    }

    /**
     * A pool as the trace tells it.
     *
     * @param owner        the pid of the process that created it
     * @param pool         its number within that process
     * @param size         how many workers it was asked for
     * @param workers      the pids of its first workers (at most as many as a picture has lanes)
     * @param startUs      when it was ready
     * @param shutdown     {@code close} or {@code terminate}; empty if it was never shut down
     * @param shutdownUs   when it was shut down, or -1
     */
    public record PoolRun(long owner, long pool, int size, List<Long> workers, long startUs, String shutdown,
                          long shutdownUs) {
        /** Whether the program closed it (or terminated it) itself. */
        public boolean shutDown() {
            return !shutdown.isEmpty();
        }
    }

    /**
     * One call of {@code map}, {@code mapAsync}, {@code apply} or {@code applyAsync}.
     *
     * @param owner    the pid of the pool's owner, which made the call
     * @param pool     the pool's number within that process
     * @param job      the job's number within that pool
     * @param function the task, such as {@code lab.SlowSquare.slowSquare}
     * @param call     the {@code Pool} method: {@code map}, {@code mapAsync}, {@code apply}, {@code applyAsync}
     * @param items    how many items it covered (1 for {@code apply})
     * @param callback the callback's name, or empty without one
     * @param submitUs when it was handed over
     * @param doneUs   when it settled (after its callback), or -1 if the trace never says
     * @param ok       whether it succeeded
     */
    public record Job(long owner, long pool, long job, String function, String call, long items, String callback,
                      long submitUs, long doneUs, boolean ok) {
        /** Whether it settled before the trace ended. */
        public boolean done() {
            return doneUs >= 0;
        }
    }

    /**
     * A callback that ran.
     *
     * @param pid      the process it ran in: the pool's owner
     * @param timeUs   when it returned
     * @param function the task it followed
     * @param callback the callback, such as {@code lab.SlowSquare.callback}
     */
    public record CallbackRun(long pid, long timeUs, String function, String callback) {
    }

    /**
     * A {@code null} put on a queue or taken from one: the usual "no more items" sentinel.
     *
     * @param pid    the process that put or took it
     * @param timeUs when
     * @param queue  the queue's number within its owner
     * @param put    true for a put, false for a take
     */
    public record Sentinel(long pid, long timeUs, long queue, boolean put) {
    }

    /**
     * The main program's exit and what it left running.
     *
     * @param pid            the main program's pid
     * @param timeUs         when it began to exit
     * @param openPools      pools it never closed
     * @param unfinishedJobs jobs of those pools that had not settled
     * @param liveProcesses  {@code Process} children still running, which the runtime then stopped
     */
    public record ProgramExit(long pid, long timeUs, int openPools, int unfinishedJobs, int liveProcesses) {
    }
}
