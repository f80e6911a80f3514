package grader.suite;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import grader.report.SourceLocation;
import grader.report.StepResult;
import grader.report.TestResult;
import grader.report.TestStatus;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.engine.JupiterTestEngine;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs the hidden suite on JUnit's launcher and turns each test's ending into a {@link TestResult}
 * with its points.
 *
 * <p>The launcher is locked down: only the Jupiter engine, no auto-registered listeners, filters or
 * extensions, and every configuration parameter set here, so that nothing on the class path (and
 * certainly nothing from a submission) can change how the suite runs. Steps run two at a time, one
 * test class per step.
 */
public final class SuiteRunner {
    private static final List<String> TEST_CLASSES = List.of(
            "grader.suite.hidden.SquareTests", "grader.suite.hidden.ComplexSquareTests",
            "grader.suite.hidden.QueueTests", "grader.suite.hidden.SlowSquareTests");

    private final PrintStream progress;

    /** A runner that prints a line per finished test to {@code progress}. */
    public SuiteRunner(PrintStream progress) {
        this.progress = progress;
    }

    /** Runs every hidden test against the open {@link GradingSession}; the results per step, in lab order. */
    public List<StepResult> run() {
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestEngineAutoRegistration(false)
                .enableTestExecutionListenerAutoRegistration(false)
                .enablePostDiscoveryFilterAutoRegistration(false)
                .enableLauncherDiscoveryListenerAutoRegistration(false)
                .enableLauncherSessionListenerAutoRegistration(false)
                .addTestEngines(new JupiterTestEngine())
                .build());
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.default", "same_thread")
                .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "2")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.max-pool-size", "2")
                .configurationParameter("junit.platform.output.capture.stdout", "false")
                .configurationParameter("junit.platform.stacktrace.pruning.enabled", "true");
        for (String name : TEST_CLASSES) {
            try {
                request.selectors(selectClass(Class.forName(name)));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("the grader is incomplete: " + name + " is missing", e);
            }
        }
        LauncherDiscoveryRequest discovery = request.build();
        Collector collector = new Collector(progress);
        launcher.execute(discovery, collector);
        return collector.results();
    }

    /** Collects every test's ending with its points. */
    private static final class Collector implements TestExecutionListener {
        private final PrintStream progress;
        private final Map<Step, List<Ranked>> byStep = Collections.synchronizedMap(new EnumMap<>(Step.class));

        Collector(PrintStream progress) {
            this.progress = progress;
        }

        @Override
        public void executionFinished(TestIdentifier test, TestExecutionResult result) {
            Optional<Method> method = test.getSource().filter(MethodSource.class::isInstance)
                    .map(s -> ((MethodSource) s).getJavaMethod());
            if (method.isEmpty() || !test.isTest()) {
                return;
            }
            Method m = method.get();
            GradedStep graded = m.getDeclaringClass().getAnnotation(GradedStep.class);
            Points points = m.getAnnotation(Points.class);
            if (graded == null || points == null) {
                return;
            }
            TestResult outcome = toResult(test.getDisplayName(), points.value(), result);
            Order order = m.getAnnotation(Order.class);
            byStep.computeIfAbsent(graded.value(), s -> Collections.synchronizedList(new ArrayList<>()))
                    .add(new Ranked(order == null ? Integer.MAX_VALUE : order.value(), outcome));
            synchronized (progress) {
                progress.printf("  %-7s %-15s %s (%d/%d)%n", outcome.status().word().toUpperCase(Locale.ROOT),
                        graded.value().id(), outcome.name(), outcome.score(), outcome.maxScore());
            }
        }

        private static TestResult toResult(String name, int points, TestExecutionResult result) {
            if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
                return new TestResult(name, TestStatus.PASSED, points, points, "", null);
            }
            Throwable failure = result.getThrowable().orElse(null);
            TestStatus status;
            SourceLocation location = null;
            String message;
            if (failure instanceof RunTimedOut) {
                status = TestStatus.TIMEOUT;
                message = failure.getMessage();
            } else if (failure instanceof NotGradable notGradable) {
                status = TestStatus.ERROR;
                message = notGradable.getMessage();
                location = notGradable.location();
            } else if (failure instanceof AssertionError) {
                status = TestStatus.FAILED;
                message = failure.getMessage();
                if (failure instanceof Feedback.LocatedFailure located) {
                    location = located.location();
                }
            } else {
                status = TestStatus.ERROR;
                message = "The grader could not finish this test: " + failure
                        + ". This is not your fault if your code looks right; tell your instructor.";
            }
            return new TestResult(name, status, 0, points, message == null ? "" : message, location);
        }

        List<StepResult> results() {
            List<StepResult> steps = new ArrayList<>();
            for (Step step : Step.values()) {
                List<TestResult> tests = byStep.getOrDefault(step, List.of()).stream()
                        .sorted(Comparator.comparingInt(Ranked::order)).map(Ranked::result).toList();
                int score = tests.stream().mapToInt(TestResult::score).sum();
                steps.add(new StepResult(step.id(), step.title(), score, step.maxScore(), tests));
            }
            return steps;
        }

        private record Ranked(int order, TestResult result) {
        }
    }
}
