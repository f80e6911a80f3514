package grader.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grader.report.GradeReport;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Covers {@link DashboardPage}: a page that loads nothing and that no student text can break out of. */
@DisplayName("dashboard page")
class DashboardPageTest {
    private static final String HOSTILE = "</script><script>alert(1)</script>";
    private static final Instant GENERATED = Instant.parse("2025-03-02T08:00:00Z");

    /** A CSV-only student whose login is markup, and a graded one whose message is. */
    private static String hostilePage() {
        GradeReport report = GradeFixtures.report()
                .step("square", "FPPP", HOSTILE + " <!-- comment \u2028 line \u2029 paragraph & amp")
                .build();
        return Dashboard.page(List.of(
                new StudentRecord("bob", report, null, null, null, null),
                new StudentRecord(HOSTILE, null, null, null, null, new ClassroomRow(HOSTILE, HOSTILE, "", "", null, null))),
                GENERATED);
    }

    private static String ordinaryPage() {
        return Dashboard.page(List.of(new StudentRecord("alice", GradeFixtures.perfect(), null, null, null, null)),
                GENERATED);
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    private static List<String> attributeValues(String page, String attribute) {
        List<String> values = new ArrayList<>();
        Matcher matcher = Pattern.compile("\\s" + attribute + "\\s*=\\s*\"([^\"]*)\"").matcher(page);
        while (matcher.find()) {
            values.add(matcher.group(1));
        }
        return values;
    }

    private static String sha256(String text) throws NoSuchAlgorithmException {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
    }

    @Nested
    @DisplayName("hostile student text")
    class HostileText {
        @Test
        @DisplayName("never appears as markup")
        void noRawMarkup() {
            assertFalse(hostilePage().contains("<script>alert(1)"));
        }

        @Test
        @DisplayName("cannot close a script element: only the page's two are closed")
        void scriptsClosed() {
            assertEquals(2, count(hostilePage(), "</script"));
        }

        @Test
        @DisplayName("cannot open an HTML comment")
        void noComment() {
            assertFalse(hostilePage().contains("<!--"));
        }

        @Test
        @DisplayName("keeps no raw line or paragraph separator")
        void noSeparators() {
            String page = hostilePage();
            assertFalse(page.contains("\u2028") || page.contains("\u2029"));
        }

        @Test
        @DisplayName("reads back unchanged from the page's data")
        @SuppressWarnings("unchecked")
        void readsBack() {
            List<Map<String, Object>> students = (List<Map<String, Object>>) PageParts.data(hostilePage()).get("students");
            assertEquals(List.of("bob", HOSTILE), students.stream().map(student -> student.get("login")).toList());
        }

        @Test
        @DisplayName("data holding an unescaped < is refused")
        void refused() {
            assertThrows(IllegalArgumentException.class, () -> DashboardPage.render("{\"a\": \"</script>\"}"));
        }
    }

    @Nested
    @DisplayName("nothing to load")
    class NothingToLoad {
        @Test
        @DisplayName("no web address anywhere")
        void noAddress() {
            String page = ordinaryPage();
            assertFalse(page.contains("http://") || page.contains("https://"));
        }

        @Test
        @DisplayName("no src attribute")
        void noSrc() {
            assertEquals(List.of(), attributeValues(ordinaryPage(), "src"));
        }

        @Test
        @DisplayName("every link stays in the page or is a data address")
        void hrefs() {
            List<String> outside = attributeValues(ordinaryPage(), "href").stream()
                    .filter(href -> !href.startsWith("#") && !href.startsWith("data:")).toList();
            assertEquals(List.of(), outside);
        }

        @Test
        @DisplayName("no stylesheet import or url() in the styles")
        void noCssFetch() {
            String page = ordinaryPage();
            assertFalse(page.contains("@import") || page.contains("url("));
        }

        @Test
        @DisplayName("the security policy allows no source by default")
        void defaultNone() {
            assertTrue(PageParts.policy(ordinaryPage()).startsWith("default-src 'none';"));
        }

        @Test
        @DisplayName("the security policy names the inline script by its hash")
        void scriptHash() throws NoSuchAlgorithmException {
            String page = ordinaryPage();
            assertTrue(PageParts.policy(page).contains("script-src " + sha256(PageParts.script(page)) + ";"));
        }

        @Test
        @DisplayName("the security policy names the inline stylesheet by its hash")
        void styleHash() throws NoSuchAlgorithmException {
            String page = ordinaryPage();
            assertTrue(PageParts.policy(page).contains("style-src " + sha256(PageParts.style(page)) + ";"));
        }
    }

    @Nested
    @DisplayName("script and stylesheet")
    class ScriptAndStyle {
        @Test
        @DisplayName("neither holds </, which could end its element")
        void noEndTag() {
            assertFalse(WebAssets.JS.contains("</") || WebAssets.CSS.contains("</"));
        }

        @Test
        @DisplayName("the stylesheet hides the controls in print")
        void print() {
            assertTrue(WebAssets.CSS.contains("@media print"));
        }
    }

    @Nested
    @DisplayName("hooks for browser tests")
    class Hooks {
        @Test
        @DisplayName("every element the browser test looks for is in the page")
        void ids() {
            String page = ordinaryPage();
            List<String> missing = List.of("id=\"students\"", "id=\"filter\"", "id=\"step-filter\"", "id=\"shown-count\"",
                            "id=\"download-csv\" download=\"students.csv\"", "<dialog id=\"detail\"", "id=\"stat-students\"",
                            "id=\"stat-submitted\"", "id=\"stat-not-submitted\"", "id=\"stat-mean\"", "id=\"stat-median\"",
                            "id=\"stat-serial\"")
                    .stream().filter(hook -> !page.contains(hook)).toList();
            assertEquals(List.of(), missing);
        }

        @Test
        @DisplayName("every input has a label")
        void labels() {
            String page = ordinaryPage();
            assertTrue(page.contains("<label for=\"filter\">") && page.contains("<label for=\"step-filter\">"));
        }
    }
}
