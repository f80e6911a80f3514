package bench;

import java.time.Duration;
import java.util.List;

/** Made-up runs for the tests: only the figures a test looks at are set. */
final class Runs {
    private Runs() {
    }

    static RunResult ok(String label, double wall, String stdout) {
        return new RunResult(spec(label), 0, false, null, wall, 1.0, 1.2, 1000L, 500L, 5, stdout, "", "x");
    }

    static RunResult failed(String label, double wall) {
        return new RunResult(spec(label), 1, false, null, wall, null, null, null, null, 0, "", "boom", "x");
    }

    static RunResult timedOut(String label) {
        return new RunResult(spec(label), null, true, null, 60, null, null, null, null, 0, "", "", "x");
    }

    static RunSpec spec(String label) {
        return new RunSpec(label, List.of("prog", "an arg"), Duration.ofSeconds(60));
    }
}
