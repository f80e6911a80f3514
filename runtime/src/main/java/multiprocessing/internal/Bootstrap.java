package multiprocessing.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;

/**
 * What a child JVM needs to know before it can work, sent as one line on its standard input so that
 * nothing secret shows on a command line.
 *
 * @param role       {@link Role#WORKER} or {@link Role#PROCESS}
 * @param launchId   identifies a worker when it connects back to the parent's hub
 * @param hub        the parent's hub (workers connect to it)
 * @param poolId     the pool a worker belongs to, for the trace
 * @param properties the parent's {@code multiprocessing.*} system properties
 * @param target     a Process target, encoded ({@code null} for workers)
 * @param argument   a Process target's argument, encoded ({@code null} for a no-argument target)
 * @param targetName a readable name of the target, for messages
 */
public record Bootstrap(Role role, long launchId, Hub.Address hub, long poolId, Map<String, String> properties,
                        byte[] target, byte[] argument, String targetName) implements Serializable {

    /** What a child JVM is for. */
    public enum Role {
        /** Runs pool tasks until told to stop. */
        WORKER,
        /** Runs one Process target, then exits. */
        PROCESS
    }

    /** This bootstrap as one line of text. */
    public String toLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    /** The bootstrap that {@link #toLine()} wrote. */
    public static Bootstrap fromLine(String line) throws IOException, ClassNotFoundException {
        byte[] bytes = Base64.getDecoder().decode(line.trim());
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return (Bootstrap) in.readObject();
        }
    }
}
