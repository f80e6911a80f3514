package grader.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Covers {@link Csv}: RFC 4180 records, and what spreadsheet programs add to them. */
@DisplayName("CSV reader")
class CsvTest {

    @Nested
    @DisplayName("fields")
    class Fields {
        @Test
        @DisplayName("splits a record at commas")
        void plain() {
            assertEquals(List.of(List.of("a", "b", "c")), Csv.parse("a,b,c"));
        }

        @Test
        @DisplayName("keeps empty fields, at the start, the middle and the end")
        void empty() {
            assertEquals(List.of(List.of("", "b", "", "")), Csv.parse(",b,,"));
        }

        @Test
        @DisplayName("keeps a comma inside quotes")
        void quotedComma() {
            assertEquals(List.of(List.of("Doe, Jane", "x")), Csv.parse("\"Doe, Jane\",x"));
        }

        @Test
        @DisplayName("reads a doubled quote inside quotes as one quote")
        void doubledQuote() {
            assertEquals(List.of(List.of("say \"hi\"")), Csv.parse("\"say \"\"hi\"\"\""));
        }

        @Test
        @DisplayName("keeps a line break inside quotes")
        void quotedLineBreak() {
            assertEquals(List.of(List.of("two\r\nlines", "x")), Csv.parse("\"two\r\nlines\",x"));
        }

        @Test
        @DisplayName("reads an empty quoted field as empty")
        void emptyQuoted() {
            assertEquals(List.of(List.of("", "x")), Csv.parse("\"\",x"));
        }

        @Test
        @DisplayName("keeps a quote that is not at the start of a field as text")
        void innerQuote() {
            assertEquals(List.of(List.of("5\" disk")), Csv.parse("5\" disk"));
        }
    }

    @Nested
    @DisplayName("records")
    class Records {
        @Test
        @DisplayName("ends a record at CRLF")
        void crlf() {
            assertEquals(List.of(List.of("a", "b"), List.of("c", "d")), Csv.parse("a,b\r\nc,d\r\n"));
        }

        @Test
        @DisplayName("ends a record at a bare LF")
        void lf() {
            assertEquals(List.of(List.of("a"), List.of("b")), Csv.parse("a\nb\n"));
        }

        @Test
        @DisplayName("ends a record at a bare CR")
        void cr() {
            assertEquals(List.of(List.of("a"), List.of("b")), Csv.parse("a\rb"));
        }

        @Test
        @DisplayName("reads the last record without a line break")
        void noFinalLineBreak() {
            assertEquals(List.of(List.of("a"), List.of("b", "")), Csv.parse("a\r\nb,"));
        }

        @Test
        @DisplayName("skips blank lines")
        void blankLines() {
            assertEquals(List.of(List.of("a"), List.of("b")), Csv.parse("a\r\n\r\n\nb\r\n\r\n"));
        }

        @Test
        @DisplayName("reads nothing from empty text")
        void emptyText() {
            assertEquals(List.of(), Csv.parse(""));
        }
    }

    @Nested
    @DisplayName("byte order mark")
    class ByteOrderMark {
        @Test
        @DisplayName("drops a leading byte order mark")
        void leading() {
            assertEquals(List.of(List.of("github_username")), Csv.parse("\uFEFFgithub_username"));
        }

        @Test
        @DisplayName("keeps one that is not leading, as text")
        void inside() {
            assertEquals(List.of(List.of("a\uFEFF")), Csv.parse("a\uFEFF"));
        }
    }

    @Nested
    @DisplayName("broken text")
    class Broken {
        @Test
        @DisplayName("rejects a quoted field that is never closed, naming the line it starts on")
        void unclosedQuote() {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> Csv.parse("a,b\r\nc,\"d\r\ne"));
            assertEquals("the quoted field that starts on line 2 is never closed", error.getMessage());
        }
    }
}
