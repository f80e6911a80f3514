package multiprocessing.internal;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import multiprocessing.MessageTooLargeException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
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

    @Nested
    @DisplayName("the 1 GiB limit of one message, checked before sending")
    class Limit {

        @Test
        @DisplayName("lets a message of exactly the limit through")
        void atTheLimit() {
            assertDoesNotThrow(() -> Wire.requireFits(Wire.MAX_BLOCK, "the result of f"));
        }

        @Test
        @DisplayName("refuses a larger one, naming what it holds, its size and the limit, instead of a dead worker")
        void overTheLimit() {
            MessageTooLargeException thrown = assertThrows(MessageTooLargeException.class,
                    () -> Wire.requireFits(Wire.MAX_BLOCK + 1L, "the result of lab.Big.make"));
            String message = thrown.getMessage();
            assertAll(() -> assertTrue(message.startsWith("the result of lab.Big.make takes 1073741825 bytes"), message),
                    () -> assertTrue(message.contains("limit of 1073741824 bytes (1 GiB)"), message),
                    () -> assertTrue(message.contains("split the work into more tasks"), message));
        }
    }
}
