package bench.micro;

import static multiprocessing.Range.range;

import java.io.Serializable;
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
 * <p>Usage: {@code JavaMicro pool_start | map ITEMS CHUNKSIZE | apply ROUNDS WARMUP | queue ITEMS}
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
                + " | queue ITEMS");
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
