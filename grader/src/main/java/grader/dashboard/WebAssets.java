package grader.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The dashboard's page template, stylesheet and script, kept as files beside this class
 * ({@code src/main/resources/grader/dashboard}) where editors and ESLint read them as what they are.
 * They are read once; the page inlines them, and its Content-Security-Policy hashes these very bytes.
 */
final class WebAssets {
    /** The page, with {@code @POLICY@}, {@code @STYLE@}, {@code @DATA@} and {@code @SCRIPT@} to fill in. */
    static final String TEMPLATE = read("dashboard.html");
    /** The stylesheet. */
    static final String CSS = read("dashboard.css");
    /**
     * The script of the page's single executable {@code <script>} element: it reads the JSON in
     * {@code #data} and builds every section with DOM calls, putting student text in only through
     * {@code textContent} and attribute values (ESLint holds it to that, see {@code .ci/lint-scripts}).
     */
    static final String JS = read("dashboard.js");

    private WebAssets() {
    }

    private static String read(String name) {
        try (InputStream in = WebAssets.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the grader jar lacks grader/dashboard/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read grader/dashboard/" + name, e);
        }
    }
}
