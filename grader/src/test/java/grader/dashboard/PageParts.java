package grader.dashboard;

import grader.json.GraderJson;
import java.util.Map;

/** Cuts a generated page into the parts the tests look at. */
final class PageParts {
    private PageParts() {
    }

    /** The text between {@code start} and the next {@code end} after it. */
    static String between(String page, String start, String end) {
        int from = page.indexOf(start);
        if (from < 0) {
            throw new AssertionError("the page has no " + start);
        }
        from += start.length();
        return page.substring(from, page.indexOf(end, from));
    }

    /** The page's data, parsed. */
    static Map<String, Object> data(String page) {
        return GraderJson.readObject(between(page, "<script type=\"application/json\" id=\"data\">", "</script>"));
    }

    /** The text of the page's executable script. */
    static String script(String page) {
        return between(page, "<script>", "</script>");
    }

    /** The text of the page's stylesheet. */
    static String style(String page) {
        return between(page, "<style>", "</style>");
    }

    /** The page's Content-Security-Policy. */
    static String policy(String page) {
        return between(page, "<meta http-equiv=\"Content-Security-Policy\" content=\"", "\">");
    }
}
