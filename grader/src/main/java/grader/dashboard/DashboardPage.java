package grader.dashboard;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The dashboard as one self-contained HTML file: markup, stylesheet and script ({@link WebAssets}) and
 * data inline, so it opens from disk or any static host and loads
 * nothing. Its Content-Security-Policy allows no source at all but the page's own style and script,
 * named by their SHA-256 hashes, so even text that slipped past the escaping could not run or fetch.
 *
 * <p>The data sits in {@code <script type="application/json" id="data">}: JSON the browser never runs,
 * and in which {@code <} is always escaped, so no student text can end the element.
 */
final class DashboardPage {
    private static final String DATA = "@DATA@";
    /** The page with everything but the data filled in, which never changes. */
    private static final String PAGE = WebAssets.TEMPLATE.replace("@POLICY@", policy())
            .replace("@STYLE@", WebAssets.CSS)
            .replace("@SCRIPT@", WebAssets.JS);

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
        return "default-src 'none'; style-src " + hash(WebAssets.CSS) + "; script-src " + hash(WebAssets.JS)
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
