package grader.dashboard;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.browser.BrowserPage;
import grader.browser.ChromiumAvailability;
import grader.browser.HeadlessChromium;
import grader.report.GradeJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard of 300 generated students, driven in a real headless Chromium: what an instructor
 * does with it, with real clicks and keystrokes. The expected values come from the grade files, never
 * from the page itself.
 */
@DisplayName("the dashboard in a browser")
class DashboardBrowserTest {
    private static final int STUDENTS = 300;
    private static final Path SCREENSHOTS = Path.of("target", "browser");

    @TempDir
    static Path work;
    static Path page;
    static Set<String> logins;
    static Map<String, Integer> scores;
    static HeadlessChromium browser;

    BrowserPage tab;

    @BeforeAll
    static void generate() throws IOException {
        Path grades = work.resolve("grades");
        SyntheticClass.write(grades, STUDENTS, 20261125L);
        page = work.resolve("dashboard.html");
        Dashboard.write(grades, null, page, Instant.parse("2026-11-25T12:00:00Z"));
        logins = new TreeSet<>();
        scores = new HashMap<>();
        for (Path dir : List.of(grades, grades.resolve(".batch"))) {
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(f -> f.toString().endsWith(".json")).forEach(f -> logins.add(stem(f)));
            }
        }
        for (String login : logins) {
            try {
                scores.put(login, GradeJson.read(grades.resolve(login + ".json")).score());
            } catch (IOException | IllegalArgumentException e) {
                // no grade: shown without a score
            }
        }
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - ".json".length());
    }

    @BeforeEach
    void open() {
        if (browser == null) {
            browser = HeadlessChromium.start(ChromiumAvailability.binaryForTest());
        }
        tab = browser.newPage();
        tab.setViewport(1366, 768);
        tab.open(page);
    }

    @AfterEach
    void closeTab() {
        if (tab != null) {
            tab.close();
        }
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @SuppressWarnings("unchecked")
    private List<String> shownLogins() {
        return (List<String>) tab.evaluate("[...document.querySelectorAll('#students tbody tr:not([hidden])')]"
                + ".map(tr => tr.dataset.login)");
    }

    @Test
    @DisplayName("renders one row per student, without errors or network requests")
    void oneRowPerStudent() throws IOException {
        List<String> shown = shownLogins();
        Files.createDirectories(SCREENSHOTS);
        tab.screenshot(SCREENSHOTS.resolve("dashboard.png"));
        assertAll(
                () -> assertEquals(STUDENTS, shown.size()),
                () -> assertEquals(logins, new TreeSet<>(shown)),
                () -> assertEquals(List.of(), tab.pageErrors()),
                () -> assertEquals(List.of(), tab.nonLocalRequests()));
    }

    @Test
    @DisplayName("shows the class's numbers in the overview")
    void overview() {
        assertEquals(Integer.toString(STUDENTS), tab.evaluate("document.querySelector('#stat-students').textContent.trim()"));
    }

    @Nested
    @DisplayName("sorting by score")
    class Sorting {
        private void assertOrdered(boolean descending) {
            List<Integer> shown = new ArrayList<>();
            boolean missingSeen = false;
            for (String login : shownLogins()) {
                Integer score = scores.get(login);
                if (score == null) {
                    missingSeen = true;
                    continue;
                }
                assertTrue(!missingSeen, "a student without a score is shown before " + login);
                shown.add(score);
            }
            List<Integer> expected = new ArrayList<>(shown);
            expected.sort(descending ? java.util.Comparator.reverseOrder() : java.util.Comparator.naturalOrder());
            assertEquals(expected, shown);
        }

        private String direction() {
            return (String) tab.evaluate("document.querySelector('th[aria-sort]:has(button[data-sort=\"score\"])')"
                    + "?.getAttribute('aria-sort') ?? 'none'");
        }

        @Test
        @DisplayName("orders the rows by the students' grades")
        void orders() {
            tab.click("th button[data-sort='score']");
            assertOrdered("descending".equals(direction()));
        }

        @Test
        @DisplayName("reverses the order on a second click")
        void reverses() {
            tab.click("th button[data-sort='score']");
            String first = direction();
            tab.click("th button[data-sort='score']");
            assertAll(() -> assertTrue(!first.equals(direction()), first + " then " + direction()),
                    () -> assertOrdered("descending".equals(direction())));
        }
    }

    @Test
    @DisplayName("filtering by a login shows that student only")
    void filterByLogin() {
        String login = SyntheticClass.login(123);
        tab.type("#filter", login);
        tab.waitFor("document.querySelectorAll('#students tbody tr:not([hidden])').length === 1");
        assertAll(
                () -> assertEquals(List.of(login), shownLogins()),
                () -> assertTrue(((String) tab.evaluate("document.querySelector('#shown-count').textContent"))
                        .startsWith("1 of " + STUDENTS)));
    }

    @Nested
    @DisplayName("the drill-down")
    class DrillDown {
        private final String login = SyntheticClass.login(3);

        @BeforeEach
        void openIt() {
            tab.click("#students tbody tr[data-login='" + login + "'] button.drill");
            tab.waitFor("document.querySelector('#detail').open");
        }

        @Test
        @DisplayName("lists every test of the student with its status")
        void listsTests() throws IOException {
            List<String> expected = GradeJson.read(work.resolve("grades").resolve(login + ".json")).steps().stream()
                    .flatMap(step -> step.tests().stream()).map(test -> test.status().word()).toList();
            assertEquals(expected, tab.evaluate("[...document.querySelectorAll('#detail li[data-status]')]"
                    + ".map(li => li.dataset.status)"));
        }

        @Test
        @DisplayName("shows a hostile message as text, running nothing")
        void hostileMessageIsText() {
            assertAll(
                    () -> assertTrue((Boolean) tab.evaluate("document.querySelector('#detail').textContent"
                            + ".includes('</script><script>alert(1)</script>')")),
                    () -> assertEquals(2L, ((Number) tab.evaluate("document.scripts.length")).longValue()));
        }

        @Test
        @DisplayName("closes with Escape")
        void escapeCloses() {
            tab.pressKey("Escape");
            tab.waitFor("!document.querySelector('#detail').open");
        }
    }

    @Test
    @DisplayName("the CSV link downloads exactly the filtered rows")
    void csvOfFilteredRows() throws IOException {
        tab.enableDownloads(work.resolve("downloads-" + System.nanoTime()));
        tab.type("#filter", "student01");
        tab.waitFor("document.querySelectorAll('#students tbody tr:not([hidden])').length < " + STUDENTS);
        List<String> shown = shownLogins();
        tab.click("#download-csv");
        Path csv = tab.awaitDownload();
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        List<String> downloaded = lines.subList(1, lines.size()).stream()
                .filter(line -> !line.isEmpty()).map(line -> line.substring(0, line.indexOf(','))).toList();
        assertAll(
                () -> assertEquals("students.csv", csv.getFileName().toString()),
                () -> assertTrue(lines.get(0).replace("\uFEFF", "").startsWith("login,score,"), lines.get(0)),
                () -> assertEquals(shown, downloaded));
    }
}
