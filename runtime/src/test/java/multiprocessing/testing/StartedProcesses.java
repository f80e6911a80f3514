package multiprocessing.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import multiprocessing.Process;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts {@link Process}es for a test and kills whatever is still alive after it, in case the test
 * failed half-way. Register it with {@code @RegisterExtension}.
 */
public final class StartedProcesses implements AfterEachCallback {
    private final List<Process> started = new ArrayList<>();

    /** Starts {@code process} and remembers it. */
    public Process start(Process process) {
        started.add(process);
        process.start();
        return process;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        for (Process process : started) {
            if (process.isAlive()) {
                process.kill();
                process.join(10, TimeUnit.SECONDS);
            }
        }
        started.clear();
    }
}
