package bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptionsTest {
    @Test
    void defaultsAreTheDocumentedOnes() {
        Options o = Options.parse(new String[0]);
        assertEquals(7, o.pairs());
        assertEquals(3, o.slowPairs());
        assertEquals(3, o.microRuns());
        assertEquals(3, o.gradeRuns());
        assertEquals(10_000_000, o.mapItems());
        assertEquals("python3", o.python());
        assertNull(o.timeout());
        assertEquals(Duration.ofSeconds(60), o.timeoutOr(60));
        assertEquals(Path.of("bench", "target", "bench-report.md"), o.report());
        assertEquals(Options.SECTIONS, List.copyOf(o.sections()));
    }

    @Test
    void valuesAreRead() {
        Options o = Options.parse(new String[] {"--pairs", "2", "--timeout", "5", "--map-items", "1_000",
            "--python", "none", "--report", "r.md"});
        assertEquals(2, o.pairs());
        assertEquals(Duration.ofSeconds(5), o.timeoutOr(60));
        assertEquals(1000, o.mapItems());
        assertEquals("none", o.python());
        assertEquals(Path.of("r.md"), o.report());
    }

    @Test
    void onlyKeepsTheFixedOrder() {
        Options o = Options.parse(new String[] {"--only", "grade,square"});
        assertEquals(List.of("square", "grade"), List.copyOf(o.sections()));
        assertTrue(o.runs("square"));
        assertTrue(!o.runs("micro"));
    }

    @Test
    void mistakesAreExplained() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[] {"--pair", "2"}))
                .getMessage().contains("unknown option --pair"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[] {"--pairs"}))
                .getMessage().contains("needs a value"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[] {"--pairs", "0"}))
                .getMessage().contains("at least 1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[] {"--only", "sq"}))
                .getMessage().contains("unknown section 'sq'"));
        assertThrows(Options.HelpRequested.class, () -> Options.parse(new String[] {"--help"}));
    }
}
