package grader.sandbox;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import multiprocessing.tools.Timeline;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What a run's result says about how it ended, and the picture of it that the reports draw. */
@DisplayName("A run's result")
class RunResultTest {
    private static final long T0 = 1_764_081_600_000_000L;
    private static final long MAIN = 4242;

    /** A run of {@code MAIN} from T0 to 1.5 s later, with {@code timeline} as its trace. */
    private static RunResult run(Timeline timeline, boolean timedOut, boolean outputCapped, boolean processCapHit) {
        return new RunResult("square-main", MAIN, timedOut || outputCapped || processCapHit ? -1 : 0, timedOut,
                outputCapped, processCapHit, "", "", timeline, Map.of(), 0, 1_600, 20, Path.of("trace.jsonl"), T0,
                T0 + 1_500_000);
    }

    private static RunResult ended() {
        return run(Timeline.empty(), false, false, false);
    }

    @Nested
    @DisplayName("says why the grader stopped it")
    class StopReason {
        @Test
        @DisplayName("nothing for a run that ended by itself")
        void endedByItself() {
            assertEquals(Optional.empty(), ended().stopReason());
        }

        @Test
        @DisplayName("its time limit, in seconds")
        void timeLimit() {
            assertEquals(Optional.of("the grader stopped the run at its 20 s time limit"),
                    run(Timeline.empty(), true, false, false).stopReason());
        }

        @Test
        @DisplayName("the output limit")
        void outputLimit() {
            assertEquals(Optional.of("the grader stopped the run because it printed more than the output limit"),
                    run(Timeline.empty(), false, true, false).stopReason());
        }

        @Test
        @DisplayName("the process cap")
        void processCap() {
            assertEquals(Optional.of("the grader stopped the run because it started too many processes or threads"),
                    run(Timeline.empty(), false, false, true).stopReason());
        }
    }

    @Nested
    @DisplayName("draws a picture")
    class Picture {
        @Test
        @DisplayName("with a main lane for its JVM, though it wrote no trace")
        void mainLane() {
            Timeline picture = ended().picture();
            assertEquals(List.of("main:" + MAIN), picture.lanes().stream().map(l -> l.name() + ":" + l.pid()).toList());
        }

        @Test
        @DisplayName("spanning the run from its start to its end")
        void span() {
            Timeline picture = ended().picture();
            assertEquals(List.of(T0, T0 + 1_500_000), List.of(picture.startUs(), picture.endUs()));
        }

        @Test
        @DisplayName("that says all the work happened in the main process, for a main without pool or Process")
        void verdict() {
            assertEquals("No pool and no Process ran: all the work happened in the main process.", ended().picture().verdict());
        }

        @Test
        @DisplayName("that says the grader stopped a run at its time limit")
        void stopped() {
            assertTrue(run(Timeline.empty(), true, false, false).picture().verdict()
                    .endsWith("The grader stopped the run at its 20 s time limit; the main program was still running then."));
        }

        @Test
        @DisplayName("while its timeline stays the trace alone, as the hidden tests read it")
        void timelineUnchanged() throws IOException {
            Timeline trace = Timeline.read(new StringReader("{\"event\":\"pool_start\",\"time_us\":" + (T0 + 1_000)
                    + ",\"pid\":" + MAIN + ",\"pool\":1,\"size\":1,\"workers\":[4243]}\n{\"event\":\"task_start\","
                    + "\"time_us\":" + (T0 + 2_000) + ",\"pid\":4243,\"pool\":1,\"batch\":1,\"function\":\"lab.S.f\","
                    + "\"items\":1}\n"));
            RunResult run = run(trace, true, false, false);
            assertAll(() -> assertEquals(T0 + 2_000, run.timeline().endUs()),
                    () -> assertTrue(run.timeline().stoppedBecause().isEmpty(), "the timeline says it was stopped"),
                    () -> assertEquals(T0 + 1_500_000, run.picture().unfinishedTasks().get(0).endUs()));
        }
    }
}
