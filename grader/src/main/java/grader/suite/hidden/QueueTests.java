package grader.suite.hidden;

import grader.sandbox.RunResult;
import grader.suite.Checks;
import grader.suite.Feedback;
import grader.suite.GradedStep;
import grader.suite.GradingSession;
import grader.suite.Points;
import grader.suite.Step;
import grader.suite.StepEvidence;
import grader.trace.TraceEvent;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Step 3, {@code queue}: a producer and a consumer process share a queue; a null sentinel stops the consumer. */
@GradedStep(Step.QUEUE)
@DisplayName("Step 3: queue")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QueueTests {
    private static final List<String> ZERO_TO_NINE = IntStream.range(0, 10).mapToObj(String::valueOf).toList();
    private static final String CONSUMER_START = "--- the grader's consumer check starts ---";
    private static final String CONSUMER_END = "--- the grader's consumer check ends ---";

    private final StepEvidence evidence = GradingSession.evidence(Step.QUEUE);

    @Test
    @Order(1)
    @Points(5)
    @DisplayName("main prints 0 to 9, one per line, from the consumer")
    void mainPrintsZeroToNine() {
        RunResult run = Checks.ended(evidence, evidence.main(), "the output of MultiprocessingQueue.main");
        Checks.requireOutput(evidence, run, ZERO_TO_NINE, "the output of MultiprocessingQueue.main");
    }

    @Test
    @Order(2)
    @Points(5)
    @DisplayName("producer and consumer each run in a process of their own, which exits cleanly")
    void producerAndConsumerRunInTheirOwnProcesses() {
        String what = "the processes MultiprocessingQueue.main starts";
        RunResult run = Checks.ended(evidence, evidence.main(), what);
        List<TraceEvent> started = run.trace().ofKind("process_start").stream()
                .filter(e -> e.pid() == run.mainPid()).toList();
        for (String role : List.of("producer", "consumer")) {
            String target = "lab.MultiprocessingQueue." + role;
            List<TraceEvent> mine = started.stream().filter(e -> e.text("target").equals(target)).toList();
            if (mine.size() != 1) {
                throw Feedback.on(Step.QUEUE).checked(what)
                        .expected("main starts one Process for " + role + ": new Process(MultiprocessingQueue::" + role
                                + ", queue)")
                        .actual(mine.isEmpty() ? "no Process ran " + role + " (calling it directly runs it in main)"
                                : mine.size() + " Processes ran " + role).fail();
            }
            long child = mine.get(0).number("child_pid");
            TraceEvent exit = run.trace().ofKind("process_exit").stream()
                    .filter(e -> e.number("child_pid") == child).findFirst().orElse(null);
            if (exit == null || exit.number("exit_code") != 0) {
                throw Feedback.on(Step.QUEUE).checked(what).expected("the " + role + " process ends by itself, exit code 0")
                        .actual(exit == null ? "main did not wait for it to end: join() it before main returns"
                                : "it exited with code " + exit.number("exit_code") + Checks.stderrTail(run))
                        .fail();
            }
        }
        if (run.leftovers() > 0) {
            throw Feedback.on(Step.QUEUE).checked(what).expected("nothing of the program is left running after main")
                    .actual(run.leftovers() + " process(es) were still running and the grader stopped them").fail();
        }
    }

    @Test
    @Order(3)
    @Points(5)
    @DisplayName("producer puts 0 to 9 on the queue, in order, and no sentinel")
    void producerPutsZeroToNine() {
        String what = "what producer puts on the queue when it runs in a Process";
        Map<?, ?> outcome = (Map<?, ?>) Checks.probeValue(evidence, evidence.probe("producer"), "producer", what);
        requireExitedCleanly(outcome, what, "producer");
        List<Object> expected = IntStream.range(0, 10).<Object>mapToObj(i -> (long) i).toList();
        List<?> items = (List<?>) outcome.get("items");
        if (!expected.equals(items)) {
            throw Feedback.on(Step.QUEUE).checked(what).expected("the items 0 to 9, in this order, and nothing more")
                    .actual("the queue held " + items)
                    .hint(items.contains(null) ? "the sentinel is main's job: put(null) after producer has finished"
                            : "put each number once, counting up from 0").fail();
        }
    }

    @Test
    @Order(4)
    @Points(5)
    @DisplayName("consumer prints items until it takes the null sentinel, then returns")
    void consumerStopsAtTheSentinel() {
        String what = "consumer, given the items 5, 3, 8, null, 41, 42 in a Process";
        RunResult run = evidence.probe("consumer");
        Map<?, ?> outcome = (Map<?, ?>) Checks.probeValue(evidence, run, "consumer", what);
        if (!Boolean.TRUE.equals(outcome.get("exited"))) {
            throw Feedback.on(Step.QUEUE).checked(what).expected("consumer returns once it takes null")
                    .actual("it was still running 15 s later; the grader stopped it")
                    .hint("check each item: if (item == null) break; (or return)").timedOut();
        }
        requireExitedCleanly(outcome, what, "consumer");
        List<String> lines = run.stdoutLines();
        int start = lines.indexOf(CONSUMER_START);
        int end = lines.indexOf(CONSUMER_END);
        List<String> printed = start < 0 || end < start ? lines : lines.subList(start + 1, end);
        if (!printed.equals(List.of("5", "3", "8"))) {
            throw Feedback.on(Step.QUEUE).checked(what).expected(Checks.show(List.of("5", "3", "8")))
                    .actual("it printed " + Checks.show(printed))
                    .hint(printed.contains("null") ? "stop before printing the sentinel" : "print each item on its own line")
                    .fail();
        }
        List<?> left = (List<?>) outcome.get("left_in_queue");
        if (!List.of(41L, 42L).equals(left)) {
            throw Feedback.on(Step.QUEUE).checked(what)
                    .expected("consumer takes nothing after the sentinel: 41 and 42 stay in the queue")
                    .actual("the queue held " + left + " afterwards").fail();
        }
    }

    private static void requireExitedCleanly(Map<?, ?> outcome, String what, String role) {
        Object code = outcome.get("exit_code");
        if (!(code instanceof Number n) || n.longValue() != 0) {
            throw Feedback.on(Step.QUEUE).checked(what).expected(role + " returns normally: exit code 0")
                    .actual(code == null ? role + " did not finish within 20 s" : role + " ended with exit code " + code
                            + " (1 means it threw an exception)").fail();
        }
    }

    @Test
    @Order(5)
    @Points(5)
    @DisplayName("your own working code, with no forbidden shortcuts: threads, executors, reflection, files, System.exit")
    void noForbiddenShortcuts() {
        Checks.requireNoShortcuts(evidence);
    }
}
