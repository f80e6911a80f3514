package bench;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One micro-benchmark of the runtime: the same work in {@code bench.micro.JavaMicro} and in
 * {@code bench/python/micro.py}, each run as a fresh process that prints its figures.
 *
 * @param id             the benchmark's name, also its first argument
 * @param title          what it measures, for the report
 * @param args           the arguments after the name, the same for both sides
 * @param javaJvmOptions options for the Java program's JVM (and through the runtime, its workers')
 * @param metrics        the figures it reports, the first being the headline
 * @param expected       values some {@code RESULT} lines must have: proof both sides did the whole work
 */
record MicroBenchmark(String id, String title, List<String> args, List<String> javaJvmOptions,
                      List<Metric> metrics, Map<String, String> expected) {

    /**
     * A figure of a micro-benchmark.
     *
     * @param key            the name on its {@code RESULT} line
     * @param title          what it is, for the report
     * @param unit           its unit
     * @param higherIsBetter whether more is better (throughput) or worse (time)
     */
    record Metric(String key, String title, String unit, boolean higherIsBetter) {
    }

    /** Workers (and bare processes) per round of worker_cpu: the kernel counts CPU in ticks of 10 ms. */
    static final int CPU_PER_ROUND = 3;

    /** The micro-benchmarks, sized by {@code options}. */
    static List<MicroBenchmark> all(Options options) {
        // Python's default chunk size, about four chunks per worker; the Java pool's default follows the
        // same rule. Passing it explicitly to both keeps the batching equal whatever the defaults become.
        int items = options.mapItems();
        int chunksize = (items + 4 * 4 - 1) / (4 * 4);
        long queueItems = options.queueItems();
        long boxedItems = options.boxedItems();
        String boxedSum = String.valueOf(boxedItems * (boxedItems - 1) / 2);
        return List.of(
                new MicroBenchmark("pool_start", "new Pool(4) to the first result of apply", List.of(), List.of(),
                        List.of(new Metric("first_result_ms", "Pool(4) to first result", "ms", false),
                                new Metric("pool_ready_ms", "Pool(4) constructor returned", "ms", false)),
                        Map.of("first_result", "49")),
                new MicroBenchmark("map", "map(square, range(" + items + "), chunksize " + chunksize
                        + ") on Pool(4); Java parent and workers at -Xmx512m",
                        List.of(String.valueOf(items), String.valueOf(chunksize)),
                        List.of("-Xmx512m", "-Dmultiprocessing.worker.jvmArgs=-Xmx512m"),
                        List.of(new Metric("items_per_s", "map throughput", "items/s", true),
                                new Metric("map_ms", "map call", "ms", false)),
                        Map.of("count", String.valueOf(items), "checksum", sumOfSquares(items))),
                new MicroBenchmark("apply", "sequential applyAsync(square, i).get() on Pool(4), after "
                        + warmup(options) + " untimed",
                        List.of(String.valueOf(options.applyRounds()), String.valueOf(warmup(options))), List.of(),
                        List.of(new Metric("round_trip_median_us", "apply round trip, median", "us", false),
                                new Metric("round_trip_p90_us", "apply round trip, 90th percentile", "us", false)),
                        Map.of()),
                new MicroBenchmark("queue", "Queue: a producer Process puts " + queueItems
                        + " ints, the main process gets them", List.of(String.valueOf(queueItems)), List.of(),
                        List.of(new Metric("items_per_s", "Queue throughput", "items/s", true),
                                new Metric("first_item_ms", "start() to first item", "ms", false),
                                new Metric("total_ms", "start() to last item", "ms", false)),
                        Map.of("checksum", String.valueOf(queueItems * (queueItems - 1) / 2))),
                new MicroBenchmark("boxed", "a list of " + boxedItems + " boxed ints through apply on Pool(1): as the"
                        + " argument (the task sums it), then as the result (the task builds it)",
                        List.of(String.valueOf(boxedItems)), List.of(),
                        List.of(new Metric("argument_ms", "apply with the list as argument", "ms", false),
                                new Metric("result_ms", "apply with the list as result", "ms", false)),
                        Map.of("argument_sum", boxedSum, "result_sum", boxedSum)),
                new MicroBenchmark("worker_cpu", "CPU (user + system) of one worker's whole life (start, one tiny task,"
                        + " exit) and of a bare process with the same options; " + options.cpuRounds() + " rounds of "
                        + CPU_PER_ROUND + " each, alternating",
                        List.of(String.valueOf(options.cpuRounds()), String.valueOf(CPU_PER_ROUND)), List.of(),
                        List.of(new Metric("cpu_ratio", "worker CPU / bare process CPU", "x", false),
                                new Metric("worker_cpu_ms", "worker CPU", "ms", false),
                                new Metric("bare_cpu_ms", "bare process CPU", "ms", false)),
                        Map.of()));
    }

    /** The program's arguments: the benchmark's name, then its parameters. */
    List<String> commandArgs() {
        List<String> all = new ArrayList<>();
        all.add(id);
        all.addAll(args);
        return all;
    }

    /** The headline figure. */
    Metric headline() {
        return metrics.get(0);
    }

    private static int warmup(Options options) {
        return Math.max(1, options.applyRounds() / 10);
    }

    /** 0² + 1² + ... + (n-1)² modulo 2^64, as both sides print it (a Java long wraps there). */
    static String sumOfSquares(long n) {
        BigInteger big = BigInteger.valueOf(n);
        BigInteger sum = big.subtract(BigInteger.ONE).multiply(big).multiply(big.shiftLeft(1).subtract(BigInteger.ONE))
                .divide(BigInteger.valueOf(6));
        return sum.mod(BigInteger.ONE.shiftLeft(64)).toString();
    }
}
