package multiprocessing.tools;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import multiprocessing.tools.Timeline.Bar;
import multiprocessing.tools.Timeline.Lane;
import multiprocessing.tools.Timeline.Lifetime;

/**
 * Writes a timeline as a Mermaid {@code gantt} chart, which GitHub renders in Markdown (job summaries,
 * issues): one {@code section} per lane that has something to show, one line per bar, times in
 * milliseconds since the run started ({@code dateFormat x}), compact display so that a lane's bars
 * share a row. A task that never finished is {@code active} and says {@code (unfinished)}; a run seen
 * from outside ({@link Timeline#within}) shows the main program's life on its lane, {@code active}
 * and {@code (stopped)} when it was stopped, as is every {@code Process} still alive then.
 *
 * <p>Names from the trace are reduced to letters, digits, spaces and {@code _ . $ ( ) ,}: none of them
 * means anything to Mermaid, so a function name cannot end a label ({@code :}), start a comment or a
 * directive ({@code #}, {@code %%}), end a statement ({@code ;}, a line break), or carry markup
 * ({@code <}, {@code >}, quotes, backticks). A label that begins like one of Mermaid's keywords
 * ({@code section}, {@code click}, ...) gets a prefix. The chart stays below {@link #MAX_CHARS}
 * characters, well inside Mermaid's default limit of 50,000: when {@code maxBars} lines would not fit,
 * fewer, merged bars are drawn.
 */
final class MermaidTimeline {
    /** Most characters in one chart. */
    static final int MAX_CHARS = 40_000;

    private static final int MAX_TITLE = 400;
    private static final String LABEL_SIGNS = " _.$(),";
    private static final String TITLE_SIGNS = LABEL_SIGNS + ":?!-";
    /** Words Mermaid's gantt lexer reads at the start of a line, whatever follows them. */
    private static final List<String> KEYWORDS = List.of("acctitle", "accdescr", "href", "call", "click", "gantt",
            "dateformat", "inclusiveenddates", "topaxis", "axisformat", "tickinterval", "includes", "excludes",
            "todaymarker", "weekday", "weekend", "title", "section");

    private final Timeline timeline;
    private final String title;
    private final int maxBars;

    MermaidTimeline(Timeline timeline, String title, int maxBars) {
        this.timeline = timeline;
        this.title = title == null ? "Timeline" : title;
        this.maxBars = Math.max(1, maxBars);
    }

    /** The chart, without Markdown fences. */
    String render() {
        // Long labels can make even maxBars lines too long for Mermaid: halve the bars until it fits.
        int bars = maxBars;
        while (true) {
            String chart = render(bars);
            if (chart.length() <= MAX_CHARS || bars == 1) {
                return chart;
            }
            bars = Math.max(1, bars / 2);
        }
    }

    private String render(int most) {
        List<Bar> bars = new ArrayList<>(BarMerger.merge(timeline.tasks(), most));
        List<Bar> open = BarMerger.merge(timeline.unfinishedTasks(), Math.max(1, most / 4));
        // The verdict already says who stopped the run: only what the reading left out goes here.
        List<String> notes = timeline.readingNotes();
        if (bars.size() < timeline.taskCount()) {
            notes.add("The " + Labels.count(timeline.taskCount(), "task") + " are drawn as "
                    + Labels.count(bars.size(), "bar") + ".");
        }
        if (open.size() < timeline.unfinishedTasks().size()) {
            notes.add("The " + Labels.count(timeline.unfinishedTasks().size(), "unfinished task") + " are drawn as "
                    + Labels.count(open.size(), "bar") + ".");
        }
        bars.addAll(open);
        Optional<Run.Frame> frame = timeline.frame();
        boolean stopped = frame.map(Run.Frame::stopped).orElse(false);
        StringBuilder body = new StringBuilder();
        for (Lane lane : timeline.lanes()) {
            StringBuilder section = new StringBuilder();
            if (lane.kind() == Lane.Kind.MAIN && frame.isPresent() && frame.get().mainPid() == lane.pid()) {
                section.append(stopped ? line("main program (stopped)", "active", frame.get().startUs(), frame.get().endUs())
                        : line("main program", "done", frame.get().startUs(), frame.get().endUs()));
            }
            for (Lifetime lifetime : timeline.lifetimes()) {
                if (lifetime.lane().equals(lane.name())) {
                    section.append(!lifetime.exited() && stopped
                            ? line("alive (stopped)", "active", lifetime.startUs(), lifetime.endUs())
                            : line("alive", "done", lifetime.startUs(), lifetime.endUs()));
                }
            }
            for (Bar bar : bars) {
                if (bar.lane().equals(lane.name())) {
                    section.append(!bar.finished() ? line(bar.label() + " (unfinished)", "active", bar.startUs(), bar.endUs())
                            : line(bar.label(), bar.ok() ? "" : "crit", bar.startUs(), bar.endUs()));
                }
            }
            if (!section.isEmpty()) {
                body.append("    section ").append(fallback(sanitize(lane.name(), LABEL_SIGNS), "process")).append('\n')
                        .append(section);
            }
        }
        // A semicolon would end the title: the verdict's become commas.
        String heading = sanitize((title + ": " + timeline.verdict() + (notes.isEmpty() ? "" : " " + String.join(" ", notes)))
                .replace(';', ','), TITLE_SIGNS);
        if (heading.length() > MAX_TITLE) {
            heading = heading.substring(0, MAX_TITLE - 3) + "...";
        }
        return "---\ndisplayMode: compact\n---\ngantt\n    title " + fallback(heading, "Timeline") + "\n    dateFormat x\n"
                + "    axisFormat " + axisFormat() + "\n" + body;
    }

    private String line(String label, String tag, long startUs, long endUs) {
        long from = (startUs - timeline.startUs()) / 1_000;
        // Mermaid draws nothing for an empty bar: give the shortest tasks one millisecond.
        long to = Math.max(from + 1, (endUs - timeline.startUs() + 999) / 1_000);
        return "    " + taskLabel(label) + " :" + (tag.isEmpty() ? "" : tag + ", ") + from + ", " + to + "\n";
    }

    private String axisFormat() {
        long span = timeline.endUs() - timeline.startUs();
        return span < 60_000_000L ? "%S.%L" : "%M:%S";
    }

    private static String taskLabel(String text) {
        String label = fallback(sanitize(text, LABEL_SIGNS), "task");
        String lower = label.toLowerCase(Locale.ROOT);
        return KEYWORDS.stream().anyMatch(lower::startsWith) ? "task " + label : label;
    }

    /**
     * {@code text} with every character that is neither a letter, a digit nor one of {@code signs} turned
     * into a space, runs of spaces made one, and no spaces at either end.
     */
    static String sanitize(String text, String signs) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            boolean keep = Character.isLetterOrDigit(c) || (c < 0x80 && signs.indexOf(c) >= 0);
            if (keep && c != ' ') {
                out.appendCodePoint(c);
            } else if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                out.append(' ');
            }
        });
        return out.toString().strip();
    }

    private static String fallback(String text, String otherwise) {
        return text.isEmpty() ? otherwise : text;
    }
}
