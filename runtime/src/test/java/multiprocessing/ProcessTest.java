package multiprocessing;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import multiprocessing.testing.CapturedOutput;
import multiprocessing.testing.StartedProcesses;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Covers {@link Process}: its target runs in a new JVM, it reports exit codes as Python does (0 after
 * a return, 1 after an exception whose stack trace reaches stderr, null while running), it can be
 * terminated or killed, and it refuses misuse at once: a second start, a join before start, a target
 * that cannot be serialized.
 */
@DisplayName("Process")
class ProcessTest {
    private static final long PARENT_PID = ProcessHandle.current().pid();

    /** Starts the processes of a test and kills what is left of them after it. */
    @RegisterExtension
    final StartedProcesses processes = new StartedProcesses();

    private Process start(Process process) {
        return processes.start(process);
    }

    // ---- targets ----

    static void reportPid(Queue<Long> reports) {
        reports.put(ProcessHandle.current().pid());
    }

    static void returnNormally(Integer ignored) {
        // exit code 0
    }

    static void throwFailure(String message) {
        throw new IllegalStateException(message);
    }

    static void waitForItem(Queue<Integer> gate) {
        gate.get();
    }

    static void announceThenSleep(Queue<Long> announcements) throws InterruptedException {
        announcements.put(ProcessHandle.current().pid());
        Thread.sleep(120_000);
    }

    static void sayHello() {
        System.out.println("hello from an Action");
    }

    static void reportStdin(Queue<Integer> reports) throws IOException {
        reports.put(System.in.read());
    }

    @Nested
    @DisplayName("runs its target in a new process")
    class RunsInNewProcess {

        @Test
        @DisplayName("the target's pid differs from the caller's")
        void targetRunsElsewhere() {
            Queue<Long> reports = new Queue<>();
            Process process = start(new Process(ProcessTest::reportPid, reports));
            long targetPid = reports.get(60, TimeUnit.SECONDS);
            process.join();
            assertNotEquals(PARENT_PID, targetPid);
        }

        @Test
        @DisplayName("pid() is the pid the target runs in")
        void pidIsTheTargetsPid() {
            Queue<Long> reports = new Queue<>();
            Process process = start(new Process(ProcessTest::reportPid, reports));
            long targetPid = reports.get(60, TimeUnit.SECONDS);
            process.join();
            assertEquals(process.pid(), targetPid);
        }

        @Test
        @DisplayName("a no-argument Action target runs")
        void actionTargetRuns() {
            String out;
            try (CapturedOutput output = CapturedOutput.start()) {
                Process process = start(new Process(ProcessTest::sayHello));
                process.join();
                out = output.stdout();
            }
            assertEquals("hello from an Action\n", out);
        }

        @Test
        @DisplayName("the target sees an empty System.in")
        void emptyStdin() {
            Queue<Integer> reports = new Queue<>();
            Process process = start(new Process(ProcessTest::reportStdin, reports));
            int firstByte = reports.get(60, TimeUnit.SECONDS);
            process.join();
            assertEquals(-1, firstByte, "System.in of a Process must be at end-of-file");
        }
    }

    @Nested
    @DisplayName("reports its state")
    class State {

        @Test
        @DisplayName("exitCode() is 0 after the target returned")
        void exitCodeZero() {
            Process process = start(new Process(ProcessTest::returnNormally, 1));
            process.join();
            assertEquals(0, process.exitCode());
        }

        @Test
        @DisplayName("exitCode() is 1 after the target threw")
        void exitCodeOne() {
            Process process = start(new Process(ProcessTest::throwFailure, "target gave up"));
            CapturedOutput.quietly(() -> process.join(60, TimeUnit.SECONDS));
            assertEquals(1, process.exitCode());
        }

        @Test
        @DisplayName("the exception of a failed target is printed on stderr")
        void exceptionOnStderr() {
            String err;
            try (CapturedOutput output = CapturedOutput.start()) {
                Process process = start(new Process(ProcessTest::throwFailure, "target gave up"));
                process.join();
                err = output.stderr();
            }
            assertAll(
                    () -> assertTrue(err.contains("java.lang.IllegalStateException: target gave up"), err),
                    () -> assertTrue(err.contains("throwFailure"), "the stack trace names the target: " + err));
        }

        @Test
        @DisplayName("exitCode() is null while the process runs")
        void exitCodeNullWhileRunning() {
            Queue<Integer> gate = new Queue<>();
            Process process = start(new Process(ProcessTest::waitForItem, gate));
            Integer whileRunning = process.exitCode();
            gate.put(0);
            process.join();
            assertNull(whileRunning);
        }

        @Test
        @DisplayName("exitCode() is null before start")
        void exitCodeNullBeforeStart() {
            assertNull(new Process(ProcessTest::returnNormally, 1).exitCode());
        }

        @Test
        @DisplayName("isAlive() is false before start, true while running, false after join")
        void isAlive() {
            Queue<Integer> gate = new Queue<>();
            Process process = new Process(ProcessTest::waitForItem, gate);
            boolean beforeStart = process.isAlive();
            start(process);
            boolean running = process.isAlive();
            gate.put(0);
            process.join();
            assertAll(() -> assertFalse(beforeStart, "before start"), () -> assertTrue(running, "while running"),
                    () -> assertFalse(process.isAlive(), "after join"));
        }

        @Test
        @DisplayName("join(timeout) is false while the process runs and true once it exited")
        void joinWithTimeout() {
            Queue<Integer> gate = new Queue<>();
            Process process = start(new Process(ProcessTest::waitForItem, gate));
            boolean early = process.join(20, TimeUnit.MILLISECONDS);
            gate.put(0);
            boolean late = process.join(60, TimeUnit.SECONDS);
            assertAll(() -> assertFalse(early), () -> assertTrue(late));
        }

        @Test
        @DisplayName("an interrupted join() throws MultiprocessingException and keeps the interrupt")
        void interruptedJoin() {
            Queue<Integer> gate = new Queue<>();
            Process process = start(new Process(ProcessTest::waitForItem, gate));
            Thread.currentThread().interrupt();
            try {
                assertThrows(MultiprocessingException.class, process::join);
                assertTrue(Thread.currentThread().isInterrupted(), "the interrupt flag was lost");
            } finally {
                Thread.interrupted();
                gate.put(0);
            }
            process.join();
        }

        @Test
        @DisplayName("name() is Process-N and toString() shows the target and state")
        void nameAndToString() {
            Process process = new Process(ProcessTest::returnNormally, 1);
            String before = process.toString();
            start(process);
            process.join();
            String after = process.toString();
            assertAll(
                    () -> assertTrue(process.name().matches("Process-\\d+"), process.name()),
                    () -> assertTrue(before.contains("returnNormally") && before.contains("initial"), before),
                    () -> assertTrue(after.contains("pid " + process.pid()) && after.contains("exit 0"), after));
        }
    }

    @Nested
    @DisplayName("can be stopped")
    class Stopping {

        @Test
        @DisplayName("terminate() ends a running target with a non-zero exit code")
        void terminate() {
            Queue<Long> announcements = new Queue<>();
            Process process = start(new Process(ProcessTest::announceThenSleep, announcements));
            announcements.get(60, TimeUnit.SECONDS);
            process.terminate();
            assertTrue(process.join(30, TimeUnit.SECONDS), "still running after terminate()");
            assertNotEquals(0, process.exitCode());
        }

        @Test
        @DisplayName("kill() ends a running target with a non-zero exit code")
        void kill() {
            Queue<Long> announcements = new Queue<>();
            Process process = start(new Process(ProcessTest::announceThenSleep, announcements));
            announcements.get(60, TimeUnit.SECONDS);
            process.kill();
            assertTrue(process.join(30, TimeUnit.SECONDS), "still running after kill()");
            assertNotEquals(0, process.exitCode());
        }
    }

    @Nested
    @DisplayName("refuses misuse at once")
    class Misuse {

        @Test
        @DisplayName("start() twice is an IllegalStateException")
        void startTwice() {
            Process process = start(new Process(ProcessTest::returnNormally, 1));
            IllegalStateException thrown = assertThrows(IllegalStateException.class, process::start);
            process.join();
            assertTrue(thrown.getMessage().contains("already started"), thrown.getMessage());
        }

        @Test
        @DisplayName("join() before start() is an IllegalStateException")
        void joinBeforeStart() {
            Process process = new Process(ProcessTest::returnNormally, 1);
            IllegalStateException thrown = assertThrows(IllegalStateException.class, process::join);
            assertTrue(thrown.getMessage().contains("start()"), thrown.getMessage());
        }

        @Test
        @DisplayName("pid(), terminate() and kill() before start() are IllegalStateExceptions")
        void otherCallsBeforeStart() {
            Process process = new Process(ProcessTest::returnNormally, 1);
            assertAll(
                    () -> assertThrows(IllegalStateException.class, process::pid),
                    () -> assertThrows(IllegalStateException.class, process::terminate),
                    () -> assertThrows(IllegalStateException.class, process::kill));
        }

        @Test
        @DisplayName("a null target is an IllegalArgumentException")
        void nullTarget() {
            assertAll(
                    () -> assertThrows(IllegalArgumentException.class, () -> new Process(null)),
                    () -> assertThrows(IllegalArgumentException.class, () -> new Process((Target<String>) null, "x")));
        }

        @Test
        @DisplayName("a target that captures a plain Object is an IllegalArgumentException about Serializable")
        void unserializableTarget() {
            Object notSerializable = new Object();
            Action target = () -> System.out.println(notSerializable);
            IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> new Process(target));
            assertTrue(thrown.getMessage().contains("Serializable"), thrown.getMessage());
        }

        @Test
        @DisplayName("an argument that cannot be serialized is an IllegalArgumentException about Serializable")
        void unserializableArgument() {
            IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                    () -> new Process(ProcessTest::printIt, new Object()));
            assertTrue(thrown.getMessage().contains("Serializable"), thrown.getMessage());
        }
    }

    static void printIt(Object value) {
        System.out.println(value);
    }
}
