package grader.harness;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import multiprocessing.Process;
import multiprocessing.Queue;
import multiprocessing.WaitTimeoutException;

/**
 * The grader's trusted code inside the sandbox: it calls the student's methods and writes what
 * happened to a result file that only the grader reads.
 *
 * <p>It runs in the sandbox JVM, next to the student's classes, and its package is the only grader code
 * there. Results go to a file named on the command line, as JSON ({@link ResultWriter}), not to standard
 * output, so that nothing a submission prints can pass for a result. Usage:
 * {@code Probe <result-file> <check> [class]} where check is one of {@code main}, {@code square},
 * {@code complex}, {@code producer}, {@code consumer}, {@code slow}.
 */
public final class Probe {
    private final Map<String, Object> results = new LinkedHashMap<>();

    private Probe() {
    }

    /** Runs one check and writes its results. */
    public static void main(String[] args) throws IOException {
        Path resultFile = Path.of(args[0]);
        Probe probe = new Probe();
        probe.results.put("main_pid", ProcessHandle.current().pid());
        long start = System.nanoTime();
        switch (args[1]) {
            case "main" -> probe.check("main", () -> {
                invoke(args[2], "main", new Class<?>[] {String[].class}, (Object) new String[0]);
                return "returned";
            });
            case "square" -> {
                for (int x : new int[] {0, 1, 7, -3, 12}) {
                    probe.check("square(" + x + ")", () -> invoke("lab.Square", "square", new Class<?>[] {int.class}, x));
                }
            }
            case "complex" -> probe.complexSquare();
            case "producer" -> probe.producer();
            case "consumer" -> probe.consumer();
            case "slow" -> probe.slowSquare();
            default -> throw new IllegalArgumentException("unknown check " + args[1]);
        }
        probe.results.put("elapsed_ms", (System.nanoTime() - start) / 1_000_000);
        Files.writeString(resultFile, ResultWriter.json(probe.results), StandardCharsets.US_ASCII);
        System.out.flush();
        // Leave through the normal exit so that the runtime stops any pool the student left open.
        System.exit(0);
    }

    private void complexSquare() {
        for (int x : new int[] {0, 46340, 46341, -46341, Integer.MAX_VALUE}) {
            check("square(" + x + ")", () -> invoke("lab.ComplexSquare", "square", new Class<?>[] {int.class}, x));
        }
        check("squares(10)", () -> invoke("lab.ComplexSquare", "squares", new Class<?>[] {int.class}, 10));
        check("squares(1000000)", () -> {
            List<?> squares = (List<?>) invoke("lab.ComplexSquare", "squares", new Class<?>[] {int.class}, 1_000_000);
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("size", squares.size());
            summary.put("first", squares.isEmpty() ? null : squares.get(0));
            summary.put("last", squares.isEmpty() ? null : squares.get(squares.size() - 1));
            long sum = 0;
            int wrongType = 0;
            for (Object o : squares) {
                if (o instanceof Long l) {
                    sum += l;
                } else {
                    wrongType++;
                }
            }
            summary.put("sum", sum);
            summary.put("not_long", wrongType);
            return summary;
        });
    }

    private void producer() {
        check("producer", () -> {
            Queue<Integer> queue = new Queue<>();
            Process process = new Process(new ReflectiveTarget("lab.MultiprocessingQueue", "producer"), queue);
            process.start();
            Map<String, Object> outcome = new LinkedHashMap<>();
            outcome.put("exited", process.join(20, TimeUnit.SECONDS));
            outcome.put("exit_code", process.exitCode());
            outcome.put("pid", process.pid());
            outcome.put("items", drain(queue));
            return outcome;
        });
    }

    private void consumer() {
        check("consumer", () -> {
            Queue<Integer> queue = new Queue<>();
            for (int item : new int[] {5, 3, 8}) {
                queue.put(item);
            }
            queue.put(null);
            queue.put(41);
            queue.put(42);
            System.out.println("--- the grader's consumer check starts ---");
            Process process = new Process(new ReflectiveTarget("lab.MultiprocessingQueue", "consumer"), queue);
            process.start();
            Map<String, Object> outcome = new LinkedHashMap<>();
            boolean exited = process.join(15, TimeUnit.SECONDS);
            outcome.put("exited", exited);
            if (!exited) {
                process.kill();
                process.join(5, TimeUnit.SECONDS);
            }
            outcome.put("exit_code", process.exitCode());
            outcome.put("left_in_queue", drain(queue));
            System.out.println("--- the grader's consumer check ends ---");
            return outcome;
        });
    }

    private void slowSquare() {
        check("slowSquare(5)", () -> {
            long start = System.nanoTime();
            Object value = invoke("lab.SlowSquare", "slowSquare", new Class<?>[] {int.class}, 5);
            Map<String, Object> outcome = new LinkedHashMap<>();
            outcome.put("value", value);
            outcome.put("millis", (System.nanoTime() - start) / 1_000_000);
            return outcome;
        });
        check("callback(49)", () -> {
            System.out.println("--- the grader calls callback(49) ---");
            Method callback = findCallback();
            callback.invoke(null, 49);
            System.out.println("--- end of callback(49) ---");
            return "returned";
        });
    }

    private static Method findCallback() throws ReflectiveOperationException {
        Class<?> type = Class.forName("lab.SlowSquare");
        try {
            return type.getMethod("callback", Integer.class);
        } catch (NoSuchMethodException e) {
            return type.getMethod("callback", int.class);
        }
    }

    private static List<Object> drain(Queue<Integer> queue) {
        List<Object> items = new ArrayList<>();
        try {
            while (items.size() < 1000) {
                items.add(queue.get(700, TimeUnit.MILLISECONDS));
            }
        } catch (WaitTimeoutException empty) {
            // drained
        }
        return items;
    }

    static Object invoke(String className, String method, Class<?>[] parameters, Object... arguments)
            throws Throwable {
        Method target = Class.forName(className).getMethod(method, parameters);
        try {
            return target.invoke(null, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private void check(String name, Check check) {
        Map<String, Object> outcome = new LinkedHashMap<>();
        try {
            outcome.put("value", check.run());
        } catch (Throwable failure) {
            outcome.put("error", String.valueOf(failure));
            outcome.put("error_type", failure.getClass().getName());
            outcome.put("at", firstLabFrame(failure));
        }
        results.put(name, outcome);
    }

    /**
     * "Square.java:12" for the innermost frame in the student's code, or null. The deepest cause comes
     * first: when a task fails in a worker, its own line matters more than main's call of map.
     */
    static String firstLabFrame(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t) && chain.size() < 20; t = t.getCause()) {
            chain.add(0, t);
        }
        for (Throwable t : chain) {
            for (StackTraceElement frame : t.getStackTrace()) {
                if (frame.getClassName().startsWith("lab.") && frame.getFileName() != null) {
                    return frame.getFileName() + ":" + frame.getLineNumber();
                }
            }
        }
        return null;
    }

    @FunctionalInterface
    private interface Check {
        Object run() throws Throwable;
    }
}
