package multiprocessing.internal;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import multiprocessing.MultiprocessingException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Covers {@link Hub}, this JVM's loopback door, and the queue service behind it, talking to it from
 * this very JVM: a greeting must carry the hub's secret and a known kind, workers are matched to their
 * launch, and a queue client can put, get, time out and be refused over the socket.
 */
@DisplayName("Hub")
class HubTest {
    private static final Duration LIMIT = Duration.ofSeconds(10);
    private static final long OWN_PID = ProcessHandle.current().pid();

    /** Whether the hub hangs up on {@code connection} (reads end-of-file). */
    private static boolean hangsUp(Hub.Connection connection) {
        return assertTimeoutPreemptively(LIMIT, () -> connection.in.read() < 0);
    }

    @Nested
    @DisplayName("greetings")
    class Greetings {

        @Test
        @DisplayName("a greeting with the wrong secret is hung up on")
        void wrongSecret() throws IOException {
            Hub.Address real = Hub.get().address();
            try (Hub.Connection connection = Hub.connect(new Hub.Address(real.port(), "not the secret", real.pid()),
                    Hub.QUEUE_CLIENT, 0)) {
                assertTrue(hangsUp(connection));
            }
        }

        @Test
        @DisplayName("a greeting of an unknown kind is hung up on")
        void unknownKind() throws IOException {
            try (Hub.Connection connection = Hub.connect(Hub.get().address(), (byte) 99, 0)) {
                assertTrue(hangsUp(connection));
            }
        }

        @Test
        @DisplayName("a worker greeting with a launch id nobody waits for is hung up on")
        void unknownWorker() throws IOException {
            try (Hub.Connection connection = Hub.connect(Hub.get().address(), Hub.WORKER, -12345)) {
                assertTrue(hangsUp(connection));
            }
        }

        @Test
        @DisplayName("a worker greeting is handed to whoever awaits its launch id, with the worker's pid")
        void awaitedWorker() throws Exception {
            Hub hub = Hub.get();
            CompletableFuture<Hub.Connection> awaited = hub.awaitWorker(-777);
            try (Hub.Connection worker = Hub.connect(hub.address(), Hub.WORKER, -777)) {
                Hub.Connection accepted = awaited.get(LIMIT.toSeconds(), TimeUnit.SECONDS);
                try (accepted) {
                    assertAll(() -> assertEquals(OWN_PID, accepted.peerPid()),
                            () -> assertEquals(0, worker.peerPid(), "the connecting side knows no peer pid"));
                }
            }
        }

        @Test
        @DisplayName("a forgotten worker's greeting is hung up on")
        void forgottenWorker() throws IOException {
            Hub hub = Hub.get();
            hub.awaitWorker(-778);
            hub.forgetWorker(-778);
            try (Hub.Connection connection = Hub.connect(hub.address(), Hub.WORKER, -778)) {
                assertTrue(hangsUp(connection));
            }
        }

        @Test
        @DisplayName("knows its own address, and no other, as local")
        void isLocal() {
            Hub.Address own = Hub.get().address();
            assertAll(() -> assertTrue(Hub.isLocal(own)),
                    () -> assertFalse(Hub.isLocal(new Hub.Address(own.port(), "other", own.pid()))),
                    () -> assertEquals(OWN_PID, own.pid()));
        }
    }

    @Nested
    @DisplayName("queue service over the socket")
    class QueueService {

        @Test
        @DisplayName("a put through a client arrives, and a get through it takes it")
        void putAndGet() {
            QueueClient client = QueueClient.of(Hub.get().address());
            long queue = QueueStore.create();
            client.put(queue, Codec.encode("over the socket", "item"));
            byte[] item = client.get(queue, TimeUnit.SECONDS.toNanos(10));
            assertEquals("over the socket", Codec.decode(item));
        }

        @Test
        @DisplayName("a timed get on an empty queue returns null")
        void timedGet() {
            QueueClient client = QueueClient.of(Hub.get().address());
            assertEquals(null, client.get(QueueStore.create(), TimeUnit.MILLISECONDS.toNanos(20)));
        }

        @Test
        @DisplayName("a get on a queue the owner does not have is refused with a MultiprocessingException")
        void unknownQueue() {
            QueueClient client = QueueClient.of(Hub.get().address());
            MultiprocessingException thrown = assertThrows(MultiprocessingException.class,
                    () -> client.get(-99, 0));
            assertTrue(thrown.getMessage().contains("refused"), thrown.getMessage());
        }

        @Test
        @DisplayName("flushAll returns once the owner has every put")
        void flushAll() throws InterruptedException {
            QueueClient client = QueueClient.of(Hub.get().address());
            long queue = QueueStore.create();
            for (int i = 0; i < 100; i++) {
                client.put(queue, Codec.encode(i, "item"));
            }
            QueueClient.flushAll();
            assertEquals(99, Codec.decode(lastOf(queue, 100)));
        }

        private byte[] lastOf(long queue, int count) throws InterruptedException {
            byte[] last = null;
            for (int i = 0; i < count; i++) {
                last = QueueStore.take(queue, 0);
            }
            return last;
        }

        @Test
        @DisplayName("a garbled queue message ends the connection")
        void garbled() throws IOException {
            try (Hub.Connection connection = Hub.connect(Hub.get().address(), Hub.QUEUE_CLIENT, 0)) {
                connection.out.writeByte(42);
                connection.out.flush();
                assertTrue(hangsUp(connection));
            }
        }
    }
}
