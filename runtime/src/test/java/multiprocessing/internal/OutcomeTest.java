package multiprocessing.internal;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import multiprocessing.MultiprocessingException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Covers {@link Outcome}: it is settled once (later results are ignored), rethrows its failure, refuses
 * to wait on the pool's own callback thread, and turns an interrupted wait into an unchecked exception.
 */
@DisplayName("Outcome")
class OutcomeTest {
    private final Thread someOtherThread = new Thread(() -> { });

    @Test
    @DisplayName("the first result wins; later ones are ignored")
    void settledOnce() {
        Outcome<String> outcome = new Outcome<>(someOtherThread, "test");
        outcome.succeed("first");
        outcome.succeed("second");
        outcome.fail(new IllegalStateException("late"));
        assertAll(() -> assertEquals("first", outcome.get()), () -> assertTrue(outcome.succeeded()));
    }

    @Test
    @DisplayName("a failure is rethrown by get() and is not a success")
    void failure() {
        Outcome<String> outcome = new Outcome<>(someOtherThread, "test");
        IllegalStateException failure = new IllegalStateException("broken");
        outcome.fail(failure);
        outcome.succeed("too late");
        assertAll(() -> assertSame(failure, assertThrows(IllegalStateException.class, outcome::get)),
                () -> assertFalse(outcome.succeeded()), () -> assertTrue(outcome.isDone()));
    }

    @Test
    @DisplayName("a timed wait on a pending outcome returns false")
    void timedWait() {
        Outcome<String> outcome = new Outcome<>(someOtherThread, "test");
        assertAll(() -> assertFalse(outcome.await(1_000_000)), () -> assertFalse(outcome.isDone()),
                () -> assertFalse(outcome.succeeded()));
    }

    @Test
    @DisplayName("waiting on the callback thread itself is an IllegalStateException naming the result")
    void waitOnCallbackThread() {
        Outcome<String> outcome = new Outcome<>(Thread.currentThread(), "map of lab.f over 3 items");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> outcome.await(-1));
        assertTrue(thrown.getMessage().contains("map of lab.f over 3 items"), thrown.getMessage());
    }

    @Test
    @DisplayName("a done outcome can be read on the callback thread")
    void doneOnCallbackThread() {
        Outcome<String> outcome = new Outcome<>(Thread.currentThread(), "test");
        outcome.succeed("ready");
        assertEquals("ready", outcome.get());
    }

    @Test
    @DisplayName("an interrupted wait is a MultiprocessingException and keeps the interrupt")
    void interrupted() {
        Outcome<String> outcome = new Outcome<>(someOtherThread, "test");
        Thread.currentThread().interrupt();
        try {
            assertThrows(MultiprocessingException.class, () -> outcome.await(-1));
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt flag was lost");
        } finally {
            Thread.interrupted();
        }
    }
}
