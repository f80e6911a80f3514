package multiprocessing.internal;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Covers {@link Bootstrap}: it travels as one line of plain ASCII and comes back with every field. */
@DisplayName("Bootstrap")
class BootstrapTest {
    private final Bootstrap original = new Bootstrap(Bootstrap.Role.PROCESS, 7,
            new Hub.Address(4242, "secret", 99), 3, Map.of("multiprocessing.x", "y"),
            new byte[] {1, 2}, null, "lab.Target.run");

    @Test
    @DisplayName("is one line of printable ASCII")
    void oneLine() {
        String line = original.toLine();
        assertAll(() -> assertFalse(line.contains("\n") || line.contains("\r")),
                () -> assertEquals(line.length(), line.chars().filter(c -> c > 32 && c < 127).count()));
    }

    @Test
    @DisplayName("comes back with every field, also with a trailing line break")
    void roundTrip() throws Exception {
        Bootstrap back = Bootstrap.fromLine(original.toLine() + "\n");
        assertAll(
                () -> assertEquals(Bootstrap.Role.PROCESS, back.role()),
                () -> assertEquals(7, back.launchId()),
                () -> assertEquals(original.hub(), back.hub()),
                () -> assertEquals(3, back.poolId()),
                () -> assertEquals(Map.of("multiprocessing.x", "y"), back.properties()),
                () -> assertArrayEquals(new byte[] {1, 2}, back.target()),
                () -> assertNull(back.argument()),
                () -> assertEquals("lab.Target.run", back.targetName()));
    }
}
