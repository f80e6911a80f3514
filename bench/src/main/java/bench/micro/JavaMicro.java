package bench.micro;

import static multiprocessing.Range.range;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import multiprocessing.Pool;
import multiprocessing.Process;
import multiprocessing.Queue;

/**
 * Micro-benchmarks of the runtime, one per run of this program, each the twin of the same benchmark in
 * {@code bench/python/micro.py}. Figures go to standard output as {@code RESULT <name> <value>} lines,
 * which the harness reads; timings are taken inside the program, so JVM start-up is not in them
 * (the lab comparisons measure that).
 *
 * <p>Usage: {@code JavaMicro pool_start | map ITEMS CHUNKSIZE | apply ROUNDS WARMUP | queue ITEMS | boxed ITEMS
 * | worker_cpu ROUNDS PER_ROUND}
 */
public final class JavaMicro {
    private JavaMicro() {
    }

    /**
     * Runs the benchmark named by the first argument.
     *
     * @param args the benchmark's name, then its parameters
     */
    public static void main(String[] args) {
        if (args.length == 0) {
            usage("no benchmark named");
        }
        switch (args[0]) {
            case "pool_start" -> poolStart();
            case "map" -> map(number(args, 1), number(args, 2));
            case "apply" -> applyRoundTrip(number(args, 1), number(args, 2));
            case "queue" -> queue(number(args, 1));
            case "boxed" -> boxed(number(args, 1));
            case "worker_cpu" -> workerCpu(number(args, 1), number(args, 2));
            default -> usage("unknown benchmark " + args[0]);
        }
    }

    /** The task of pool_start and apply: tiny, so the runtime's own cost is what is measured. */
    static int square(int x) {
        return x * x;
    }

    /** The task of map: widened, because Python's integers do not overflow at 46341² and Java's int does. */
    static long squareLong(int x) {
        return (long) x * x;
    }

    /** The task of boxed that takes a big list: its sum. */
    static long sum(List<Integer> numbers) {
        long total = 0;
        for (int number : numbers) {
            total += number;
        }
        return total;
    }

    /** The task of boxed that returns a big list: 0, 1, ..., count - 1, boxed. */
    static List<Integer> numbers(int count) {
        List<Integer> numbers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            numbers.add(i);
        }
        return numbers;
    }

    /** The producer of the queue benchmark; runs in its own process. */
    static void produce(Production production) {
        Queue<Integer> queue = production.queue();
        for (int i = 0; i < production.items(); i++) {
            queue.put(i);
        }
    }

    private static void poolStart() {
        long start = System.nanoTime();
        try (Pool pool = new Pool(4)) {
            report("pool_ready_ms", millisSince(start));
            int first = pool.applyAsync(JavaMicro::square, 7).get();
            report("first_result_ms", millisSince(start));
            report("first_result", first);
        }
    }

    private static void map(int items, int chunksize) {
        try (Pool pool = new Pool(4)) {
            long start = System.nanoTime();
            List<Long> results = pool.map(JavaMicro::squareLong, range(items), chunksize);
            double millis = millisSince(start);
            report("map_ms", millis);
            report("items_per_s", String.format(Locale.ROOT, "%.0f", items / (millis / 1000.0)));
            report("count", results.size());
            long sum = 0;
            for (long square : results) {
                sum += square; // wraps modulo 2^64, as Python's side reduces its exact sum
            }
            report("checksum", Long.toUnsignedString(sum));
        }
    }

    private static void applyRoundTrip(int rounds, int warmup) {
        try (Pool pool = new Pool(4)) {
            for (int i = 0; i < warmup; i++) {
                pool.applyAsync(JavaMicro::square, i).get();
            }
            double[] micros = new double[rounds];
            for (int i = 0; i < rounds; i++) {
                long start = System.nanoTime();
                pool.applyAsync(JavaMicro::square, i).get();
                micros[i] = (System.nanoTime() - start) / 1000.0;
            }
            Arrays.sort(micros);
            double median = rounds % 2 == 1 ? micros[rounds / 2] : (micros[rounds / 2 - 1] + micros[rounds / 2]) / 2;
            report("round_trip_median_us", String.format(Locale.ROOT, "%.1f", median));
            report("round_trip_p90_us", String.format(Locale.ROOT, "%.1f", micros[(int) (rounds * 0.9)]));
        }
    }

    /**
     * One list of {@code items} boxed Integers through apply each way: as the argument (the worker sums
     * it) and as the result (the worker builds it). A small round each way first, untimed, so both
     * sides time the transfer rather than their first call.
     */
    private static void boxed(int items) {
        try (Pool pool = new Pool(1)) {
            pool.apply(JavaMicro::sum, numbers(1000));
            pool.apply(JavaMicro::numbers, 1000);
            List<Integer> argument = numbers(items);
            long start = System.nanoTime();
            long sum = pool.apply(JavaMicro::sum, argument);
            report("argument_ms", millisSince(start));
            start = System.nanoTime();
            List<Integer> result = pool.apply(JavaMicro::numbers, items);
            report("result_ms", millisSince(start));
            report("argument_sum", sum);
            report("result_sum", sum(result));
        }
    }

    /**
     * The CPU time of one pool worker's whole life (start, one tiny task, exit) against that of a bare
     * JVM with the same options running an empty main, alternating round by round so that both see the
     * same load. Each round starts {@code perRound} of each, one after the other, and counts their CPU
     * together: the kernel counts in clock ticks, so one JVM alone would be a handful of ticks.
     */
    private static void workerCpu(int rounds, int perRound) {
        ChildCpu cpu = ChildCpu.open();
        if (cpu == null) {
            usage("worker_cpu needs /proc/self/stat, which this system does not have");
        }
        List<String> bare = null;
        double[] worker = new double[rounds];
        double[] bareJvm = new double[rounds];
        double[] ratio = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            double start = cpu.millis();
            for (int i = 0; i < perRound; i++) {
                try (Pool pool = new Pool(1)) {
                    pool.apply(JavaMicro::square, 7);
                    if (bare == null) {
                        bare = ChildCpu.sameOptions(pool.workerPids().get(0), System.getProperty("java.class.path"),
                                Empty.class.getName());
                    }
                }
            }
            double middle = cpu.millis();
            for (int i = 0; i < perRound; i++) {
                runToEnd(bare);
            }
            double end = cpu.millis();
            worker[round] = (middle - start) / perRound;
            bareJvm[round] = (end - middle) / perRound;
            ratio[round] = worker[round] / bareJvm[round];
        }
        report("worker_cpu_ms", median(worker));
        report("bare_cpu_ms", median(bareJvm));
        report("cpu_ratio", median(ratio));
        report("bare_command", String.join(" ", bare));
    }

    private static void runToEnd(List<String> command) {
        try {
            java.lang.Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            process.getOutputStream().close();
            if (process.waitFor() != 0) {
                usage("the bare JVM failed: " + command);
            }
        } catch (IOException e) {
            usage("cannot start the bare JVM " + command + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            usage("interrupted");
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static void queue(int items) {
        Queue<Integer> queue = new Queue<>();
        Process producer = new Process(JavaMicro::produce, new Production(queue, items));
        long start = System.nanoTime();
        producer.start();
        long total = queue.get();
        // Throughput is timed from the first item on, so starting the producer's JVM is reported apart.
        long first = System.nanoTime();
        for (int i = 1; i < items; i++) {
            total += queue.get();
        }
        long last = System.nanoTime();
        producer.join();
        report("first_item_ms", (first - start) / 1e6);
        report("items_per_s", String.format(Locale.ROOT, "%.0f", (items - 1) / ((last - first) / 1e9)));
        report("total_ms", (last - start) / 1e6);
        report("checksum", total);
    }

    private static double millisSince(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private static void report(String name, Object value) {
        String text = value instanceof Double d ? String.format(Locale.ROOT, "%.3f", d) : String.valueOf(value);
        System.out.println("RESULT " + name + " " + text);
    }

    private static int number(String[] args, int index) {
        if (index >= args.length) {
            usage(args[0] + " needs " + index + " number(s)");
        }
        return Integer.parseInt(args[index]);
    }

    private static void usage(String problem) {
        System.err.println(problem + "\nusage: JavaMicro pool_start | map ITEMS CHUNKSIZE | apply ROUNDS WARMUP"
                + " | queue ITEMS | boxed ITEMS | worker_cpu ROUNDS PER_ROUND");
        System.exit(2);
    }

    /**
     * What the producer process gets: its queue and how many items to put.
     *
     * @param queue the queue the main process reads
     * @param items how many numbers to put, from 0 up
     */
    record Production(Queue<Integer> queue, int items) implements Serializable {
    }
}
