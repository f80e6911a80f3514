package bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetsTest {
    private static LabComparison lab(String id, double java, double python, String javaOut, String pythonOut) {
        Series series = new Series(new Series.Pair(Runs.ok("j", java, javaOut), Runs.ok("p", python, pythonOut)),
                List.of(new Series.Pair(Runs.ok("j", java, javaOut), Runs.ok("p", python, pythonOut))));
        return new LabComparison(id, series, OutputCheck.of(series, OutputRule.EXACT));
    }

    private static MicroResult queue(double java, double python) {
        MicroBenchmark benchmark = MicroBenchmark.all(Options.parse(new String[0])).stream()
                .filter(b -> b.id().equals("queue")).findFirst().orElseThrow();
        String j = "RESULT items_per_s " + java + "\n";
        String p = "RESULT items_per_s " + python + "\n";
        Series series = new Series(new Series.Pair(Runs.ok("j", 1, j), Runs.ok("p", 1, p)),
                List.of(new Series.Pair(Runs.ok("j", 1, j), Runs.ok("p", 1, p))));
        return new MicroResult(benchmark, series, List.of());
    }

    private static TargetLine line(List<TargetLine> lines, String start) {
        return lines.stream().filter(l -> l.target().startsWith(start)).findFirst().orElseThrow();
    }

    @Test
    void verdictsAndMargins() {
        List<TargetLine> lines = new Targets(Map.of(
                "square", lab("square", 1.6, 0.2, "x", "x"),
                "complex_square", lab("complex_square", 0.2, 0.4, "x", "x"),
                "slow_square", lab("slow_square", 3.5, 3.3, "x", "x")),
                Map.of("queue", queue(600_000, 150_000)), null, null).evaluate();
        assertEquals(10, lines.size());
        TargetLine square = line(lines, "square");
        assertEquals(TargetLine.Verdict.MISS, square.verdict());
        assertEquals("-7.00", square.margin());
        assertEquals(TargetLine.Verdict.PASS, line(lines, "complex_square").verdict());
        TargetLine slow = line(lines, "slow_square");
        assertEquals(TargetLine.Verdict.MISS, slow.verdict());
        assertEquals("-0.20 s", slow.margin());
        TargetLine throughput = line(lines, "Queue throughput");
        assertEquals(TargetLine.Verdict.PASS, throughput.verdict());
        assertEquals("+2.00", throughput.margin());
        assertEquals(TargetLine.Verdict.SKIP, line(lines, "queue").verdict());
        assertEquals(TargetLine.Verdict.SKIP, line(lines, "grading").verdict());
    }

    @Test
    void differentOutputsMakeATimingWorthless() {
        List<TargetLine> lines = new Targets(Map.of("square", lab("square", 0.1, 0.2, "[0, 1]", "[0, 2]")),
                Map.of(), null, null).evaluate();
        TargetLine square = line(lines, "square");
        assertEquals(TargetLine.Verdict.MISS, square.verdict());
        assertTrue(square.margin().contains("outputs differ"));
    }

    @Test
    void withoutPythonTheComparisonsAreSkipped() {
        List<TargetLine> lines = new Targets(Map.of("square", lab("square", 0.1, 0.2, "x", "x")), Map.of(), null,
                "python3 is not on the PATH").evaluate();
        TargetLine square = line(lines, "square");
        assertEquals(TargetLine.Verdict.SKIP, square.verdict());
        assertEquals("python3 is not on the PATH", square.margin());
    }

    private static MicroResult micro(String id, String javaOut, String pythonOut) {
        MicroBenchmark benchmark = MicroBenchmark.all(Options.parse(new String[0])).stream()
                .filter(b -> b.id().equals(id)).findFirst().orElseThrow();
        Series series = new Series(new Series.Pair(Runs.ok("j", 1, javaOut), Runs.ok("p", 1, pythonOut)),
                List.of(new Series.Pair(Runs.ok("j", 1, javaOut), Runs.ok("p", 1, pythonOut))));
        return new MicroResult(benchmark, series, List.of());
    }

    @Test
    void workerCpuIsJavasOwnRatio() {
        MicroResult cpu = micro("worker_cpu", "RESULT cpu_ratio 1.5\nRESULT worker_cpu_ms 150\nRESULT bare_cpu_ms 100\n",
                "RESULT cpu_ratio 0.2\n");
        TargetLine line = line(new Targets(Map.of(), Map.of("worker_cpu", cpu), null, "no Python").evaluate(),
                "a worker JVM's CPU");
        assertEquals(TargetLine.Verdict.PASS, line.verdict());
        assertEquals("+0.50", line.margin());
    }

    @Test
    void boxedListsAreJudgedEachWay() {
        MicroResult boxed = micro("boxed", "RESULT argument_ms 900\nRESULT result_ms 500\n",
                "RESULT argument_ms 300\nRESULT result_ms 500\n");
        List<TargetLine> lines = new Targets(Map.of(), Map.of("boxed", boxed), null, null).evaluate();
        TargetLine argument = line(lines, "a list of boxed ints through apply as the argument");
        TargetLine result = line(lines, "a list of boxed ints through apply as the result");
        assertEquals(TargetLine.Verdict.MISS, argument.verdict());
        assertEquals("-1.00", argument.margin());
        assertEquals(TargetLine.Verdict.PASS, result.verdict());
        assertEquals("+1.00", result.margin());
    }
}
