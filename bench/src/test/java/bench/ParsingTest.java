package bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParsingTest {
    @TempDir
    Path dir;

    @Test
    void gnuTimeFiguresComeFromTheLastLine() throws IOException {
        Path file = dir.resolve("t");
        Files.writeString(file, "Command exited with non-zero status 1\n1.62 1.39 0.29 51200\n");
        GnuTime.Usage usage = GnuTime.parse(file);
        assertEquals(1.68, usage.cpuSeconds(), 1e-9);
        assertEquals(51200, usage.largestRssKb());
        Files.writeString(file, "Command terminated by signal 9\n");
        assertNull(GnuTime.parse(file));
        assertNull(GnuTime.parse(dir.resolve("missing")));
    }

    @Test
    void reportedFiguresAreReadFromResultLines() {
        RunResult run = Runs.ok("j", 1, "hello\nRESULT items_per_s 1234\nRESULT checksum 1291890006563070912\n");
        assertEquals(1234.0, run.reported("items_per_s"));
        assertEquals("1291890006563070912", run.reportedText("checksum"));
        assertNull(run.reported("items"));
    }

    @Test
    void cpuIsTheLargerOfTheTwoUndercounts() {
        assertEquals(1.2, Runs.ok("j", 1, "").cpuSeconds());
    }

    @Test
    void commandLinesQuoteArgumentsWithSpaces() {
        assertEquals("prog 'an arg'", Runs.spec("x").commandLine());
    }

    @Test
    void markdownTablesEscapePipes() {
        String markdown = new Table("a", "b").row("x|y", "z").markdown();
        assertEquals("| a | b |\n|---|---|\n| x\\|y | z |\n", markdown);
    }
}
