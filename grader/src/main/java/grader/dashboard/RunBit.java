package grader.dashboard;

import grader.report.RunTimeline;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The bits of a timeline's second entry in the page data (see {@link DashboardData}): what kind of run
 * it was. The page's script reads their values from the data's {@code runBits}, so this is their one
 * source.
 */
enum RunBit {
    /** Tasks overlapped on several workers. */
    PARALLEL("parallel", 1, RunTimeline::parallel),
    /** Tasks ran one after another. */
    SERIAL("serial", 2, RunTimeline::serial),
    /** Everything ran in one process. */
    SINGLE_PROCESS("singleProcess", 4, RunTimeline::singleProcess),
    /** Not every task is in the data. */
    TRUNCATED("truncated", 8, RunTimeline::truncated);

    private final String scriptName;
    private final int value;
    private final Predicate<RunTimeline> holds;

    RunBit(String scriptName, int value, Predicate<RunTimeline> holds) {
        this.scriptName = scriptName;
        this.value = value;
        this.holds = holds;
    }

    /** The bits that hold for {@code timeline}, added up. */
    static int of(RunTimeline timeline) {
        int bits = 0;
        for (RunBit bit : values()) {
            bits |= bit.holds.test(timeline) ? bit.value : 0;
        }
        return bits;
    }

    /** Name to value, for the page's script: {@code {"parallel": 1, "serial": 2, ...}}. */
    static Map<String, Object> forScript() {
        Map<String, Object> names = new LinkedHashMap<>();
        for (RunBit bit : values()) {
            names.put(bit.scriptName, bit.value);
        }
        return names;
    }
}
