package grader.corpus;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs public test classes of the student template on JUnit's launcher, in a JVM of its own, and writes
 * one line per finished test to a file: {@code PASSED|FAILED|ABORTED <tab> class <tab> display name
 * <tab> first line of the failure}. The file, not standard output, carries the results, because the
 * student code under test prints there.
 *
 * <p>Usage: {@code PublicTestRun <results-file> <test class>...}
 */
public final class PublicTestRun {
    private PublicTestRun() {
    }

    /** Runs the classes and writes the results. */
    public static void main(String[] args) throws IOException {
        Path results = Path.of(args[0]);
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request();
        for (int i = 1; i < args.length; i++) {
            try {
                request.selectors(selectClass(Class.forName(args[i])));
            } catch (ClassNotFoundException e) {
                Files.writeString(results, "FAILED\t" + args[i] + "\t(class)\tdoes not compile or is missing\n",
                        StandardCharsets.UTF_8);
                return;
            }
        }
        LauncherDiscoveryRequest discovery = request.build();
        List<String> lines = new ArrayList<>();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(discovery, new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                if (!test.isTest()) {
                    return;
                }
                String failure = result.getThrowable().map(t -> String.valueOf(t.getMessage()).lines().findFirst()
                        .orElse("")).orElse("");
                synchronized (lines) {
                    lines.add(result.getStatus() + "\t" + test.getUniqueId() + "\t" + test.getDisplayName().replace('\t', ' ')
                            + "\t" + failure.replace('\t', ' '));
                }
            }
        });
        Files.write(results, lines, StandardCharsets.UTF_8);
        // The code under test may have left a pool open: leave through the normal exit so the runtime stops it.
        System.exit(0);
    }
}
