package grader.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Covers {@link ConsoleTable}: the plain-text table the command line prints. */
@DisplayName("console table")
class ConsoleTableTest {

    @Nested
    @DisplayName("lines")
    class Lines {
        @Test
        @DisplayName("are the grade, one per step, a rule and the total")
        void whole() {
            assertEquals(List.of(
                    "Grade: 73 / 100",
                    "  square             20/20  PASS  4/4 tests passed",
                    "  complex_square     20/25  FAIL  4/5 tests passed",
                    "  queue              15/25  FAIL  3/5 tests passed",
                    "  slow_square        18/30  FAIL  3/5 tests passed",
                    "  ------------------------",
                    "  total             73/100"), ConsoleTable.render(SampleReports.mixed()).lines().toList());
        }

        @Test
        @DisplayName("a perfect report passes every step")
        void perfect() {
            assertEquals(4, ConsoleTable.render(SampleReports.perfect()).lines().filter(line -> line.contains(" PASS ")).count());
        }

        @Test
        @DisplayName("end in \\n")
        void newline() {
            assertTrue(ConsoleTable.render(SampleReports.mixed()).endsWith("73/100\n"));
        }
    }

    @Nested
    @DisplayName("characters")
    class Characters {
        @Test
        @DisplayName("are printable ASCII only")
        void ascii() {
            assertTrue(ConsoleTable.render(SampleReports.mixed()).chars().allMatch(c -> c == '\n' || (c >= 0x20 && c < 0x7F)));
        }

        @Test
        @DisplayName("other characters in a step id show as ?")
        void nonAscii() {
            GradeReport report = new SampleReports.Builder().step("carré\u001b", "t", 5).passed("t").build();
            assertTrue(ConsoleTable.render(report).contains("  carr?  "));
        }
    }
}
