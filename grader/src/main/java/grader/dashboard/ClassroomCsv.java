package grader.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * GitHub Classroom's grades export ({@code grades.csv}, the assignment's <em>Download grades</em>):
 * one row per student with the columns {@value #EXPECTED_COLUMNS}, and {@code group_name} for group
 * assignments. Columns are found by their header name, so their order does not matter and any column
 * but {@code github_username} may be missing.
 */
final class ClassroomCsv {
    /** The export's columns, for messages. */
    static final String EXPECTED_COLUMNS = "assignment_name, assignment_url, starter_code_url, github_username, "
            + "roster_identifier, student_repository_name, student_repository_url, submission_timestamp, "
            + "points_awarded, points_available";
    private static final String USERNAME = "github_username";
    private static final String BYTE_ORDER_MARK = "\uFEFF";
    /**
     * RFC 4180, as Classroom writes it, read the way spreadsheet programs read a file edited by hand:
     * blank lines are skipped, and text after a closing quote is kept rather than refused.
     */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(true)
            .setTrailingData(true)
            .get();

    private ClassroomCsv() {
    }

    /** Reads the export at {@code file}; errors name the file. */
    static List<ClassroomRow> read(Path file) throws IOException {
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The rows of an export, in file order.
     *
     * @throws IllegalArgumentException when the text is empty, has no {@code github_username} column or
     *                                  is not CSV (a quoted field that is never closed, say)
     */
    static List<ClassroomRow> parse(String text) {
        List<List<String>> records = records(text);
        if (records.isEmpty()) {
            throw new IllegalArgumentException("the Classroom CSV is empty; expected a header row with " + EXPECTED_COLUMNS);
        }
        Map<String, Integer> columns = columns(records.get(0));
        if (!columns.containsKey(USERNAME)) {
            throw new IllegalArgumentException("the Classroom CSV has no " + USERNAME
                    + " column, so its rows cannot be matched to students. Expected GitHub Classroom's grades export ("
                    + EXPECTED_COLUMNS + "); found: " + String.join(", ", records.get(0)));
        }
        List<ClassroomRow> rows = new ArrayList<>();
        for (List<String> record : records.subList(1, records.size())) {
            Cells cells = new Cells(record, columns);
            rows.add(new ClassroomRow(cells.text(USERNAME), cells.text("roster_identifier"),
                    cells.firstColumn("student_repository_url", "student_repository_name"),
                    cells.text("submission_timestamp"),
                    cells.number("points_awarded"), cells.number("points_available")));
        }
        return rows;
    }

    /**
     * The CSV records of {@code text}, header first, blank lines skipped. The header is not given to the
     * parser as one, because its names are matched here loosely (case, spaces) and the first of two equal
     * names must win rather than fail the file.
     */
    private static List<List<String>> records(String text) {
        // Spreadsheet programs start a saved file with a byte order mark; it is not part of the first name.
        String body = text.startsWith(BYTE_ORDER_MARK) ? text.substring(1) : text;
        List<List<String>> records = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(body, FORMAT)) {
            for (CSVRecord record : parser) {
                records.add(record.toList());
            }
        } catch (UncheckedIOException e) {
            // The parser reads lazily, so its errors come wrapped; the cause says where and what.
            throw notCsv(e.getCause());
        } catch (IOException | IllegalStateException e) {
            throw notCsv(e);
        }
        return records;
    }

    private static IllegalArgumentException notCsv(Throwable cause) {
        return new IllegalArgumentException("it is not valid CSV: " + cause.getMessage()
                + ". Save the file from Classroom again, or check that every quoted cell is closed.", cause);
    }

    /** Header name (trimmed, lower case) to column index; the first of two equal names wins. */
    private static Map<String, Integer> columns(List<String> header) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            columns.putIfAbsent(header.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        return columns;
    }

    /** One record's cells, looked up by column name. */
    private record Cells(List<String> record, Map<String, Integer> columns) {
        /** The trimmed cell, empty when the row is short, {@code null} when the column is missing. */
        String text(String column) {
            Integer index = columns.get(column);
            if (index == null) {
                return null;
            }
            return index < record.size() ? record.get(index).strip() : "";
        }

        /** The cell of the first of the columns the file has, {@code null} when it has neither. */
        String firstColumn(String column, String fallback) {
            return columns.containsKey(column) ? text(column) : text(fallback);
        }

        /** The cell as a number, {@code null} when missing, empty or not a number. */
        Double number(String column) {
            String text = text(column);
            if (text == null || text.isEmpty()) {
                return null;
            }
            try {
                double value = Double.parseDouble(text);
                return Double.isFinite(value) ? value : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
