package grader.dashboard;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads comma-separated values as RFC 4180 defines them: fields in double quotes may hold commas, line
 * breaks and doubled quotes; records end with CRLF (a bare LF or CR is accepted too, because files
 * edited by hand end up with either). A leading byte order mark is dropped, as spreadsheet programs
 * write one, and blank lines are skipped.
 */
final class Csv {
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private Csv() {
    }

    /**
     * The records of {@code text}, each a list of its fields.
     *
     * @throws IllegalArgumentException when a quoted field is never closed, naming the line it starts on
     */
    static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        int line = 1;
        int quoteLine = 0;
        int start = !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? 1 : 0;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    line += c == '\n' ? 1 : 0;
                    field.append(c);
                }
            } else if (c == '"' && !fieldStarted) {
                quoted = true;
                fieldStarted = true;
                quoteLine = line;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
                fieldStarted = false;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                line++;
                record.add(field.toString());
                addUnlessBlank(records, record);
                record = new ArrayList<>();
                field.setLength(0);
                fieldStarted = false;
            } else {
                // Text after a closing quote is kept as it is, the way spreadsheet programs read it.
                field.append(c);
                fieldStarted = true;
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("the quoted field that starts on line " + quoteLine + " is never closed");
        }
        if (fieldStarted || !record.isEmpty()) {
            record.add(field.toString());
            addUnlessBlank(records, record);
        }
        return records;
    }

    private static void addUnlessBlank(List<List<String>> records, List<String> record) {
        if (record.size() > 1 || !record.get(0).isEmpty()) {
            records.add(List.copyOf(record));
        }
    }
}
