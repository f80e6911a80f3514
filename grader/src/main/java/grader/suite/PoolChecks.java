package grader.suite;

import grader.sandbox.RunResult;
import grader.trace.Trace;
import grader.trace.TraceEvent;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Judges from the runtime's trace, not from the clock, whether a run's work really ran in a pool's
 * worker processes: the trace records which pid ran each batch, so the answer does not depend on how
 * loaded the machine is.
 */
public final class PoolChecks {
    private PoolChecks() {
    }

    /**
     * Requires that the main program created a {@code Pool(4)} whose workers (not main) ran
     * {@code function} on at least {@code items} items, spread over more than one worker.
     */
    public static void requireWorkInPool(StepEvidence evidence, RunResult run, String function, long items,
                                         String what) {
        Step step = evidence.step();
        Trace trace = run.trace();
        long mainPid = run.mainPid();
        List<TraceEvent> pools = trace.ofKind("pool_start").stream().filter(e -> e.pid() == mainPid).toList();
        if (pools.isEmpty() && !(run.probe().get("main") instanceof Map<?, ?>)) {
            throw Feedback.on(step).checked(what)
                    .expected("main creates a Pool of 4 worker processes and hands the work to it")
                    .actual("main ended (exit code " + run.exitCode() + ") before it created a Pool"
                            + (run.ranOutOfMemory() ? ": it ran out of memory" : ""))
                    .hint("the test of main's output shows how it ended").fail();
        }
        if (pools.isEmpty()) {
            throw Feedback.on(step).checked(what)
                    .expected("main creates a Pool of 4 worker processes and hands the work to it")
                    .actual("no Pool was created while main ran (pid " + mainPid + "): everything ran in the main"
                            + " process")
                    .hint("computing the results in main, or printing them ready-made, skips the lesson").fail();
        }
        long size = pools.get(0).number("size");
        if (size != 4) {
            throw Feedback.on(step).checked(what).expected("new Pool(4): four worker processes")
                    .actual("the pool had " + size + " worker" + (size == 1 ? "" : "s")).fail();
        }
        List<TraceEvent> tasks = trace.ofKind("task").stream()
                .filter(e -> e.text("function").equals(function) && e.flag("ok")).toList();
        long done = tasks.stream().mapToLong(e -> e.number("items")).sum();
        long failed = trace.ofKind("task").stream()
                .filter(e -> e.text("function").equals(function) && !e.flag("ok")).count();
        if (done < items) {
            throw Feedback.on(step).checked(what)
                    .expected("the pool's workers run " + function + " on " + items + " numbers")
                    .actual(done == 0
                            ? "the pool's workers never ran " + function + "; your results were computed in the main"
                            + " process, pid " + mainPid
                            : "the workers ran " + function + " on only " + done + " numbers")
                    .hint(failed > 0 || run.trace().ofKind("worker_exit").size() > 0
                            ? "a task failed or its worker died: the test of main's output shows the error"
                            : "pass the method reference to pool.map, e.g. pool.map(" + simple(function) + ", range(...))")
                    .fail();
        }
        Set<Long> workers = tasks.stream().map(TraceEvent::pid).collect(java.util.stream.Collectors.toSet());
        if (workers.contains(mainPid)) {
            throw Feedback.on(step).checked(what).expected("tasks run in worker processes, not in main")
                    .actual("a task ran in the main process, pid " + mainPid).fail();
        }
        if (workers.size() < 2) {
            throw Feedback.on(step).checked(what).expected("the work spreads over several of the pool's workers")
                    .actual("only one worker (pid " + workers.iterator().next() + ") ran tasks")
                    .hint("hand all items to one map call instead of one item at a time").fail();
        }
    }

    /** Requires that main closed a pool (try-with-resources, or close()). */
    public static void requirePoolClosed(StepEvidence evidence, RunResult run, String what) {
        boolean closed = run.trace().ofKind("pool_shutdown").stream()
                .anyMatch(e -> e.pid() == run.mainPid() && e.text("how").equals("close"));
        if (!closed) {
            throw Feedback.on(evidence.step()).checked(what)
                    .expected("the pool is closed when the work is done: try (Pool pool = new Pool(4)) { ... }")
                    .actual("the pool was never closed").fail();
        }
    }

    private static String simple(String function) {
        int dot = function.lastIndexOf('.');
        int classDot = function.lastIndexOf('.', dot - 1);
        return function.substring(classDot + 1, dot) + "::" + function.substring(dot + 1);
    }
}
