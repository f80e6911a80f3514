package multiprocessing.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This JVM's door for other processes: one loopback server socket, opened on first use.
 *
 * <p>Workers connect here to take tasks, and processes that use a {@code Queue} created in this JVM
 * connect here to put and get. Every connection starts with a greeting that carries this hub's random
 * secret, so no other local program can talk to it (values are Java-deserialized, so that matters).
 * Nothing travels on standard output or error: those belong to the user's program.
 */
public final class Hub {
    /** A greeting from a pool worker; its argument is the worker's launch id. */
    public static final byte WORKER = 1;
    /** A greeting from a process that uses a queue owned by this JVM. */
    public static final byte QUEUE_CLIENT = 2;

    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    private static volatile Hub instance;

    private final ServerSocket server;
    private final Address address;
    private final Map<Long, CompletableFuture<Connection>> awaitedWorkers = new ConcurrentHashMap<>();

    private Hub() throws IOException {
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        byte[] secret = randomBytes(24);
        address = new Address(server.getLocalPort(), HexFormat.of().formatHex(secret), ProcessHandle.current().pid());
        ExitHook.install();
        Daemons.start("multiprocessing-hub", this::acceptLoop);
    }

    /**
     * {@code count} bytes from the operating system's random source. Read straight from
     * {@code /dev/urandom} where there is one: {@code new SecureRandom()} gives the same bytes there, but
     * first loads the JDK's security-provider framework, some fifty classes on every program's start.
     */
    static byte[] randomBytes(int count) {
        Path urandom = Path.of("/dev/urandom");
        if (Files.isReadable(urandom)) {
            try (InputStream in = Files.newInputStream(urandom)) {
                byte[] bytes = in.readNBytes(count);
                if (bytes.length == count) {
                    return bytes;
                }
            } catch (IOException e) {
                // fall back to the portable way below
            }
        }
        byte[] bytes = new byte[count];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    /** This JVM's hub, started on first use. */
    public static Hub get() {
        Hub hub = instance;
        if (hub == null) {
            synchronized (Hub.class) {
                hub = instance;
                if (hub == null) {
                    try {
                        hub = new Hub();
                    } catch (IOException e) {
                        throw new multiprocessing.MultiprocessingException(
                                "cannot open a loopback socket for inter-process messages: " + e.getMessage(), e);
                    }
                    instance = hub;
                }
            }
        }
        return hub;
    }

    /** Closes the server socket, if there is one, so its accepting thread leaves native code. */
    static void shutdown() {
        Hub hub = instance;
        if (hub != null) {
            try {
                hub.server.close();
            } catch (IOException ignored) {
                // exiting anyway
            }
        }
    }

    /** Whether {@code address} is this JVM's own hub (so a queue can be used without a socket). */
    public static boolean isLocal(Address address) {
        Hub hub = instance;
        return hub != null && hub.address.equals(address);
    }

    /** How other processes reach this hub. */
    public Address address() {
        return address;
    }

    /** Registers a worker about to be launched; the future completes when it connects. */
    public CompletableFuture<Connection> awaitWorker(long launchId) {
        CompletableFuture<Connection> connected = new CompletableFuture<>();
        awaitedWorkers.put(launchId, connected);
        return connected;
    }

    /** Forgets a worker that will never connect (it failed to start). */
    public void forgetWorker(long launchId) {
        awaitedWorkers.remove(launchId);
    }

    /** Opens a connection from this process to another JVM's hub and greets it. */
    public static Connection connect(Address to, byte kind, long argument) throws IOException {
        // Direct, with no proxy to consult: the default Socket looks up the system's proxy settings first,
        // loading classes that only cost a starting worker time. A loopback connection needs no proxy.
        Socket socket = new Socket(Proxy.NO_PROXY);
        try {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), to.port()), CONNECT_TIMEOUT_MILLIS);
            Connection connection = new Connection(socket);
            connection.out.writeUTF(to.secret());
            connection.out.writeByte(kind);
            connection.out.writeLong(argument);
            connection.out.writeLong(ProcessId.current());
            connection.out.flush();
            return connection;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    private void acceptLoop() {
        while (true) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                return;
            }
            Daemons.start("multiprocessing-hub-greeting", () -> greet(socket));
        }
    }

    private void greet(Socket socket) {
        try {
            socket.setSoTimeout(CONNECT_TIMEOUT_MILLIS);
            Connection connection = new Connection(socket);
            String secret = connection.in.readUTF();
            if (!secret.equals(address.secret())) {
                socket.close();
                return;
            }
            byte kind = connection.in.readByte();
            long argument = connection.in.readLong();
            connection.peerPid = connection.in.readLong();
            socket.setSoTimeout(0);
            if (kind == WORKER) {
                CompletableFuture<Connection> awaited = awaitedWorkers.remove(argument);
                if (awaited == null || !awaited.complete(connection)) {
                    socket.close();
                }
            } else if (kind == QUEUE_CLIENT) {
                QueueService.serve(connection);
            } else {
                socket.close();
            }
        } catch (IOException e) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already failing
            }
        }
    }

    /** Where a hub listens: a loopback port, its secret, and the pid of its process. */
    public record Address(int port, String secret, long pid) implements Serializable {
    }

    /** A greeted socket with buffered data streams on it. */
    public static final class Connection implements AutoCloseable {
        /** Messages from the other process. */
        public final DataInputStream in;
        /** Messages to the other process; callers synchronize on it and flush. */
        public final DataOutputStream out;
        private final Socket socket;
        private volatile long peerPid;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            socket.setTcpNoDelay(true);
            this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 1 << 16));
            this.out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream(), 1 << 16));
            ExitHook.closeAtExit(this);
        }

        /** The pid the other side announced in its greeting (0 on the connecting side). */
        public long peerPid() {
            return peerPid;
        }

        @Override
        public void close() {
            ExitHook.forget(this);
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing is best effort: the peer may be gone already
            }
        }
    }
}
