package grader.report;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("annotations.txt: messages pinned to lines of code")
class GitHubAnnotationsTest {

    private static List<String> lines(GradeReport report) {
        String text = GitHubAnnotations.render(report);
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    private static GradeReport withProtectedFiles(GradeReport report, ProtectedFiles files) {
        return new GradeReport(report.score(), report.maxScore(), report.submission(), report.gradedAt(),
                report.graderVersion(), report.steps(), report.phaseMillis(), files);
    }

    @Nested
    @DisplayName("errors")
    class Errors {
        @Test
        @DisplayName("one per failed test that names a line, with file, line and title")
        void onePerLocatedFailure() {
            assertEquals(List.of("::error file=exercises/src/main/java/lab/ComplexSquare.java,line=12,"
                            + "title=Step 2%3A complex_square%3A uses starmap::"),
                    lines(SampleReports.mixed()).stream().map(line -> line.substring(0, line.indexOf("::", 2) + 2)).toList());
        }

        @Test
        @DisplayName("none for a perfect grade")
        void noneWhenPerfect() {
            assertEquals(List.of(), lines(SampleReports.perfect()));
        }

        @Test
        @DisplayName("no more than GitHub shows")
        void capped() {
            assertEquals(GitHubAnnotations.MAX_PER_KIND, lines(SampleReports.zero()).size());
        }
    }

    @Nested
    @DisplayName("escaping")
    class Escaping {
        @Test
        @DisplayName("a message with line breaks stays on one line and cannot start a command")
        void lineBreaks() {
            GradeReport report = SampleReports.withMessage(TestStatus.FAILED, "t", "first\n::notice::Points 100/100\r\nlast");
            List<String> lines = lines(report);
            assertAll(
                    () -> assertEquals(1, lines.size(), lines::toString),
                    () -> assertTrue(lines.get(0).endsWith("::first%0A::notice::Points 100/100%0Alast"), lines.get(0)));
        }

        @Test
        @DisplayName("percent signs are escaped first, so they read back as written")
        void percent() {
            GradeReport report = SampleReports.withMessage(TestStatus.FAILED, "t", "100% and %0A");
            assertTrue(lines(report).get(0).endsWith("::100%25 and %250A"), lines(report).get(0));
        }

        @Test
        @DisplayName("colons and commas in a title cannot open a new property")
        void propertySeparators() {
            GradeReport report = SampleReports.withMessage(TestStatus.FAILED, "a,line=1::x", "m");
            String line = lines(report).get(0);
            assertAll(
                    () -> assertTrue(line.contains("title=Step 2%3A complex_square%3A a%2Cline=1%3A%3Ax::m"), line),
                    () -> assertEquals(1, line.split(",line=").length - 1, line));
        }
    }

    @Nested
    @DisplayName("protected files")
    class Protected {
        @Test
        @DisplayName("a warning on each changed, missing or added protected file")
        void warnings() {
            GradeReport report = withProtectedFiles(SampleReports.perfect(),
                    new ProtectedFiles(true, List.of("pom.xml"), List.of("mvnw"), List.of(".github/workflows/x.yml")));
            List<String> files = new ArrayList<>();
            for (String line : lines(report)) {
                assertTrue(line.startsWith("::warning file="), line);
                files.add(line.substring("::warning file=".length(), line.indexOf(',')));
            }
            assertEquals(List.of("pom.xml", "mvnw", ".github/workflows/x.yml"), files);
        }

        @Test
        @DisplayName("nothing when they match the template")
        void intact() {
            GradeReport report = withProtectedFiles(SampleReports.perfect(), new ProtectedFiles(true, List.of(), List.of(), List.of()));
            assertFalse(GitHubAnnotations.render(report).contains("::warning"));
        }
    }
}
