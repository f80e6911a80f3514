package multiprocessing.tools;

import java.util.Arrays;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * One trace line the timeline can use, with the fields the runtime's README documents for its kind.
 * Every event has the pid that wrote it and its {@code time_us}, both positive.
 */
sealed interface TraceEvent {

    /** The process that wrote the event. */
    long pid();

    /** When it was written, in microseconds since the epoch. */
    long time();

    /**
     * {@code pool_start}: a pool of {@code size} workers and the first of their pids (no more than a
     * picture can show, so that a forged array of thousands costs nothing).
     */
    record PoolStart(long pid, long time, long pool, int size, long[] workers) implements TraceEvent {
    }

    /**
     * {@code task}: a batch a worker ran from {@code start} to {@code end}; {@code batch} is its number
     * within the pool, or -1 in a trace of a runtime that did not write it.
     */
    record Task(long pid, long time, long pool, long batch, String function, long items, long start, long end,
                boolean ok) implements TraceEvent {
    }

    /**
     * {@code task_start}: a worker began batch {@code batch} of pool {@code pool}. Its {@code task} event
     * follows when the batch ends; without one, the batch was still running when the run ended.
     */
    record TaskStart(long pid, long time, long pool, long batch, String function, long items) implements TraceEvent {
    }

    /** {@code callback}: a callback ran in the pool's owner. */
    record Callback(long pid, long time, String function, String callback) implements TraceEvent {
    }

    /**
     * {@code submit}: the pool's owner handed a job to pool {@code pool}: {@code call} is the {@code Pool}
     * method ({@code map}, {@code mapAsync}, {@code apply}, {@code applyAsync}), {@code callback} its
     * callback's name, or empty.
     */
    record Submit(long pid, long time, long pool, long job, String function, String call, long items, String callback)
            implements TraceEvent {
    }

    /** {@code job_done}: a job settled (its callback, if any, has returned). */
    record JobDone(long pid, long time, long pool, long job, boolean ok) implements TraceEvent {
    }

    /** {@code pool_shutdown}: the owner closed or terminated a pool. */
    record PoolShutdown(long pid, long time, long pool, String how) implements TraceEvent {
    }

    /** {@code worker_exit}: a worker died unasked. */
    record WorkerExit(long pid, long time, long worker, long exitCode) implements TraceEvent {
    }

    /** {@code process_start}: a {@code Process} child was started. */
    record ProcessStart(long pid, long time, long child, String name, String target) implements TraceEvent {
    }

    /**
     * {@code process_exit}: a {@code Process} child exited; {@code stopped} says who stopped it
     * ({@code terminate}, {@code kill}, {@code exit}), empty when it ended by itself.
     */
    record ProcessExit(long pid, long time, long child, long exitCode, String stopped) implements TraceEvent {
    }

    /** {@code process_join}: the parent's {@code join()} saw the child's exit. */
    record ProcessJoin(long pid, long time, long child) implements TraceEvent {
    }

    /** {@code queue_null}: a process put a {@code null} on a queue ({@code put}) or took one. */
    record QueueNull(long pid, long time, long queue, boolean put) implements TraceEvent {
    }

    /** {@code program_exit}: the main program's last event, and what it left running. */
    record ProgramExit(long pid, long time, long openPools, long unfinishedJobs, long liveProcesses)
            implements TraceEvent {
    }

    /** {@code queue}: how often one process put on and got from one queue. */
    record QueueCount(long pid, long time, long puts, long gets) implements TraceEvent {
    }

    /** Any other kind (one a later runtime adds): it only shows a process was there. */
    record Other(long pid, long time) implements TraceEvent {
    }

    /**
     * The event on a parsed line. Names pass through {@code names}, which cleans and shares them.
     *
     * @throws IllegalArgumentException if a documented field is missing, of the wrong type, or impossible
     *                                  (a pid or time that is not positive, a negative count)
     */
    static TraceEvent of(Map<String, Object> fields, UnaryOperator<String> names) {
        Fields f = new Fields(fields, names);
        long pid = f.positive("pid");
        long time = f.positive("time_us");
        return switch (f.text("event")) {
            case "pool_start" -> {
                long[] workers = f.numbers("workers");
                yield new PoolStart(pid, time, f.number("pool"), workers.length,
                        Arrays.copyOf(workers, Math.min(workers.length, Lanes.MAX_LANES)));
            }
            case "task" -> new Task(pid, time, f.number("pool"), f.optionalCount("batch"), f.text("function"),
                    f.count("items"), f.number("start_us"), f.number("end_us"), f.flag("ok"));
            case "task_start" -> new TaskStart(pid, time, f.number("pool"), f.count("batch"), f.text("function"),
                    f.count("items"));
            case "callback" -> new Callback(pid, time, f.text("function"), f.text("callback"));
            case "submit" -> new Submit(pid, time, f.number("pool"), f.number("job"), f.text("function"),
                    f.text("call"), f.count("items"), f.optionalText("callback"));
            case "job_done" -> new JobDone(pid, time, f.number("pool"), f.number("job"), f.flag("ok"));
            case "pool_shutdown" -> new PoolShutdown(pid, time, f.number("pool"), f.text("how"));
            case "worker_exit" -> new WorkerExit(pid, time, f.positive("worker"), f.number("exit_code"));
            case "process_start" -> new ProcessStart(pid, time, f.positive("child_pid"), f.text("name"), f.text("target"));
            case "process_exit" -> new ProcessExit(pid, time, f.positive("child_pid"), f.number("exit_code"),
                    f.optionalChoice("stopped", "terminate", "kill", "exit"));
            case "process_join" -> new ProcessJoin(pid, time, f.positive("child_pid"));
            case "queue_null" -> new QueueNull(pid, time, f.number("queue"), f.choice("op", "put", "get").equals("put"));
            case "program_exit" -> new ProgramExit(pid, time, f.count("open_pools"), f.count("unfinished_jobs"),
                    f.count("live_processes"));
            case "queue" -> new QueueCount(pid, time, f.count("puts"), f.count("gets"));
            default -> new Other(pid, time);
        };
    }

    /** Typed access to a line's fields; every miss is an {@link IllegalArgumentException}. */
    final class Fields {
        private final Map<String, Object> fields;
        private final UnaryOperator<String> names;

        private Fields(Map<String, Object> fields, UnaryOperator<String> names) {
            this.fields = fields;
            this.names = names;
        }

        long number(String name) {
            if (fields.get(name) instanceof Long value) {
                return value;
            }
            throw new IllegalArgumentException(name + " is not a number");
        }

        long positive(String name) {
            long value = number(name);
            if (value <= 0) {
                throw new IllegalArgumentException(name + " is not positive");
            }
            return value;
        }

        long count(String name) {
            long value = number(name);
            if (value < 0) {
                throw new IllegalArgumentException(name + " is negative");
            }
            return value;
        }

        /** A count that may be absent or null: then -1. */
        long optionalCount(String name) {
            return fields.get(name) == null ? -1 : count(name);
        }

        String text(String name) {
            if (fields.get(name) instanceof String value) {
                return names.apply(value);
            }
            throw new IllegalArgumentException(name + " is not text");
        }

        /** A text field that may be absent or null: then empty. */
        String optionalText(String name) {
            return fields.get(name) == null ? "" : text(name);
        }

        /** A text field that may be absent or null (then empty), and else must be one of {@code allowed}. */
        String optionalChoice(String name, String... allowed) {
            return fields.get(name) == null ? "" : choice(name, allowed);
        }

        /** A text field that must be one of {@code allowed}. */
        String choice(String name, String... allowed) {
            String value = text(name);
            if (!Arrays.asList(allowed).contains(value)) {
                throw new IllegalArgumentException(name + " is not one of " + Arrays.toString(allowed));
            }
            return value;
        }

        boolean flag(String name) {
            if (fields.get(name) instanceof Boolean value) {
                return value;
            }
            throw new IllegalArgumentException(name + " is not true or false");
        }

        long[] numbers(String name) {
            if (fields.get(name) instanceof long[] values) {
                return values;
            }
            throw new IllegalArgumentException(name + " is not an array of numbers");
        }
    }
}
