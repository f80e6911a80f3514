package grader.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import multiprocessing.tools.Timeline;

/**
 * Turns the runtime's picture of a run ({@link Timeline}) into what the reports carry: the summary
 * for {@code grade.json} and the dashboard ({@link RunTimeline}), and the Markdown of the job summary:
 * a Mermaid gantt chart (GitHub renders it) and the sentence that reads it.
 */
public final class TimelineReport {
    /** Bars in a job summary's chart: enough to see rounds, small enough to keep the summary far below its limit. */
    public static final int MAX_MERMAID_BARS = 60;

    private TimelineReport() {
    }

    /** The summary of {@code timeline} for {@code grade.json}. */
    public static RunTimeline summarize(Timeline timeline) {
        List<String> lanes = timeline.lanes().stream().map(Timeline.Lane::name).toList();
        List<Timeline.Bar> tasks = new ArrayList<>(timeline.tasks());
        tasks.sort(Comparator.comparingLong(Timeline.Bar::startUs));
        List<RunTimeline.Bar> bars = new ArrayList<>();
        for (Timeline.Bar task : tasks.subList(0, Math.min(tasks.size(), RunTimeline.MAX_BARS))) {
            int lane = lanes.indexOf(task.lane());
            if (lane >= 0) {
                bars.add(new RunTimeline.Bar(lane, millis(task.startUs() - timeline.startUs()),
                        millis(task.endUs() - timeline.startUs())));
            }
        }
        return new RunTimeline(timeline.verdict(), timeline.parallel(), timeline.serial(), timeline.singleProcess(),
                timeline.taskCount(), timeline.workersUsed(), timeline.maxConcurrency(),
                millis(timeline.endUs() - timeline.startUs()), lanes, bars, tasks.size() > RunTimeline.MAX_BARS);
    }

    /**
     * The job summary's Markdown for one step: the sentence, then the chart in a {@code mermaid} block.
     * The chart's text comes from {@link Timeline#mermaid}, which cleans every label, so nothing in a
     * trace can close the block or add directives.
     */
    public static String markdown(Timeline timeline, String title, String pageName) {
        return "**Timeline of your program's run:** " + MarkdownText.inline(timeline.verdict(), 400) + "\n\n"
                + "```mermaid\n" + timeline.mermaid(title, MAX_MERMAID_BARS).strip() + "\n```\n\n"
                + "_The full picture, with every process as a lane, is `" + pageName + "` in the grade report"
                + " artifact. How to read it: the guide, section \"Seeing your processes\"._\n";
    }

    private static long millis(long micros) {
        return Math.max(0, micros / 1000);
    }
}
