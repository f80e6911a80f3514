package grader.dashboard;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The dashboard as one self-contained HTML file: markup, {@link DashboardStyle stylesheet},
 * {@link DashboardScript script} and data inline, so it opens from disk or any static host and loads
 * nothing. Its Content-Security-Policy allows no source at all but the page's own style and script,
 * named by their SHA-256 hashes, so even text that slipped past the escaping could not run or fetch.
 *
 * <p>The data sits in {@code <script type="application/json" id="data">}: JSON the browser never runs,
 * and in which {@code <} is always escaped, so no student text can end the element.
 */
final class DashboardPage {
    private static final String DATA = "@DATA@";
    private static final String TEMPLATE = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="@POLICY@">
            <meta name="referrer" content="no-referrer">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Grade dashboard</title>
            <link rel="icon" href="data:,">
            <style>@STYLE@</style>
            </head>
            <body>
            <a class="skip" href="#students-section">Skip to the students</a>
            <header>
            <h1>Grade dashboard</h1>
            <p class="muted" id="generated"></p>
            </header>
            <nav aria-label="Sections">
            <ul>
            <li><a href="#overview">Overview</a></li>
            <li><a href="#per-step">Per step</a></li>
            <li><a href="#students-section">Students</a></li>
            </ul>
            </nav>
            <main>
            <noscript><p>This dashboard draws its tables and charts with JavaScript; please allow it for this file.</p></noscript>
            <section id="overview" aria-labelledby="overview-title">
            <h2 id="overview-title">Overview</h2>
            <dl class="stats">
            <div><dt>Students</dt><dd id="stat-students"></dd></div>
            <div><dt>Submitted</dt><dd id="stat-submitted"></dd></div>
            <div><dt>Not submitted</dt><dd id="stat-not-submitted"></dd></div>
            <div><dt>Mean score</dt><dd id="stat-mean"></dd></div>
            <div><dt>Median score</dt><dd id="stat-median"></dd></div>
            <div><dt>Serial or single-process runs</dt><dd id="stat-serial"></dd></div>
            </dl>
            <p class="muted" id="scores-note"></p>
            <figure>
            <svg id="histogram" viewBox="0 0 640 230" role="img" aria-labelledby="histogram-title"><title id="histogram-title">Score histogram</title></svg>
            <figcaption>Students per band of 10 points; the last band holds 90 to 100.</figcaption>
            </figure>
            </section>
            <section id="per-step" aria-labelledby="per-step-title">
            <h2 id="per-step-title">Per step</h2>
            <div class="columns">
            <div>
            <h3>Pass rate per step</h3>
            <p class="muted">A step passes when every one of its tests passes.</p>
            <div id="step-rates"></div>
            <h3>Most failed tests</h3>
            <ol id="top-failures"></ol>
            </div>
            <div>
            <h3>Pass rate per test</h3>
            <div id="test-rates"></div>
            </div>
            </div>
            </section>
            <section id="students-section" aria-labelledby="students-title">
            <h2 id="students-title">Students</h2>
            <div class="controls">
            <div><label for="filter">Filter by login or flag</label><input id="filter" type="search" autocomplete="off" spellcheck="false"></div>
            <div><label for="step-filter">Show</label><select id="step-filter"></select></div>
            <div><a id="download-csv" download="students.csv" href="#">Download CSV of the students shown</a></div>
            </div>
            <p id="shown-count" role="status"></p>
            <div class="table-wrap">
            <table id="students" role="table">
            <caption>Students; a login opens the student's tests. Column headers sort.</caption>
            <thead role="rowgroup"><tr role="row"></tr></thead>
            <tbody role="rowgroup"></tbody>
            </table>
            </div>
            </section>
            </main>
            <dialog id="detail" aria-labelledby="detail-title">
            <div class="detail-inner">
            <div class="detail-head"><h2 id="detail-title"></h2><button type="button" id="detail-close">Close</button></div>
            <div id="detail-body"></div>
            </div>
            </dialog>
            <script type="application/json" id="data">@DATA@</script>
            <script>@SCRIPT@</script>
            </body>
            </html>
            """;
    /** The page with everything but the data filled in, which never changes. */
    private static final String PAGE = TEMPLATE.replace("@POLICY@", policy())
            .replace("@STYLE@", DashboardStyle.CSS)
            .replace("@SCRIPT@", DashboardScript.JS);

    private DashboardPage() {
    }

    /**
     * The page showing {@code dataJson}, as {@link DashboardData} writes it.
     *
     * @throws IllegalArgumentException when the data holds {@code <}, which could end its element
     */
    static String render(String dataJson) {
        if (dataJson.indexOf('<') >= 0) {
            throw new IllegalArgumentException("the page data holds an unescaped '<'");
        }
        return PAGE.replace(DATA, dataJson);
    }

    /**
     * Nothing may load: no network, no frame, no plugin. Only the page's own style and script may
     * apply, and the favicon is the empty data address, so the browser asks no server for one.
     */
    static String policy() {
        return "default-src 'none'; style-src " + hash(DashboardStyle.CSS) + "; script-src " + hash(DashboardScript.JS)
                + "; img-src data:; base-uri 'none'; form-action 'none'";
    }

    private static String hash(String source) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(source.getBytes(StandardCharsets.UTF_8));
            return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
