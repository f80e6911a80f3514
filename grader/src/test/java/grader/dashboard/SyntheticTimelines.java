package grader.dashboard;

import grader.report.RunTimeline;
import grader.suite.Step;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Made-up run timelines for one student of a {@link SyntheticClass}, shaped like the grader's: square
 * maps ten numbers on a pool of 4, complex_square a million in 16 chunks (now and then in hundreds of
 * tiny ones, more than a summary keeps), slow_square runs ten one-second tasks, and queue starts a
 * producer and a consumer Process. About one student in twenty has one pool step run serially (in main,
 * on a pool of one worker, or waiting for each task), and one in fifty bypasses the pool in one step.
 * The flags and counts are computed from the bars, so they always agree with the picture.
 */
final class SyntheticTimelines {
    private static final List<Step> POOL_STEPS = Arrays.stream(Step.values()).filter(Step::usesPool).toList();
    private static final int WORKERS = 4;
    private static final List<String> POOL_LANES = List.of("main", "worker 1", "worker 2", "worker 3", "worker 4");

    private SyntheticTimelines() {
    }

    /** One timeline per step, drawn from {@code random}. */
    static Map<String, RunTimeline> of(Random random) {
        double kind = random.nextDouble();
        Step odd = POOL_STEPS.get(random.nextInt(POOL_STEPS.size()));
        Map<String, RunTimeline> timelines = new LinkedHashMap<>();
        for (Step step : Step.values()) {
            RunTimeline timeline;
            if (step == Step.QUEUE) {
                timeline = queue(random);
            } else if (step == odd && kind < 0.05) {
                timeline = serial(random, step);
            } else if (step == odd && kind < 0.07) {
                timeline = poolBypassed(random);
            } else {
                timeline = parallel(random, step);
            }
            timelines.put(step.id(), timeline);
        }
        return timelines;
    }

    /** How many tasks the step's main hands out. */
    private static int tasks(Random random, Step step) {
        return step == Step.COMPLEX_SQUARE ? (random.nextDouble() < 0.03 ? 200 : 16) : 10;
    }

    /** How long one task of the step takes, in milliseconds. */
    private static int taskMillis(Random random, Step step, int tasks) {
        return switch (step) {
            case SLOW_SQUARE -> 1000 + random.nextInt(15);
            case COMPLEX_SQUARE -> tasks > 16 ? 3 + random.nextInt(2) : 12 + random.nextInt(8);
            default -> 3 + random.nextInt(3);
        };
    }

    private static RunTimeline parallel(Random random, Step step) {
        int tasks = tasks(random, step);
        long[] free = new long[WORKERS];
        for (int w = 0; w < WORKERS; w++) {
            free[w] = 120 + random.nextInt(3);
        }
        List<RunTimeline.Bar> bars = new ArrayList<>();
        for (int k = 0; k < tasks; k++) {
            int worker = k % WORKERS;
            long start = free[worker] + random.nextInt(2);
            long end = start + taskMillis(random, step, tasks);
            bars.add(new RunTimeline.Bar(1 + worker, start, end));
            free[worker] = end + 1;
        }
        int rounds = (tasks + WORKERS - 1) / WORKERS;
        return timeline(random, tasks + " tasks ran on " + WORKERS + " workers in " + rounds + " rounds: parallel.",
                POOL_LANES, bars, WORKERS);
    }

    private static RunTimeline serial(Random random, Step step) {
        int tasks = tasks(random, step);
        int variant = random.nextInt(3);
        List<String> lanes = variant == 0 ? List.of("main") : variant == 1 ? List.of("main", "worker 1") : POOL_LANES;
        List<RunTimeline.Bar> bars = new ArrayList<>();
        long free = variant == 0 ? 5 : 120;
        for (int k = 0; k < tasks; k++) {
            int lane = variant == 0 ? 0 : variant == 1 ? 1 : 1 + k % WORKERS;
            long start = free + 1 + random.nextInt(2);
            long end = start + taskMillis(random, step, tasks);
            bars.add(new RunTimeline.Bar(lane, start, end));
            free = end;
        }
        String verdict = switch (variant) {
            case 0 -> "All " + tasks + " tasks ran in the main process, one after another: serial.";
            case 1 -> tasks + " tasks ran one after another on a pool of 1 worker: serial.";
            default -> tasks + " tasks ran on " + WORKERS + " workers but never overlapped: each waited for the"
                    + " previous one (did you call get() right after each applyAsync?).";
        };
        return timeline(random, verdict, lanes, bars, variant == 0 ? 0 : variant == 1 ? 1 : WORKERS);
    }

    private static RunTimeline poolBypassed(Random random) {
        if (random.nextBoolean()) {
            return timeline(random, "No pool and no Process ran: all the work happened in the main process.",
                    List.of("main"), List.of(), 0);
        }
        return timeline(random, "A pool of 4 workers started, but no task ran on it: the work ran in the main process"
                + " (did you call the function directly instead of through the pool?).", POOL_LANES, List.of(), 0);
    }

    private static RunTimeline queue(Random random) {
        return timeline(random, "2 processes (producer, consumer) ran at the same time.",
                List.of("main", "producer", "consumer"), List.of(), 0);
    }

    /**
     * The summary of a run with these bars (every task, by start), worked out as the grader does:
     * concurrency from the bars, single-process when no worker ran a task and no Process (a lane other
     * than main and the workers) was started, at most {@link RunTimeline#MAX_BARS} bars kept.
     */
    private static RunTimeline timeline(Random random, String verdict, List<String> lanes, List<RunTimeline.Bar> all,
                                        int workers) {
        List<RunTimeline.Bar> bars = new ArrayList<>(all);
        bars.sort(Comparator.comparingLong(RunTimeline.Bar::startMs));
        int maxConcurrency = maxConcurrency(bars);
        long end = bars.stream().mapToLong(RunTimeline.Bar::endMs).max().orElse(100);
        boolean processes = lanes.stream().anyMatch(lane -> !lane.equals("main") && !lane.startsWith("worker "));
        return new RunTimeline(verdict, maxConcurrency >= 2, bars.size() >= 2 && maxConcurrency == 1,
                workers == 0 && !processes, bars.size(), workers, maxConcurrency, end + 20 + random.nextInt(40), lanes,
                bars.subList(0, Math.min(bars.size(), RunTimeline.MAX_BARS)), bars.size() > RunTimeline.MAX_BARS);
    }

    /** The most bars running at one moment; touching bars do not overlap. */
    private static int maxConcurrency(List<RunTimeline.Bar> byStart) {
        int most = 0;
        for (RunTimeline.Bar bar : byStart) {
            int running = (int) byStart.stream()
                    .filter(other -> other.startMs() <= bar.startMs() && other.endMs() > bar.startMs()).count();
            most = Math.max(most, running);
        }
        return most;
    }
}
