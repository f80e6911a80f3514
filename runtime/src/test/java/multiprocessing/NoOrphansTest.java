package multiprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import multiprocessing.fixtures.OrphanParent;
import multiprocessing.testing.JavaProcess;
import multiprocessing.testing.Pids;
import multiprocessing.testing.Poll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Covers the promise that no worker or Process outlives its program: a separate parent JVM
 * ({@link OrphanParent}) starts a pool with a busy worker and a sleeping Process, then returns from
 * {@code main} without closing anything, calls {@code System.exit}, or is killed with SIGKILL. Every
 * child must be gone within two seconds of the parent's end, and a parent that never closes its pool
 * must still exit promptly.
 */
@DisplayName("No child outlives its program")
class NoOrphansTest {
    /** The bound, measured from the moment the parent exited or was killed. */
    private static final Duration CHILDREN_GONE_WITHIN = Duration.ofSeconds(2);
    /** How long a parent that returns from main may take to exit. */
    private static final Duration PARENT_EXITS_WITHIN = Duration.ofSeconds(5);
    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final Pattern CHILDREN =
            Pattern.compile("CHILDREN parent=(\\d+) workers=([\\d,]+) process=(\\d+) pending=(true|false)");

    private JavaProcess parent;
    private final List<Long> children = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        Pids.killAll(children);
        if (parent != null) {
            parent.close();
        }
    }

    /** Starts the parent in {@code mode} and records its children's pids from its report line. */
    private void startParent(String mode) throws Exception {
        parent = JavaProcess.start(OrphanParent.class, mode);
        String line = parent.awaitLine(l -> l.startsWith("CHILDREN "), STARTUP);
        Matcher m = CHILDREN.matcher(line);
        assertTrue(m.matches(), "unexpected report: " + line);
        Arrays.stream(m.group(2).split(",")).map(Long::valueOf).forEach(children::add);
        children.add(Long.valueOf(m.group(3)));
        assertEquals(3, children.size(), "two workers and one Process expected: " + line);
    }

    /** Polls until every child is gone; the time that took from {@code since}, or null if they are not. */
    private Duration timeUntilChildrenGone(long since) {
        boolean gone = Poll.until(() -> Pids.alive(children).isEmpty(), CHILDREN_GONE_WITHIN.plusSeconds(3));
        return gone ? Duration.ofNanos(System.nanoTime() - since) : null;
    }

    private void assertChildrenGoneInTime(Duration took) {
        assertNotNull(took, "children still alive: " + Pids.alive(children) + "\n" + parent.describe());
        assertTrue(took.compareTo(CHILDREN_GONE_WITHIN) < 0,
                "the children were gone only after " + took.toMillis() + " ms");
    }

    @Nested
    @DisplayName("when the parent returns from main without closing its pool")
    class ReturnsFromMain {

        @Test
        @DisplayName("the parent still exits promptly")
        void parentExitsPromptly() throws Exception {
            startParent("return");
            Integer exit = parent.waitFor(PARENT_EXITS_WITHIN);
            assertNotNull(exit, "the parent did not exit within " + PARENT_EXITS_WITHIN + ": " + parent.describe());
        }

        @Test
        @DisplayName("every worker and Process is gone within 2 s of the parent's exit")
        void childrenGone() throws Exception {
            startParent("return");
            assertNotNull(parent.waitFor(STARTUP), "the parent did not exit: " + parent.describe());
            assertChildrenGoneInTime(timeUntilChildrenGone(System.nanoTime()));
        }
    }

    @Nested
    @DisplayName("when the parent calls System.exit")
    class SystemExit {

        @Test
        @DisplayName("every worker and Process is gone within 2 s of the parent's exit")
        void childrenGone() throws Exception {
            startParent("exit");
            assertNotNull(parent.waitFor(STARTUP), "the parent did not exit: " + parent.describe());
            assertChildrenGoneInTime(timeUntilChildrenGone(System.nanoTime()));
        }
    }

    @Nested
    @DisplayName("when the parent is killed with SIGKILL")
    class Killed {

        @Test
        @DisplayName("every worker and Process is gone within 2 s of the kill")
        void childrenGone() throws Exception {
            startParent("hang");
            long killed = System.nanoTime();
            parent.process().destroyForcibly();
            assertChildrenGoneInTime(timeUntilChildrenGone(killed));
        }
    }
}
