package grader.dashboard;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.browser.HeadlessChromium;
import grader.report.GradeJson;
import grader.report.GradeReport;
import grader.report.RunTimeline;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;

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
    static Map<String, GradeReport> reports;
    /** One browser for the class, started by the first test; each test gets a fresh tab of it. */
    static HeadlessChromium tab;

    @BeforeAll
    static void generate() throws IOException {
        Path grades = work.resolve("grades");
        SyntheticClass.write(grades, STUDENTS, 20261125L);
        page = work.resolve("dashboard.html");
        Dashboard.write(grades, null, page, Instant.parse("2026-11-25T12:00:00Z"));
        logins = new TreeSet<>();
        scores = new HashMap<>();
        reports = new HashMap<>();
        for (Path dir : List.of(grades, grades.resolve(".batch"))) {
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(f -> f.toString().endsWith(".json")).forEach(f -> logins.add(stem(f)));
            }
        }
        for (String login : logins) {
            try {
                GradeReport report = GradeJson.read(grades.resolve(login + ".json"));
                scores.put(login, report.score());
                reports.put(login, report);
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
        if (tab == null) {
            tab = HeadlessChromium.start();
        }
        tab.newTab();
        tab.setViewport(1366, 768);
        tab.open(page);
    }

    @AfterAll
    static void closeBrowser() {
        if (tab != null) {
            tab.close();
            tab = null;
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
            expected.sort(descending ? Comparator.reverseOrder() : Comparator.naturalOrder());
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
            tab.pressKey(Keys.ESCAPE);
            tab.waitFor("!document.querySelector('#detail').open");
        }
    }

    @Nested
    @DisplayName("run timelines")
    class Timelines {
        /** The steps whose work the lab meant for a pool; only there does a single-process run count. */
        private static final Set<String> POOL_STEPS = Set.of("square", "complex_square", "slow_square");

        private Set<String> loginsWhere(BiPredicate<String, RunTimeline> stepRan) {
            Set<String> found = new TreeSet<>();
            reports.forEach((login, report) -> report.timelines().forEach((step, timeline) -> {
                if (stepRan.test(step, timeline)) {
                    found.add(login);
                }
            }));
            return found;
        }

        private void choose(String filter) {
            tab.evaluate("(() => { const select = document.querySelector('#step-filter'); select.value = '" + filter
                    + "'; select.dispatchEvent(new Event('change')); return select.value; })()");
        }

        @Test
        @DisplayName("the drill-down draws each step's run: its lanes and every bar the grade file keeps")
        @SuppressWarnings("unchecked")
        void drillDown() {
            // A student with a cut timeline, to see the note on the tasks left out as well.
            String login = loginsWhere((step, timeline) -> timeline.truncated()).iterator().next();
            Map<String, RunTimeline> timelines = reports.get(login).timelines();
            tab.click("#students tbody tr[data-login='" + login + "'] button.drill");
            tab.waitFor("document.querySelector('#detail').open");
            Map<String, List<Long>> expected = new TreeMap<>();
            timelines.forEach((step, timeline) -> expected.put(step,
                    List.of((long) timeline.bars().size(), (long) timeline.lanes().size())));
            Map<String, List<Long>> drawn = new TreeMap<>();
            ((List<List<Object>>) tab.evaluate("[...document.querySelectorAll('#detail svg.timeline')].map(svg =>"
                    + " [svg.dataset.step, svg.querySelectorAll('rect.bar').length, svg.querySelectorAll('text.lane').length])"))
                    .forEach(svg -> drawn.put((String) svg.get(0),
                            List.of(((Number) svg.get(1)).longValue(), ((Number) svg.get(2)).longValue())));
            tab.screenshot(SCREENSHOTS.resolve("timelines.png"));
            String cut = timelines.values().stream().filter(RunTimeline::truncated)
                    .map(timeline -> (timeline.tasks() - timeline.bars().size()) + " more tasks not drawn").findFirst().orElseThrow();
            assertAll(
                    () -> assertEquals(expected, drawn),
                    () -> assertEquals(timelines.size(), ((Number) tab.evaluate(
                            "document.querySelectorAll('#detail svg.timeline').length")).intValue()),
                    () -> assertTrue((Boolean) tab.evaluate("document.querySelector('#detail').textContent.includes('"
                            + cut + "')"), cut),
                    () -> assertEquals(List.of(), tab.pageErrors()));
        }

        @Test
        @DisplayName("the serial filter shows exactly the students with a serial run")
        void serialFilter() {
            Set<String> expected = loginsWhere((step, timeline) -> timeline.serial());
            choose("timeline:serial");
            assertAll(
                    () -> assertTrue(!expected.isEmpty(), "the class has no serial run"),
                    () -> assertEquals(expected, new TreeSet<>(shownLogins())));
        }

        @Test
        @DisplayName("the overview counts the students with a serial or single-process run")
        void count() {
            Set<String> expected = loginsWhere((step, timeline) -> timeline.serial()
                    || timeline.singleProcess() && POOL_STEPS.contains(step));
            assertEquals(Integer.toString(expected.size()),
                    tab.evaluate("document.querySelector('#stat-serial').textContent.trim()"));
        }
    }

    @Test
    @DisplayName("the CSV link downloads exactly the filtered rows")
    void csvOfFilteredRows() throws IOException {
        tab.downloadInto(work.resolve("downloads-" + System.nanoTime()));
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
