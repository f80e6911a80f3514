package multiprocessing;

import static multiprocessing.Range.range;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import multiprocessing.testing.CapturedOutput;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

/**
 * Covers what workers and Processes print: it reaches this program's {@code System.out} and
 * {@code System.err} one whole line at a time, never mixed mid-line with other processes' lines; a
 * task's output is printed before its callback runs and before its result is returned; a Process's
 * output is all printed when {@code join()} returns; and the runtime itself adds nothing to those streams.
 */
@DisplayName("Printed output")
@TestInstance(Lifecycle.PER_CLASS)
class OutputTest {
    private static final int LINES_PER_TASK = 200;
    private static final String PADDING = "x".repeat(1000);
    private static final int MARKER_LINES = 500;
    /** A console that takes a millisecond per line, so that printed output lags behind results. */
    private static final Duration SLOW_CONSOLE = Duration.ofMillis(1);
    private static final Pattern WHOLE_LINE = Pattern.compile("printer (\\d+) line (\\d+) " + PADDING + " end");

    /** Four workers, so that four tasks print at the same time. */
    private Pool pool;

    @BeforeAll
    void startPool() {
        pool = new Pool(4);
    }

    @AfterAll
    void closePool() {
        if (pool != null) {
            pool.close();
        }
    }

    // ---- tasks and targets ----

    /** Prints each line in three writes, as code that builds a line piece by piece does. */
    static int printLines(int printer) {
        printPiecewise(System.out, printer);
        return printer;
    }

    static int printLinesToStderr(int printer) {
        printPiecewise(System.err, printer);
        return printer;
    }

    private static void printPiecewise(PrintStream stream, int printer) {
        for (int i = 0; i < LINES_PER_TASK; i++) {
            stream.print("printer " + printer + " line " + i + " ");
            stream.print(PADDING);
            stream.println(" end");
        }
    }

    /**
     * Prints {@value #MARKER_LINES} lines and then {@code marker + " last"}: the last line is what a test
     * looks for. On a {@link #SLOW_CONSOLE} the lines take about half a second to pass, far longer than
     * the result takes to come back, yet well within the runtime's wait for output.
     */
    static String printMarker(String marker) {
        for (int i = 0; i < MARKER_LINES; i++) {
            System.out.println(marker + " " + i);
        }
        System.out.println(marker + " last");
        return marker;
    }

    static String printMarkerToStderr(String marker) {
        for (int i = 0; i < MARKER_LINES; i++) {
            System.err.println(marker + " " + i);
        }
        System.err.println(marker + " last");
        return marker;
    }

    static int printLongLine(int length) {
        System.out.println("<" + "y".repeat(length) + ">");
        return length;
    }

    static int silent(int x) {
        return x;
    }

    static void printNumbered(Integer count) {
        for (int i = 0; i < count; i++) {
            System.out.println("process line " + i);
        }
    }

    static void printNumberedToStderr(Integer count) {
        for (int i = 0; i < count; i++) {
            System.err.println("process error line " + i);
        }
    }

    static void printLinesAsProcess(Integer printer) {
        printLines(printer);
    }

    static void printWithoutNewline(String text) {
        System.out.print(text);
    }

    static void silentTarget() {
        // prints nothing
    }

    /** The lines that are not exactly one whole printed line. */
    private static List<String> brokenLines(List<String> lines) {
        return lines.stream().filter(line -> !WHOLE_LINE.matcher(line).matches()).toList();
    }

    /** The (printer, line) pairs found, to check that none is lost. */
    private static Set<String> linesSeen(List<String> lines) {
        Set<String> seen = new HashSet<>();
        for (String line : lines) {
            Matcher m = WHOLE_LINE.matcher(line);
            if (m.matches()) {
                seen.add(m.group(1) + ":" + m.group(2));
            }
        }
        return seen;
    }

    private static Set<String> allLines(int printers) {
        return IntStream.range(0, printers).boxed()
                .flatMap(p -> IntStream.range(0, LINES_PER_TASK).mapToObj(i -> p + ":" + i))
                .collect(Collectors.toSet());
    }

    private static String abbreviate(List<String> lines) {
        return lines.stream().limit(3).map(l -> l.length() > 120 ? l.substring(0, 120) + "..." : l)
                .collect(Collectors.joining(" | ")) + (lines.size() > 3 ? " and " + (lines.size() - 3) + " more" : "");
    }

    @Nested
    @DisplayName("from pool workers")
    class FromWorkers {

        @Test
        @DisplayName("four workers printing long lines at once: every captured stdout line is one whole line")
        void stdoutLinesStayWhole() {
            List<String> lines;
            try (CapturedOutput output = CapturedOutput.start()) {
                pool.map(OutputTest::printLines, range(4), 1);
                lines = output.stdoutLines();
            }
            List<String> broken = brokenLines(lines);
            assertTrue(broken.isEmpty(), broken.size() + " lines were mixed or cut: " + abbreviate(broken));
        }

        @Test
        @DisplayName("four workers printing at once: every line reaches stdout")
        void stdoutLinesAllArrive() {
            List<String> lines;
            try (CapturedOutput output = CapturedOutput.start()) {
                pool.map(OutputTest::printLines, range(4), 1);
                lines = output.stdoutLines();
            }
            assertEquals(allLines(4), linesSeen(lines));
        }

        @Test
        @DisplayName("four workers printing to stderr at once: every captured stderr line is one whole line")
        void stderrLinesStayWhole() {
            List<String> lines;
            try (CapturedOutput output = CapturedOutput.start()) {
                pool.map(OutputTest::printLinesToStderr, range(4), 1);
                lines = output.stderrLines();
            }
            assertAll(
                    () -> assertTrue(brokenLines(lines).isEmpty(), "mixed or cut: " + abbreviate(brokenLines(lines))),
                    () -> assertEquals(allLines(4), linesSeen(lines)));
        }

        @Test
        @DisplayName("a task's output is printed before its callback runs")
        void outputBeforeCallback() {
            AtomicBoolean printedBeforeCallback = new AtomicBoolean();
            try (CapturedOutput output = CapturedOutput.startSlow(SLOW_CONSOLE)) {
                pool.applyAsync(OutputTest::printMarker, "before-callback",
                        marker -> printedBeforeCallback.set(output.stdout().contains(marker + " last\n"))).get();
            }
            assertTrue(printedBeforeCallback.get(), "the callback ran before the task's last line was printed");
        }

        @Test
        @DisplayName("a task's output is printed before get() returns")
        void outputBeforeGet() {
            boolean printed;
            try (CapturedOutput output = CapturedOutput.startSlow(SLOW_CONSOLE)) {
                pool.applyAsync(OutputTest::printMarker, "before-get").get();
                printed = output.stdout().contains("before-get last\n");
            }
            assertTrue(printed, "get() returned before the task's last line was printed");
        }

        @Test
        @DisplayName("a task's stderr output is printed before get() returns")
        void stderrBeforeGet() {
            boolean printed;
            try (CapturedOutput output = CapturedOutput.startSlow(SLOW_CONSOLE)) {
                pool.applyAsync(OutputTest::printMarkerToStderr, "stderr-before-get").get();
                printed = output.stderr().contains("stderr-before-get last\n");
            }
            assertTrue(printed, "get() returned before the task's last stderr line was printed");
        }

        @Test
        @DisplayName("the output of every map task is printed before map returns")
        void outputBeforeMapReturns() {
            List<String> lines;
            try (CapturedOutput output = CapturedOutput.startSlow(SLOW_CONSOLE)) {
                pool.map(OutputTest::printMarker, List.of("map-a", "map-b", "map-c", "map-d"), 1);
                lines = output.stdoutLines();
            }
            assertTrue(lines.containsAll(List.of("map-a last", "map-b last", "map-c last", "map-d last")),
                    "missing last lines after map returned");
        }

        @Test
        @DisplayName("a line longer than 64 KiB arrives complete")
        void veryLongLine() {
            String out;
            try (CapturedOutput output = CapturedOutput.start()) {
                pool.apply(OutputTest::printLongLine, 200_000);
                out = output.stdout();
            }
            assertEquals("<" + "y".repeat(200_000) + ">\n", out);
        }
    }

    @Nested
    @DisplayName("from Processes")
    class FromProcesses {

        @Test
        @DisplayName("everything a Process printed is printed when join() returns")
        void allPrintedAtJoin() {
            List<String> lines;
            try (CapturedOutput output = CapturedOutput.startSlow(SLOW_CONSOLE)) {
                Process printer = new Process(OutputTest::printNumbered, MARKER_LINES);
                printer.start();
                printer.join();
                lines = output.stdoutLines();
            }
            assertEquals(IntStream.range(0, MARKER_LINES).mapToObj(i -> "process line " + i).toList(), lines);
        }

        @Test
        @DisplayName("a Process's stderr reaches System.err, all of it by join()")
        void stderrPrintedAtJoin() {
            List<String> lines;
            try (CapturedOutput output = CapturedOutput.startSlow(SLOW_CONSOLE)) {
                Process printer = new Process(OutputTest::printNumberedToStderr, MARKER_LINES);
                printer.start();
                printer.join();
                lines = output.stderrLines();
            }
            assertEquals(IntStream.range(0, MARKER_LINES).mapToObj(i -> "process error line " + i).toList(), lines);
        }

        @Test
        @DisplayName("a last line without a line break still arrives")
        void lastLineWithoutNewline() {
            String out;
            try (CapturedOutput output = CapturedOutput.start()) {
                Process printer = new Process(OutputTest::printWithoutNewline, "no line break here");
                printer.start();
                printer.join();
                out = output.stdout();
            }
            assertEquals("no line break here", out);
        }

        @Test
        @DisplayName("two Processes and two workers printing at once: every line is whole and none is lost")
        void processesAndWorkersDoNotMix() {
            List<String> lines;
            try (CapturedOutput output = CapturedOutput.start()) {
                Process first = new Process(OutputTest::printLinesAsProcess, 0);
                Process second = new Process(OutputTest::printLinesAsProcess, 1);
                first.start();
                second.start();
                pool.map(OutputTest::printLines, List.of(2, 3), 1);
                first.join();
                second.join();
                lines = output.stdoutLines();
            }
            assertAll(
                    () -> assertTrue(brokenLines(lines).isEmpty(), "mixed or cut: " + abbreviate(brokenLines(lines))),
                    () -> assertEquals(allLines(4), linesSeen(lines)));
        }
    }

    @Nested
    @DisplayName("carries nothing but user output")
    @TestInstance(Lifecycle.PER_CLASS)
    class NothingElse {
        private String poolStdout;
        private String poolStderr;
        private String processStdout;
        private String processStderr;

        @BeforeAll
        void runSilentWork() {
            try (CapturedOutput output = CapturedOutput.start()) {
                try (Pool silentPool = new Pool(2)) {
                    List<Integer> results = silentPool.map(OutputTest::silent, range(50));
                    silentPool.applyAsync(OutputTest::silent, 1).get();
                    assertEquals(50, results.size());
                }
                poolStdout = output.stdout();
                poolStderr = output.stderr();
            }
            try (CapturedOutput output = CapturedOutput.start()) {
                Process silentProcess = new Process(OutputTest::silentTarget);
                silentProcess.start();
                silentProcess.join();
                processStdout = output.stdout();
                processStderr = output.stderr();
            }
        }

        @Test
        @DisplayName("a pool whose tasks print nothing leaves stdout empty, from start to close")
        void silentPoolStdout() {
            assertEquals("", poolStdout);
        }

        @Test
        @DisplayName("a pool whose tasks print nothing leaves stderr empty, from start to close")
        void silentPoolStderr() {
            assertEquals("", poolStderr);
        }

        @Test
        @DisplayName("a Process that prints nothing leaves stdout empty")
        void silentProcessStdout() {
            assertEquals("", processStdout);
        }

        @Test
        @DisplayName("a Process that prints nothing leaves stderr empty")
        void silentProcessStderr() {
            assertEquals("", processStderr);
        }
    }
}
