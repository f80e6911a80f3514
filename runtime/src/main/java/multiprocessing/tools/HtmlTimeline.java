package multiprocessing.tools;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import multiprocessing.tools.Timeline.Bar;
import multiprocessing.tools.Timeline.Lane;
import multiprocessing.tools.Timeline.Lifetime;
import multiprocessing.tools.Timeline.Mark;

/**
 * Draws a timeline as one self-contained web page: inline CSS and an inline SVG, no script, and a
 * Content Security Policy that forbids fetching anything, so a page made from a hostile trace can do
 * no more than show text. Every name from the trace is escaped. The page is also well-formed XML, so
 * tests (and tools) can read its elements back.
 *
 * <p>Elements carry stable classes and data attributes: {@code g.lane[data-lane][data-pid]},
 * {@code rect.task[data-lane][data-start-us][data-end-us][data-items][data-tasks]},
 * {@code circle.callback[data-lane][data-time-us]}, {@code path.worker-exit},
 * {@code rect.lifetime[data-lane][data-start-us][data-end-us]}; a task that never finished is a
 * {@code rect.task.unfinished}; a run seen from outside ({@link Timeline#within}) adds the main
 * program's life, {@code rect.main-life[data-start-us][data-end-us]} ({@code .stopped} when it was
 * stopped), and the moment it was stopped, {@code line.stop[data-time-us]}. Times are the trace's own
 * microseconds.
 */
final class HtmlTimeline {
    /** Most callbacks and worker deaths marked; beyond it, only every n-th is drawn. */
    static final int MAX_MARKS = 500;
    /** Most bars of tasks that never finished; beyond it, they are merged like the others. */
    static final int MAX_UNFINISHED_BARS = 200;

    private static final int WIDTH = 960;
    private static final int LABELS = 190;
    private static final int PLOT = 740;
    private static final int AXIS = 34;
    private static final int LANE = 30;
    private static final int MAX_TITLE = 200;
    private static final int MAX_LANE_LABEL = 24;

    /** The page's stylesheet, kept as a file beside this class ({@code timeline.css}). */
    private static final String STYLE = readStyle();

    private final Timeline timeline;
    private final String title;
    private final long start;
    private final long span;
    private final FunctionColors colors;
    private final StringBuilder out = new StringBuilder(64 * 1024);

    HtmlTimeline(Timeline timeline, String title) {
        this.timeline = timeline;
        this.title = Labels.clean(title == null ? "Timeline" : title, MAX_TITLE);
        this.start = timeline.startUs();
        this.span = Math.max(1, timeline.endUs() - timeline.startUs());
        List<Bar> all = new ArrayList<>(timeline.tasks());
        all.addAll(timeline.unfinishedTasks());
        this.colors = new FunctionColors(all);
    }

    /** The whole page. */
    String render() {
        List<Bar> bars = new ArrayList<>(BarMerger.merge(timeline.tasks(), Timeline.MAX_BARS));
        List<Bar> open = BarMerger.merge(timeline.unfinishedTasks(), MAX_UNFINISHED_BARS);
        List<Mark> marks = thin(timeline.marks());
        List<String> notes = new ArrayList<>(timeline.notes());
        if (bars.size() < timeline.taskCount()) {
            notes.add("The " + Labels.count(timeline.taskCount(), "task") + " are drawn as "
                    + Labels.count(bars.size(), "bar") + ": neighbouring tasks on a lane were merged into bars that"
                    + " say how many tasks they stand for.");
        }
        if (open.size() < timeline.unfinishedTasks().size()) {
            notes.add("The " + Labels.count(timeline.unfinishedTasks().size(), "unfinished task") + " are drawn as "
                    + Labels.count(open.size(), "bar") + ".");
        }
        bars.addAll(open);
        if (marks.size() < timeline.marks().size()) {
            notes.add("Only " + marks.size() + " of " + Labels.count(timeline.marks().size(), "callback")
                    + " and worker deaths are marked.");
        }
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<title>").append(escape(title)).append("</title>\n<style>\n");
        out.append(STYLE).append(FunctionColors.css());
        out.append("</style>\n</head>\n<body>\n<h1>").append(escape(title)).append("</h1>\n");
        out.append("<p class=\"verdict\">").append(escape(timeline.verdict())).append("</p>\n");
        out.append("<p class=\"summary\">").append(escape(summary())).append("</p>\n");
        if (!notes.isEmpty()) {
            out.append("<ul class=\"notes\">\n");
            notes.forEach(note -> out.append("<li>").append(escape(note)).append("</li>\n"));
            out.append("</ul>\n");
        }
        svg(bars, marks);
        legend(bars, marks);
        out.append("<p class=\"help\">How to read it: each row is one operating-system process (point at its name"
                + " for its pid). Time runs from left to right, in seconds since the run started. A bar is one task"
                + " batch that a process ran (point at it for its function, items and times); bars stacked above one"
                + " another at the same moment ran at the same time, in parallel. Dots are callbacks, which run in"
                + " the main program; a thin band is the life of a Process" + (timeline.frame().isPresent()
                ? ", or of the main program" : "") + "." + (open.isEmpty() ? "" : " A dashed bar is a task that began"
                + " and never finished: it was still running when its process ended.")
                + (stopped() ? " The red dashed line is the moment the run was stopped." : "")
                + "</p>\n</body>\n</html>\n");
        return out.toString();
    }

    private boolean stopped() {
        return timeline.stoppedBecause().isPresent();
    }

    /** How a run that the trace never saw end ended: "the run ended", or who stopped it. */
    private String ending() {
        return timeline.stoppedBecause().orElse("the run ended");
    }

    private String summary() {
        List<String> parts = new ArrayList<>();
        boolean unfinished = !timeline.unfinishedTasks().isEmpty();
        if (timeline.taskCount() > 0 || timeline.pools() > 0 && !unfinished) {
            parts.add(Labels.count(timeline.taskCount(), "task"));
        }
        if (timeline.taskCount() > 0) {
            parts.add("at most " + timeline.maxConcurrency() + " at once");
            parts.add(Labels.count(timeline.rounds(), "round"));
        }
        if (unfinished) {
            parts.add(Labels.count(timeline.unfinishedTasks().size(), "unfinished task"));
        }
        long callbacks = timeline.marks().stream().filter(m -> m.kind() == Mark.Kind.CALLBACK).count();
        if (callbacks > 0) {
            parts.add(Labels.count(callbacks, "callback"));
        }
        parts.add(Labels.count(timeline.lanes().size(), "process", "processes"));
        parts.add((stopped() ? "the run was stopped after " : "the run took ")
                + Labels.seconds(timeline.endUs() - timeline.startUs()));
        return String.join(" · ", parts);
    }

    private void svg(List<Bar> bars, List<Mark> marks) {
        List<Lane> lanes = timeline.lanes();
        int height = AXIS + lanes.size() * LANE + 8;
        out.append("<figure>\n<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\" width=\"").append(WIDTH)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(height).append("\" role=\"img\" aria-label=\"").append(escape(timeline.verdict())).append("\">\n");
        for (int i = 0; i < lanes.size(); i += 2) {
            out.append("<rect class=\"stripe\" x=\"0\" y=\"").append(AXIS + i * LANE).append("\" width=\"").append(WIDTH)
                    .append("\" height=\"").append(LANE).append("\"/>\n");
        }
        axis(height);
        Map<String, List<Bar>> barsByLane = byLane(bars, Bar::lane);
        Map<String, List<Mark>> marksByLane = byLane(marks, Mark::lane);
        Map<String, List<Lifetime>> lifetimesByLane = byLane(timeline.lifetimes(), Lifetime::lane);
        for (int i = 0; i < lanes.size(); i++) {
            Lane lane = lanes.get(i);
            out.append("<g class=\"lane\" data-lane=\"").append(escape(lane.name())).append("\" data-pid=\"")
                    .append(lane.pid()).append("\" data-kind=\"").append(lane.kind().name().toLowerCase(Locale.ROOT))
                    .append("\" transform=\"translate(0,").append(AXIS + i * LANE).append(")\">\n");
            out.append("<title>").append(escape(lane.name() + ": " + lane.description())).append("</title>\n");
            out.append("<text class=\"lane-name\" x=\"8\" y=\"19\">")
                    .append(escape(Labels.clean(lane.name(), MAX_LANE_LABEL))).append("</text>\n");
            if (lane.puts() > 0 || lane.gets() > 0) {
                out.append("<text class=\"queue\" x=\"").append(LABELS - 6).append("\" y=\"19\" text-anchor=\"end\">")
                        .append(escape(String.format(Locale.ROOT, "%,d put, %,d got", lane.puts(), lane.gets())))
                        .append("</text>\n");
            }
            if (i == 0 && lane.kind() == Lane.Kind.MAIN) {
                timeline.frame().filter(frame -> frame.mainPid() == lane.pid()).ifPresent(this::mainLife);
            }
            lifetimesByLane.getOrDefault(lane.name(), List.of()).forEach(this::lifetime);
            barsByLane.getOrDefault(lane.name(), List.of()).forEach(this::bar);
            marksByLane.getOrDefault(lane.name(), List.of()).forEach(this::mark);
            out.append("</g>\n");
        }
        if (stopped()) {
            stopLine(height);
        }
        out.append("</svg>\n</figure>\n");
    }

    /** The main program's life, from the start of the run to its end: known only from outside the trace. */
    private void mainLife(Run.Frame frame) {
        double x = x(frame.startUs());
        double width = Math.max(1.5, x(frame.endUs()) - x);
        out.append("<rect class=\"main-life").append(frame.stopped() ? " stopped" : "")
                .append("\" data-lane=\"main\" data-pid=\"").append(frame.mainPid()).append("\" data-start-us=\"")
                .append(frame.startUs()).append("\" data-end-us=\"").append(frame.endUs()).append("\" x=\"")
                .append(coordinate(x)).append("\" y=\"23\" width=\"").append(coordinate(width))
                .append("\" height=\"4\"><title>")
                .append(escape("the main program ran from " + Labels.seconds(frame.startUs() - start) + " to "
                        + Labels.seconds(frame.endUs() - start) + (frame.stopped() ? ", when " + frame.stoppedBecause()
                        : ", when it ended") + ", pid " + frame.mainPid()))
                .append("</title></rect>\n");
    }

    /** A line across every lane at the moment the run was stopped. */
    private void stopLine(int height) {
        Run.Frame frame = timeline.frame().orElseThrow();
        String x = coordinate(x(frame.endUs()));
        out.append("<line class=\"stop\" data-time-us=\"").append(frame.endUs()).append("\" x1=\"").append(x)
                .append("\" x2=\"").append(x).append("\" y1=\"").append(AXIS - 6).append("\" y2=\"").append(height - 4)
                .append("\"><title>").append(escape(Labels.capitalized(frame.stoppedBecause()) + ", at "
                        + Labels.seconds(frame.endUs() - start) + ": everything still running was stopped with it"))
                .append("</title></line>\n");
    }

    private void axis(int height) {
        long step = tickStep(span);
        out.append("<g class=\"axis\">\n<text class=\"axis-title\" x=\"8\" y=\"20\">seconds</text>\n");
        for (long tick = 0; tick <= span; tick += step) {
            String x = coordinate(LABELS + (double) tick * PLOT / span);
            out.append("<g class=\"tick\" data-us=\"").append(tick).append("\"><line x1=\"").append(x).append("\" x2=\"")
                    .append(x).append("\" y1=\"").append(AXIS - 6).append("\" y2=\"").append(height - 4)
                    .append("\"/><text x=\"").append(x).append("\" y=\"20\" text-anchor=\"middle\">")
                    .append(escape(Labels.secondsNumber(tick))).append("</text></g>\n");
        }
        out.append("</g>\n");
    }

    /** A round step (1, 2 or 5 times a power of ten microseconds) that gives at most ten ticks. */
    static long tickStep(long span) {
        long step = 1;
        while (true) {
            for (long factor : new long[] {1, 2, 5}) {
                if (span / (step * factor) <= 10) {
                    return step * factor;
                }
            }
            step *= 10;
        }
    }

    private void bar(Bar bar) {
        double x = x(bar.startUs());
        double width = Math.max(1.5, x(bar.endUs()) - x);
        String label = bar.label();
        out.append("<rect class=\"task ").append(colors.cssClass(bar.function())).append(bar.tasks() > 1 ? " merged" : "")
                .append(!bar.finished() ? " unfinished" : bar.ok() ? "" : " failed").append("\" data-lane=\"").append(escape(bar.lane()))
                .append("\" data-pid=\"").append(bar.pid()).append("\" data-start-us=\"").append(bar.startUs())
                .append("\" data-end-us=\"").append(bar.endUs()).append("\" data-items=\"").append(bar.items())
                .append("\" data-tasks=\"").append(bar.tasks()).append("\" x=\"").append(coordinate(x))
                .append("\" y=\"5\" width=\"").append(coordinate(width)).append("\" height=\"16\"><title>")
                .append(escape(describe(bar))).append("</title></rect>\n");
        if (width >= 7 * label.length() + 8) {
            out.append("<text class=\"bar-label\" x=\"").append(coordinate(x + 4)).append("\" y=\"17\">")
                    .append(escape(label)).append("</text>\n");
        }
    }

    private String describe(Bar bar) {
        String what = bar.tasks() == 1 ? bar.label() + " (" + bar.function() + ")"
                : bar.label() + " of " + (bar.function().isEmpty() ? "several functions" : Labels.shortName(bar.function()));
        if (!bar.finished()) {
            // It ends with the run, or earlier when its process was stopped before the run ended.
            String end = bar.endUs() >= timeline.frame().map(Run.Frame::endUs).orElse(timeline.endUs())
                    ? "still running when " + ending() : "its process ended before it finished";
            return what + ": " + Labels.count(bar.items(), "item") + ", " + Labels.seconds(bar.startUs() - start)
                    + " to " + Labels.seconds(bar.endUs() - start) + " (" + Labels.seconds(bar.endUs() - bar.startUs())
                    + "), never finished: " + end + ", " + bar.lane() + ", pid " + bar.pid();
        }
        return what + ": " + Labels.count(bar.items(), "item") + ", " + Labels.seconds(bar.startUs() - start) + " to "
                + Labels.seconds(bar.endUs() - start) + " (" + Labels.seconds(bar.endUs() - bar.startUs()) + "), "
                + bar.lane() + ", pid " + bar.pid() + (bar.ok() ? "" : bar.tasks() == 1 ? ", failed" : ", some failed");
    }

    private void mark(Mark mark) {
        String x = coordinate(x(mark.timeUs()));
        String tooltip = escape(mark.description() + " at " + Labels.seconds(mark.timeUs() - start));
        if (mark.kind() == Mark.Kind.CALLBACK) {
            out.append("<circle class=\"callback\" data-lane=\"").append(escape(mark.lane())).append("\" data-time-us=\"")
                    .append(mark.timeUs()).append("\" cx=\"").append(x).append("\" cy=\"25\" r=\"3\"><title>")
                    .append(tooltip).append("</title></circle>\n");
        } else {
            double cx = x(mark.timeUs());
            out.append("<path class=\"worker-exit\" data-lane=\"").append(escape(mark.lane())).append("\" data-time-us=\"")
                    .append(mark.timeUs()).append("\" d=\"M").append(coordinate(cx - 5)).append(" 8L")
                    .append(coordinate(cx + 5)).append(" 18M").append(coordinate(cx - 5)).append(" 18L")
                    .append(coordinate(cx + 5)).append(" 8\"><title>").append(tooltip).append("</title></path>\n");
        }
    }

    private void lifetime(Lifetime lifetime) {
        double x = x(lifetime.startUs());
        double width = Math.max(1.5, x(lifetime.endUs()) - x);
        String ending = lifetime.exited() ? Labels.seconds(lifetime.endUs() - start) + ", exit code " + lifetime.exitCode()
                : timeline.frame().isPresent() ? Labels.seconds(lifetime.endUs() - start) + ", still running when " + ending()
                : "the end of the trace (its exit is not recorded)";
        out.append("<rect class=\"lifetime").append(lifetime.exited() ? "" : " open").append("\" data-lane=\"")
                .append(escape(lifetime.lane())).append("\" data-pid=\"").append(lifetime.pid())
                .append("\" data-start-us=\"").append(lifetime.startUs()).append("\" data-end-us=\"")
                .append(lifetime.endUs()).append("\" x=\"").append(coordinate(x)).append("\" y=\"23\" width=\"")
                .append(coordinate(width)).append("\" height=\"4\"><title>")
                .append(escape(lifetime.lane() + " lived from " + Labels.seconds(lifetime.startUs() - start) + " to "
                        + ending + ", pid " + lifetime.pid()))
                .append("</title></rect>\n");
    }

    private void legend(List<Bar> bars, List<Mark> marks) {
        out.append("<ul class=\"legend\">\n");
        // Only the colours the picture uses.
        Set<String> drawn = bars.stream().map(Bar::function).collect(Collectors.toSet());
        for (FunctionColors.Entry entry : colors.legend(drawn)) {
            out.append("<li title=\"").append(escape(entry.function())).append("\"><span class=\"swatch ")
                    .append(entry.cssClass()).append("\"></span>").append(escape(entry.label())).append("</li>\n");
        }
        if (bars.stream().anyMatch(bar -> bar.finished() && !bar.ok())) {
            out.append("<li><span class=\"swatch failed\"></span>failed task</li>\n");
        }
        if (bars.stream().anyMatch(bar -> bar.tasks() > 1)) {
            out.append("<li><span class=\"swatch merged\"></span>several tasks merged into one bar</li>\n");
        }
        if (marks.stream().anyMatch(mark -> mark.kind() == Mark.Kind.CALLBACK)) {
            out.append("<li><span class=\"swatch dot\"></span>callback</li>\n");
        }
        if (marks.stream().anyMatch(mark -> mark.kind() == Mark.Kind.WORKER_EXIT)) {
            out.append("<li><span class=\"swatch cross\">×</span>a worker died</li>\n");
        }
        if (bars.stream().anyMatch(bar -> !bar.finished())) {
            out.append("<li><span class=\"swatch unfinished\"></span>task still running when the run ended</li>\n");
        }
        if (!timeline.lifetimes().isEmpty()) {
            out.append("<li><span class=\"swatch band\"></span>a Process's life</li>\n");
        }
        if (timeline.frame().isPresent()) {
            out.append("<li><span class=\"swatch main-band\"></span>the main program's life</li>\n");
        }
        if (stopped()) {
            out.append("<li><span class=\"swatch stop\"></span>the moment the run was stopped</li>\n");
        }
        out.append("</ul>\n");
    }

    private double x(long time) {
        return LABELS + (double) (time - start) * PLOT / span;
    }

    private static String coordinate(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static List<Mark> thin(List<Mark> marks) {
        if (marks.size() <= MAX_MARKS) {
            return marks;
        }
        int every = (marks.size() + MAX_MARKS - 1) / MAX_MARKS;
        List<Mark> kept = new ArrayList<>();
        for (int i = 0; i < marks.size(); i += every) {
            kept.add(marks.get(i));
        }
        return kept;
    }

    private static <T> Map<String, List<T>> byLane(List<T> items, Function<T, String> lane) {
        Map<String, List<T>> grouped = new LinkedHashMap<>();
        for (T item : items) {
            grouped.computeIfAbsent(lane.apply(item), key -> new ArrayList<>()).add(item);
        }
        return grouped;
    }

    /** {@code text} safe inside HTML or SVG text and double- or single-quoted attributes. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static String readStyle() {
        try (InputStream in = HtmlTimeline.class.getResourceAsStream("timeline.css")) {
            if (in == null) {
                throw new IllegalStateException("the runtime lacks multiprocessing/tools/timeline.css");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read multiprocessing/tools/timeline.css", e);
        }
    }
}
