package multiprocessing.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Covers {@link QueueStore}: distinct queues, FIFO takes, timeouts, give-back to the front, unknown ids. */
@DisplayName("QueueStore")
class QueueStoreTest {

    @Test
    @DisplayName("gives every queue its own id")
    void distinctIds() {
        assertNotEquals(QueueStore.create(), QueueStore.create());
    }

    @Test
    @DisplayName("takes items in the order they were put")
    void fifo() throws InterruptedException {
        long id = QueueStore.create();
        QueueStore.put(id, new byte[] {1});
        QueueStore.put(id, new byte[] {2});
        assertArrayEquals(new byte[] {1}, QueueStore.take(id, -1));
        assertArrayEquals(new byte[] {2}, QueueStore.take(id, 0));
    }

    @Test
    @DisplayName("returns null when a timed take runs out")
    void timeout() throws InterruptedException {
        assertNull(QueueStore.take(QueueStore.create(), 1_000_000));
    }

    @Test
    @DisplayName("puts a given-back item at the front")
    void giveBack() throws InterruptedException {
        long id = QueueStore.create();
        QueueStore.put(id, new byte[] {2});
        QueueStore.giveBack(id, new byte[] {1});
        assertArrayEquals(new byte[] {1}, QueueStore.take(id, 0));
    }

    @Test
    @DisplayName("refuses an unknown queue id, naming it")
    void unknownId() {
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> QueueStore.put(-5, new byte[0]));
        assertTrue(thrown.getMessage().contains("-5"), thrown.getMessage());
    }
}
