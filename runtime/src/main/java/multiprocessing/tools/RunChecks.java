package multiprocessing.tools;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import multiprocessing.tools.Timeline.Bar;
import multiprocessing.tools.Timeline.Job;
import multiprocessing.tools.Timeline.Lane;
import multiprocessing.tools.Timeline.Lifetime;
import multiprocessing.tools.Timeline.PoolRun;
import multiprocessing.tools.Timeline.ProgramExit;
import multiprocessing.tools.Timeline.Sentinel;

/**
 * Checks a traced run against what a program that uses processes is meant to do, and says in plain
 * words what happened and how to fix it: did a pool do the work, was it handed over at once or one
 * item at a time, did the callbacks run, did the main program wait, did each {@code Process} end by
 * itself, and did the "no more items" sentinel come at the right moment.
 *
 * <pre>{@code
 * RunChecks checks = new RunChecks(Timeline.read(trace));
 * Finding work = checks.poolDidTheWork("lab.Square.square", "map", 10, 4);
 * if (!work.ok()) {
 *     fail(work.problem() + ". " + work.fix());
 * }
 * }</pre>
 *
 * <p>Every check reads the trace only: which process started what, which pid ran each task, and in
 * which order the main program submitted, waited, joined and put. Those are facts of the program's own
 * order of statements, so the answers do not depend on how busy the machine was. The lab's public
 * tests and its grader ask the same questions here, so a student reads the same words in both.
 */
public final class RunChecks {
    private final Timeline timeline;
    private final long main;
    private final String caller;

    /** Checks on {@code timeline}; "main" is its main lane, the program that started the pools and Processes. */
    public RunChecks(Timeline timeline) {
        this(timeline, timeline.mainPid());
    }

    /** Checks on {@code timeline} where the main program is known to be {@code mainPid} (a grader knows it). */
    public RunChecks(Timeline timeline, long mainPid) {
        this(timeline, mainPid, "main");
    }

    private RunChecks(Timeline timeline, long mainPid, String caller) {
        this.timeline = timeline;
        this.main = mainPid;
        this.caller = caller;
    }

    /**
     * The same checks, naming the code that made the pools as {@code caller} instead of "main": a grader
     * that calls a method such as {@code squares(n)} from a harness checks what that method did.
     */
    public RunChecks calling(String caller) {
        return new RunChecks(timeline, main, caller);
    }

    /**
     * The outcome of one check.
     *
     * @param ok      whether the run did what was checked
     * @param problem what happened instead, as a sentence without its final full stop; empty when ok
     * @param fix     what to change, as a sentence without its final full stop; empty when ok
     */
    public record Finding(boolean ok, String problem, String fix) {
        private static final Finding OK = new Finding(true, "", "");

        /** A check that passed. */
        public static Finding passed() {
            return OK;
        }

        /** A check that failed: what happened, and what to change. */
        public static Finding failed(String problem, String fix) {
            return new Finding(false, problem, fix);
        }

        /** Problem and fix in one text, for a message: "..., so ...: do this." */
        public String sentence() {
            return ok ? "" : problem + ". " + capitalized(fix) + ".";
        }

        /** This finding if it failed, else {@code next}'s: the first problem of a chain of checks. */
        public Finding and(Supplier<Finding> next) {
            return ok ? next.get() : this;
        }
    }

    /**
     * Main created a pool of {@code poolSize} workers and its workers ran {@code function} on at least
     * {@code items} items, all of which succeeded.
     *
     * @param call how the work is meant to reach the pool ({@code map} or {@code applyAsync}), for the fix
     */
    public Finding poolDidTheWork(String function, String call, long items, int poolSize) {
        List<PoolRun> pools = mainPools();
        String handOver = handOver(function, call, items);
        if (pools.isEmpty()) {
            return Finding.failed(caller + " created no Pool, so all the work ran in the main process",
                    "create a Pool of " + poolSize + " and hand the work to it: " + handOver);
        }
        List<Bar> tasks = workerTasks(function);
        List<Job> jobs = mainJobs(function);
        long done = tasks.stream().filter(Bar::ok).mapToLong(Bar::items).sum();
        long failed = tasks.stream().filter(bar -> !bar.ok()).count();
        if (failed > 0) {
            return Finding.failed(Labels.count(failed, "task") + " of " + reference(function) + " failed in the"
                    + " workers", "the error output shows the exception and its line; fix it in " + reference(function));
        }
        if (jobs.isEmpty() && done == 0) {
            return Finding.failed("a Pool was created, but " + reference(function) + " never ran in its workers: "
                    + caller + " computed the results itself", "hand the work to the pool: " + handOver);
        }
        Optional<ProgramExit> exit = timeline.programExit();
        if (done < items && exit.isPresent() && exit.get().unfinishedJobs() > 0) {
            return notWaited(function);
        }
        if (done < items) {
            return Finding.failed("the pool's workers ran " + reference(function) + " on " + done + " of the "
                    + items + " items", "hand every item to the pool: " + handOver);
        }
        PoolRun pool = pools.get(0);
        if (pools.stream().anyMatch(p -> p.size() != poolSize)) {
            PoolRun wrong = pools.stream().filter(p -> p.size() != poolSize).findFirst().orElse(pool);
            return Finding.failed("the pool had " + Labels.count(wrong.size(), "worker"),
                    "create it with new Pool(" + poolSize + ")");
        }
        return Finding.OK;
    }

    /**
     * The jobs of {@code function} were handed over without waiting for each one: not every job was
     * submitted only after the previous one had settled.
     */
    public Finding handedOverAtOnce(String function, String call) {
        List<Job> jobs = mainJobs(function);
        if (jobs.size() < 2) {
            return Finding.OK;
        }
        for (int i = 1; i < jobs.size(); i++) {
            Job previous = jobs.get(i - 1);
            if (!previous.done() || jobs.get(i).submitUs() < previous.doneUs()) {
                return Finding.OK;
            }
        }
        String used = jobs.get(0).call();
        String what = switch (used) {
            case "applyAsync" -> caller + " waited for each applyAsync's result (get() or await() right after it)"
                    + " before it submitted the next one";
            case "apply" -> "pool.apply waits for its result: " + caller + " handed over one item at a time and waited"
                    + " for each, " + jobs.size() + " times";
            default -> caller + " called " + used + " " + jobs.size() + " times and waited for each call to finish";
        };
        String fix = !"applyAsync".equals(call) ? "hand all the items to the pool at once: " + handOver(function, call, 0)
                : "apply".equals(used) ? "use applyAsync, which returns at once: keep every AsyncResult in a list, and"
                + " await them after the loop" : "keep every AsyncResult in a list, and await them after the loop";
        return Finding.failed(what + ", so only one task ran at a time", fix);
    }

    /** At least {@code atOnce} tasks of {@code function} ran at the same moment in the workers. */
    public Finding overlapped(String function, String call, int atOnce) {
        Finding serial = handedOverAtOnce(function, call);
        if (!serial.ok()) {
            return serial;
        }
        List<Bar> tasks = workerTasks(function);
        int most = Intervals.maxOverlap(tasks.stream().mapToLong(Bar::startUs).toArray(),
                tasks.stream().mapToLong(Bar::endUs).toArray());
        if (most >= atOnce) {
            return Finding.OK;
        }
        Finding waited = waitedForResults(function);
        if (!waited.ok()) {
            return waited;
        }
        if (most == 0) {
            return Finding.failed("no task of " + reference(function) + " ran in the pool's workers",
                    "hand the work to the pool: " + handOver(function, call, 0));
        }
        return Finding.failed("at most " + Labels.count(most, "task") + " of " + reference(function)
                + " ran at the same time", "applyAsync".equals(call)
                ? "submit every task with applyAsync first, and wait only after the loop"
                : "hand all the items to one " + call + " call on a pool of " + atOnce);
    }

    /**
     * {@code count} callbacks {@code callback} ran after {@code function}, in the main process: the pool
     * called them, as results arrived.
     */
    public Finding callbacksInMain(String function, String callback, int count) {
        long ran = timeline.callbacks().stream()
                .filter(c -> c.pid() == main && c.function().equals(function) && c.callback().equals(callback)).count();
        if (ran == count) {
            return Finding.OK;
        }
        List<Job> jobs = mainJobs(function);
        String passIt = "pass " + reference(callback) + " as applyAsync's third argument, pool.applyAsync("
                + reference(function) + ", x, " + reference(callback) + "), and the pool calls it in main as each"
                + " result arrives";
        if (ran == 0 && !jobs.isEmpty() && jobs.stream().noneMatch(job -> job.callback().equals(callback))) {
            return Finding.failed("the pool never called " + reference(callback) + ": main handed " + reference(function)
                    + " to the pool through " + jobs.get(0).call() + ", without the callback (calling the callback"
                    + " yourself does not count)", passIt);
        }
        Optional<ProgramExit> exit = timeline.programExit();
        if (ran < count && exit.isPresent() && exit.get().unfinishedJobs() > 0) {
            return notWaited(function);
        }
        return Finding.failed("the pool called " + reference(callback) + " " + Labels.count(ran, "time")
                + ", not " + count, ran > count ? "submit each item once" : passIt);
    }

    /** Main waited for every job of {@code function}: none was still pending when the program ended. */
    public Finding waitedForResults(String function) {
        Optional<ProgramExit> exit = timeline.programExit();
        if (exit.isEmpty()) {
            long pending = mainJobs(function).stream().filter(job -> !job.done()).count();
            return pending == 0 ? Finding.OK : Finding.failed(Labels.count(pending, "task") + " of " + reference(function)
                    + (pending == 1 ? " was" : " were") + " still waiting or running when the run was stopped",
                    "make sure every task can finish: a task that never returns keeps main waiting");
        }
        boolean pending = mainJobs(function).stream()
                .anyMatch(job -> !job.done() || exit.isPresent() && job.doneUs() > exit.get().timeUs());
        return pending || exit.isPresent() && exit.get().unfinishedJobs() > 0 ? notWaited(function) : Finding.OK;
    }

    private Finding notWaited(String function) {
        long pending = mainJobs(function).stream().filter(job -> !job.done()
                || timeline.programExit().isPresent() && job.doneUs() > timeline.programExit().get().timeUs()).count();
        return Finding.failed("main returned while " + (pending == 0 ? "tasks" : Labels.count(pending, "task"))
                + " of " + reference(function) + (pending == 1 ? " was" : " were") + " still waiting or running, so the"
                + " runtime stopped the workers when the program ended and " + (pending == 1 ? "its result was" : "those"
                + " results were") + " lost",
                "wait for the results before main returns: await() each AsyncResult after submitting them all, or"
                        + " close the pool (try-with-resources)");
    }

    /** Every pool that main created was closed (or terminated) by the program itself. */
    public Finding poolClosed() {
        List<PoolRun> open = mainPools().stream().filter(pool -> !pool.shutDown()).toList();
        String which = "main".equals(caller) ? "the pool" : "the pool of " + caller;
        if (open.isEmpty()) {
            return Finding.OK;
        }
        return Finding.failed(open.size() == 1 ? which + " was never closed" : open.size() + " pools were never closed",
                "open it with try-with-resources, which closes it when the work is done: try (Pool pool = new Pool(4))"
                        + " { ... }");
    }

    /** Main started exactly one {@code Process} that ran {@code target}. */
    public Finding ranInOwnProcess(String target) {
        List<Lifetime> mine = mainProcesses(target);
        if (mine.size() == 1) {
            return Finding.OK;
        }
        String start = "new Process(" + reference(target) + ", queue), then start() it";
        return mine.isEmpty()
                ? Finding.failed("no Process ran " + Labels.shortName(target) + ": calling " + dotted(target)
                        + "(...) directly runs it in main", "give it a process of its own: " + start)
                : Finding.failed(mine.size() + " Processes ran " + Labels.shortName(target), "start exactly one: " + start);
    }

    /**
     * The {@code Process} that ran {@code target} ended by itself with exit code 0, and main joined it:
     * it was neither stopped nor left running.
     */
    public Finding endedByItself(String target) {
        List<Lifetime> mine = mainProcesses(target);
        if (mine.isEmpty()) {
            return ranInOwnProcess(target);
        }
        Lifetime process = mine.get(0);
        String name = "the " + Labels.shortName(target) + " process";
        if (!process.exited()) {
            return Finding.failed(name + " was still running when the run ended",
                    "make sure it can finish, and join() it before main returns");
        }
        switch (process.stoppedBy()) {
            case "exit":
                return Finding.failed(name + " was still running when main returned, so the runtime stopped it"
                        + (process.joined() ? "" : ": main never joined it"),
                        "call its join() before main returns, so that main waits until it has finished");
            case "terminate":
            case "kill":
                return Finding.failed("main stopped " + name + " with " + process.stoppedBy() + "() before it finished",
                        "let it end by itself: call its join() instead");
            default:
                break;
        }
        if (process.exitCode() != 0) {
            return Finding.failed(name + " ended with exit code " + process.exitCode()
                    + (process.exitCode() == 1 ? ": its target threw an exception (the error output shows it)" : ""),
                    "fix " + reference(target) + " so that it returns normally");
        }
        if (!process.joined()) {
            return Finding.failed(name + " ended, but main never joined it",
                    "call its join() before main returns, so that main waits until it has finished");
        }
        return Finding.OK;
    }

    /**
     * The shutdown order of a producer and a consumer: main joined the producer, then put the {@code null}
     * sentinel, then joined the consumer; and the producer put no sentinel itself.
     */
    public Finding sentinelAfterProducer(String producer, String consumer) {
        String order = "join the producer, then put the sentinel (queue.put(null)), then join the consumer";
        List<Lifetime> producers = mainProcesses(producer);
        List<Lifetime> consumers = mainProcesses(consumer);
        if (producers.size() != 1) {
            return ranInOwnProcess(producer);
        }
        if (consumers.size() != 1) {
            return ranInOwnProcess(consumer);
        }
        Lifetime producing = producers.get(0);
        Lifetime consuming = consumers.get(0);
        List<Sentinel> puts = timeline.sentinels().stream().filter(Sentinel::put).toList();
        if (puts.stream().anyMatch(put -> put.pid() == producing.pid())) {
            return Finding.failed("the producer put the null sentinel itself; only main knows when every producer has"
                    + " finished", "remove put(null) from the producer: main puts the sentinel after it has joined the"
                    + " producer");
        }
        List<Sentinel> fromMain = puts.stream().filter(put -> put.pid() == main).toList();
        if (fromMain.isEmpty()) {
            return Finding.failed("main never put the null sentinel, so the consumer could not know that no more"
                    + " items would come", order);
        }
        long firstPut = fromMain.get(0).timeUs();
        if (!producing.joined() || producing.joinedUs() > firstPut) {
            return Finding.failed("main put the null sentinel before it had joined the producer, so the sentinel"
                    + " could overtake the numbers and the consumer could stop early" + stopped(producing, consuming),
                    order);
        }
        if (!consuming.joined() && !consuming.exited() && timeline.programExit().isEmpty()) {
            return Finding.failed("main put the sentinel after joining the producer, but the consumer never ended:"
                    + " main was still waiting for it when the run was stopped", "make the consumer return when it"
                    + " takes null: if (item == null) return;");
        }
        if (!consuming.joined() || consuming.joinedUs() < firstPut) {
            return Finding.failed("main did not join the consumer after putting the sentinel"
                    + stopped(producing, consuming), order);
        }
        return Finding.OK;
    }

    /** "; when main returned, the consumer was still running, so the runtime stopped it" when that happened. */
    private static String stopped(Lifetime producer, Lifetime consumer) {
        List<String> names = new ArrayList<>();
        for (Lifetime process : List.of(producer, consumer)) {
            if ("exit".equals(process.stoppedBy())) {
                names.add(Labels.shortName(process.target()));
            }
        }
        if (names.isEmpty()) {
            return "";
        }
        boolean one = names.size() == 1;
        return "; when main returned, the " + String.join(" and the ", names) + (one ? " was" : " were")
                + " still running, so the runtime stopped " + (one ? "it" : "them");
    }

    /** {@code lab.Square.square} as a method reference: {@code Square::square}. */
    public static String reference(String function) {
        int dot = function.lastIndexOf('.');
        if (dot <= 0) {
            return function;
        }
        String type = function.substring(0, dot);
        return type.substring(type.lastIndexOf('.') + 1) + "::" + function.substring(dot + 1);
    }

    private static String dotted(String function) {
        return reference(function).replace("::", ".");
    }

    /** How work reaches the pool: {@code pool.map(Square::square, range(10))}; {@code range(n)} when the count is large or unknown. */
    private static String handOver(String function, String call, long items) {
        String range = items > 0 && items <= 100 ? "range(" + items + ")" : "range(n)";
        return "applyAsync".equals(call)
                ? "for each x in " + range + ", pool.applyAsync(" + reference(function) + ", x, yourCallback), and await"
                + " the results after the loop"
                : "pool." + call + "(" + reference(function) + ", " + range + ")";
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }

    private List<PoolRun> mainPools() {
        return timeline.poolRuns().stream().filter(pool -> pool.owner() == main).toList();
    }

    private List<Job> mainJobs(String function) {
        return timeline.jobs().stream().filter(job -> job.owner() == main && job.function().equals(function)).toList();
    }

    /** Tasks of {@code function} that ran in pool workers (never in main, nor in a Process). */
    private List<Bar> workerTasks(String function) {
        List<String> workerLanes = timeline.lanes().stream().filter(lane -> lane.kind() == Lane.Kind.WORKER)
                .map(Lane::name).toList();
        return timeline.tasks().stream()
                .filter(bar -> bar.function().equals(function) && workerLanes.contains(bar.lane())).toList();
    }

    private List<Lifetime> mainProcesses(String target) {
        return timeline.lifetimes().stream().filter(p -> p.parent() == main && p.target().equals(target)).toList();
    }
}
