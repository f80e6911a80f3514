package bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The report as a list of sections, each with paragraphs and tables, written once for the console
 * and once as markdown. Sections marked as details appear only in the markdown file.
 */
final class Report {
    private final String title;
    private final List<Section> sections = new ArrayList<>();

    Report(String title) {
        this.title = title;
    }

    /** Starts a section that appears in both forms. */
    Section section(String heading) {
        Section section = new Section(heading, false);
        sections.add(section);
        return section;
    }

    /** Starts a section that only the markdown file has (the method notes, the commands). */
    Section details(String heading) {
        Section section = new Section(heading, true);
        sections.add(section);
        return section;
    }

    String console() {
        StringBuilder out = new StringBuilder();
        out.append('\n').append("=".repeat(title.length())).append('\n').append(title).append('\n')
                .append("=".repeat(title.length())).append('\n');
        for (Section section : sections) {
            if (section.markdownOnly) {
                continue;
            }
            out.append('\n').append("== ").append(section.heading).append(" ==\n");
            for (Object part : section.parts) {
                out.append(part instanceof Table table ? table.console() : part + "\n");
            }
        }
        return out.toString();
    }

    String markdown() {
        StringBuilder out = new StringBuilder("# ").append(title).append("\n");
        for (Section section : sections) {
            out.append("\n## ").append(section.heading).append("\n\n");
            for (Object part : section.parts) {
                out.append(part instanceof Table table ? table.markdown() : part + "\n").append('\n');
            }
        }
        return out.toString();
    }

    /** A heading with its paragraphs and tables, in order. */
    static final class Section {
        private final String heading;
        private final boolean markdownOnly;
        private final List<Object> parts = new ArrayList<>();

        private Section(String heading, boolean markdownOnly) {
            this.heading = heading;
            this.markdownOnly = markdownOnly;
        }

        /** Adds a paragraph (markdown inline syntax is fine: the console shows it as is). */
        Section text(String paragraph) {
            parts.add(paragraph);
            return this;
        }

        /** Adds a table, unless it has no rows. */
        Section table(Table table) {
            if (!table.isEmpty()) {
                parts.add(table);
            }
            return this;
        }
    }
}
