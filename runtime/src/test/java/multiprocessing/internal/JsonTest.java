package multiprocessing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Covers {@link Json#quote}: JSON string literals with every special character escaped. */
@DisplayName("Json.quote")
class JsonTest {

    @Test
    @DisplayName("puts plain text in double quotes")
    void plain() {
        assertEquals("\"pool_start\"", Json.quote("pool_start"));
    }

    @Test
    @DisplayName("keeps non-ASCII letters as they are")
    void unicode() {
        assertEquals("\"héllo ✓\"", Json.quote("héllo ✓"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            double quote     | "           | \\"
            backslash        | \\          | \\\\
            """)
    @DisplayName("escapes quotes and backslashes")
    void quoteAndBackslash(String name, String raw, String escaped) {
        assertEquals("\"" + escaped + "\"", Json.quote(raw));
    }

    @Test
    @DisplayName("escapes line feed, carriage return and tab by name")
    void namedControls() {
        assertEquals("\"a\\nb\\rc\\td\"", Json.quote("a\nb\rc\td"));
    }

    @Test
    @DisplayName("escapes other control characters as \\u00XX")
    void otherControls() {
        assertEquals("\"\\u0000\\u0001\\u001f\"", Json.quote("\u0000\u0001\u001f"));
    }

    @Test
    @DisplayName("escapes <, > and & so a trace can sit inside a web page")
    void htmlSpecials() {
        assertEquals("\"\\u003cscript\\u003e \\u0026\"", Json.quote("<script> &"));
    }

    @Test
    @DisplayName("escapes the line and paragraph separators U+2028 and U+2029")
    void separators() {
        assertEquals("\"\\u2028\\u2029\"", Json.quote("\u2028\u2029"));
    }

    @Test
    @DisplayName("quotes the empty string as two quotes")
    void empty() {
        assertEquals("\"\"", Json.quote(""));
    }
}
