package grader.suite.hidden;

import grader.sandbox.RunResult;
import grader.suite.Checks;
import grader.suite.Feedback;
import grader.suite.GradedStep;
import grader.suite.GradingSession;
import grader.suite.Points;
import grader.suite.Step;
import grader.suite.StepEvidence;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import multiprocessing.tools.RunChecks;
import multiprocessing.tools.RunChecks.Finding;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Step 3, {@code queue}: a producer and a consumer process share a queue; a null sentinel stops the consumer.
 *
 * <p>The lesson is two processes of their own, shut down in order: join the producer, put the sentinel,
 * join the consumer. The producer alone earns points without it; main's output counts when the two
 * processes and the order made it.
 */
@GradedStep(Step.QUEUE)
@DisplayName("Step 3: queue")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QueueTests {
    private static final List<String> ZERO_TO_NINE = IntStream.range(0, 10).mapToObj(String::valueOf).toList();
    private static final String CONSUMER_START = "--- the grader's consumer check starts ---";
    private static final String CONSUMER_END = "--- the grader's consumer check ends ---";
    private static final String PRODUCER = "lab.MultiprocessingQueue.producer";
    private static final String CONSUMER = "lab.MultiprocessingQueue.consumer";
    private static final String ORDER = "main joins the producer, then puts the null sentinel, then joins the consumer;"
            + " both end by themselves with exit code 0";

    private final StepEvidence evidence = GradingSession.evidence(Step.QUEUE);

    @Test
    @Order(1)
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
    @Order(2)
    @Points(5)
    @DisplayName("main prints 0 to 9, one per line, from the consumer process")
    void mainPrintsZeroToNine() {
        String what = "the output of MultiprocessingQueue.main";
        RunResult run = Checks.ended(evidence, evidence.main(), what, () -> shutdown(evidence.main()));
        Checks.requireOutput(evidence, run, ZERO_TO_NINE, what, () -> shutdown(run));
    }

    @Test
    @Order(3)
    @Points(5)
    @DisplayName("producer and consumer each run in a Process of their own, started by main")
    void producerAndConsumerRunInTheirOwnProcesses() {
        // Read from the trace however the run ended: even a run stopped at its time limit shows which
        // Processes main started, and that part of the lesson was done.
        RunResult run = evidence.main();
        Checks.requireLesson(evidence, run, "the processes MultiprocessingQueue.main starts", "main starts one Process for"
                + " producer and one for consumer: new Process(MultiprocessingQueue::producer, queue), and the same"
                + " for consumer", processes(run));
    }

    @Test
    @Order(4)
    @Points(5)
    @DisplayName("main shuts down in order (join producer, put the sentinel, join consumer), and consumer stops at the sentinel")
    void shutdownInOrder() {
        String what = "how MultiprocessingQueue.main shuts its processes down";
        RunResult run = Checks.ended(evidence, evidence.main(), what, () -> shutdown(evidence.main()));
        Checks.requireLesson(evidence, run, what, ORDER, shutdown(run));
        if (run.leftovers() > 0) {
            throw Feedback.on(Step.QUEUE).checked(what).expected("nothing of the program is left running after main")
                    .actual(run.leftovers() + " process(es) were still running after main returned, and the grader"
                            + " stopped them").fail();
        }
        requireConsumerStopsAtTheSentinel();
    }

    /** The harness's own consumer check: given 5, 3, 8, null, 41, 42 in a Process, it prints 5, 3, 8 and leaves 41, 42. */
    private void requireConsumerStopsAtTheSentinel() {
        String what = "consumer, given the items 5, 3, 8, null, 41, 42 in a Process";
        RunResult run = evidence.probe("consumer");
        Map<?, ?> outcome = (Map<?, ?>) Checks.probeValue(evidence, run, "consumer", what);
        if (!Boolean.TRUE.equals(outcome.get("exited"))) {
            throw Feedback.on(Step.QUEUE).checked(what).expected("consumer returns once it takes null")
                    .actual("it was still running 15 s later, so the grader stopped it")
                    .hint("check each item: if (item == null) return; (or break out of the loop)").timedOut();
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
                    .actual(code == null ? role + " did not finish within 20 s, so the grader stopped it"
                            : role + " ended with exit code " + code + (n(code) == 1 ? ": it threw an exception" : ""))
                    .fail();
        }
    }

    private static long n(Object code) {
        return code instanceof Number number ? number.longValue() : -1;
    }

    @Test
    @Order(5)
    @Points(5)
    @DisplayName("your own working code, with no forbidden shortcuts: threads, executors, reflection, files, System.exit")
    void noForbiddenShortcuts() {
        Checks.requireNoShortcuts(evidence, () -> shutdown(evidence.main()));
    }

    private static Finding processes(RunResult run) {
        RunChecks checks = run.checks();
        return checks.ranInOwnProcess(PRODUCER).and(() -> checks.ranInOwnProcess(CONSUMER));
    }

    private static Finding shutdown(RunResult run) {
        RunChecks checks = run.checks();
        return processes(run).and(() -> checks.sentinelAfterProducer(PRODUCER, CONSUMER))
                .and(() -> checks.endedByItself(PRODUCER)).and(() -> checks.endedByItself(CONSUMER));
    }
}
