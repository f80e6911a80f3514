package multiprocessing.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Covers {@link Wire}: length-prefixed blocks round-trip, and corrupt lengths or short input are refused. */
@DisplayName("Wire blocks")
class WireTest {

    private static DataInputStream input(byte[] bytes) {
        return new DataInputStream(new ByteArrayInputStream(bytes));
    }

    @Test
    @DisplayName("round-trip, one after another")
    void roundTrip() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        Wire.writeBlock(out, new byte[] {1, 2, 3});
        Wire.writeBlock(out, new byte[0]);
        DataInputStream in = input(bytes.toByteArray());
        assertArrayEquals(new byte[] {1, 2, 3}, Wire.readBlock(in));
        assertArrayEquals(new byte[0], Wire.readBlock(in));
    }

    @Test
    @DisplayName("a negative length is a corrupt message")
    void negativeLength() {
        IOException thrown = assertThrows(IOException.class, () -> Wire.readBlock(input(new byte[] {-1, -1, -1, -1})));
        assertTrue(thrown.getMessage().contains("corrupt"), thrown.getMessage());
    }

    @Test
    @DisplayName("a length above 1 GiB is a corrupt message")
    void hugeLength() {
        assertThrows(IOException.class, () -> Wire.readBlock(input(new byte[] {0x7f, 0, 0, 0})));
    }

    @Test
    @DisplayName("a block cut short is an EOFException")
    void truncated() {
        assertThrows(EOFException.class, () -> Wire.readBlock(input(new byte[] {0, 0, 0, 5, 1, 2})));
    }
}
