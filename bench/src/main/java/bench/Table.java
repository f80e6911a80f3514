package bench;

import java.util.ArrayList;
import java.util.List;

/** A table of text cells, written either aligned for the console or as a markdown table. */
final class Table {
    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    Table(String... headers) {
        this.headers = List.of(headers);
    }

    /** Adds a row; missing cells are left empty, extra cells are an error. */
    Table row(String... cells) {
        if (cells.length > headers.size()) {
            throw new IllegalArgumentException("a row of " + cells.length + " cells in a table of " + headers.size());
        }
        List<String> row = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            row.add(i < cells.length && cells[i] != null ? cells[i] : "");
        }
        rows.add(row);
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    /** Columns padded to their widest cell, a rule under the header. */
    String console() {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = headers.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, headers, widths);
        List<String> rule = new ArrayList<>();
        for (int width : widths) {
            rule.add("-".repeat(width));
        }
        line(out, rule, widths);
        for (List<String> row : rows) {
            line(out, row, widths);
        }
        return out.toString();
    }

    /** A GitHub-flavoured markdown table; pipes inside cells are escaped. */
    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("| ").append(String.join(" | ", escape(headers))).append(" |\n");
        out.append("|").append("---|".repeat(headers.size())).append('\n');
        for (List<String> row : rows) {
            out.append("| ").append(String.join(" | ", escape(row))).append(" |\n");
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append("  ");
            }
            line.append(cells.get(i)).append(" ".repeat(widths[i] - cells.get(i).length()));
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    private static List<String> escape(List<String> cells) {
        return cells.stream().map(cell -> cell.replace("|", "\\|")).toList();
    }
}
