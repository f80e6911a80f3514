package multiprocessing.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.LinkedHashMap;
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
                        byte[] target, byte[] argument, String targetName) {

    /** What a child JVM is for. */
    public enum Role {
        /** Runs pool tasks until told to stop. */
        WORKER,
        /** Runs one Process target, then exits. */
        PROCESS
    }

    /**
     * This bootstrap as one line of text: Base64 of a plain {@link DataOutputStream} record. Not Java
     * serialization: reading a serialized record makes the JVM spin method handles for its constructor,
     * which cost every worker a noticeable part of its start-up before it could even connect.
     */
    public String toLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(role.ordinal());
            out.writeLong(launchId);
            out.writeBoolean(hub != null);
            if (hub != null) {
                out.writeInt(hub.port());
                out.writeUTF(hub.secret());
                out.writeLong(hub.pid());
            }
            out.writeLong(poolId);
            out.writeInt(properties.size());
            for (Map.Entry<String, String> property : properties.entrySet()) {
                out.writeUTF(property.getKey());
                out.writeUTF(property.getValue());
            }
            writeOptional(out, target);
            writeOptional(out, argument);
            out.writeBoolean(targetName != null);
            if (targetName != null) {
                out.writeUTF(targetName);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    /** The bootstrap that {@link #toLine()} wrote. */
    public static Bootstrap fromLine(String line) throws IOException {
        byte[] bytes = Base64.getDecoder().decode(line.trim());
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            Role role = Role.values()[in.readUnsignedByte()];
            long launchId = in.readLong();
            Hub.Address hub = in.readBoolean() ? new Hub.Address(in.readInt(), in.readUTF(), in.readLong()) : null;
            long poolId = in.readLong();
            int count = in.readInt();
            Map<String, String> properties = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                properties.put(in.readUTF(), in.readUTF());
            }
            byte[] target = readOptional(in);
            byte[] argument = readOptional(in);
            String targetName = in.readBoolean() ? in.readUTF() : null;
            return new Bootstrap(role, launchId, hub, poolId, properties, target, argument, targetName);
        } catch (ArrayIndexOutOfBoundsException e) {
            throw new IOException("not a bootstrap line: unknown role", e);
        }
    }

    private static void writeOptional(DataOutputStream out, byte[] block) throws IOException {
        out.writeBoolean(block != null);
        if (block != null) {
            Wire.writeBlock(out, block);
        }
    }

    private static byte[] readOptional(DataInputStream in) throws IOException {
        return in.readBoolean() ? Wire.readBlock(in) : null;
    }
}
