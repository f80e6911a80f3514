package multiprocessing.internal;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Covers {@link CountingOutputStream}: it passes every byte on and counts them. */
@DisplayName("CountingOutputStream")
class CountingOutputStreamTest {

    @Test
    @DisplayName("counts single bytes and array slices, passing them on unchanged")
    void counts() throws IOException {
        ByteArrayOutputStream below = new ByteArrayOutputStream();
        CountingOutputStream counting = new CountingOutputStream(below);
        counting.write('a');
        counting.write(new byte[] {'x', 'b', 'c', 'y'}, 1, 2);
        counting.write(new byte[] {'d'});
        assertAll(() -> assertEquals(4, counting.count()), () -> assertEquals("abcd", below.toString()));
    }
}
