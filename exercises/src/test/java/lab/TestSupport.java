package lab;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.opentest4j.AssertionFailedError;

/**
 * What the public tests share: which step a test belongs to, where the guide explains it, and running
 * the student's code with a time limit, turning exceptions and hangs into messages that say what to do.
 * A step's {@code main} runs in a JVM of its own instead: see {@link TracedMain}.
 */
final class TestSupport {
    /** Marks the placeholder line that an unfinished stub prints or throws. */
    static final String PLACEHOLDER = "not implemented yet";

    private TestSupport() {
    }

    /** The four steps of the lab, with their programs and their sections in the guide. */
    enum Step {
        SQUARE(1, "square", "Square"),
        COMPLEX_SQUARE(2, "complex_square", "ComplexSquare"),
        QUEUE(3, "queue", "MultiprocessingQueue"),
        SLOW_SQUARE(4, "slow_square", "SlowSquare");

        private final int number;
        private final String id;
        private final String className;

        Step(int number, String id, String className) {
            this.number = number;
            this.id = id;
            this.className = className;
        }

        /** The step's name in the guide and in file names: "square", "complex_square", ... */
        String id() {
            return id;
        }

        /** The class the student completes, without its package: "Square". */
        String className() {
            return className;
        }

        /** "Step 1 (square)": how failure messages start. */
        String label() {
            return "Step " + number + " (" + id + ")";
        }

        /** Where to read more. */
        String guide() {
            return "Read exercises/README.md, section \"Step " + number + ": " + id + "\".";
        }

        /** A full failure message: the step, what was expected, and the guide section. */
        String says(String expectation) {
            return label() + ": " + expectation + " " + guide();
        }
    }

    /** Student code that returns a value and may throw anything. */
    @FunctionalInterface
    interface Call<T> {
        T call() throws Throwable;
    }

    /** Student code that returns nothing and may throw anything. */
    @FunctionalInterface
    interface Run {
        void run() throws Throwable;
    }

    /**
     * Runs {@code body}, which does {@code what}; fails with a helpful message if it throws or takes
     * longer than {@code limit} ({@code ifSlow} suggests why it might hang).
     */
    static <T> T call(Step step, String what, Duration limit, String ifSlow, Call<T> body) {
        return assertTimeoutPreemptively(limit, () -> {
            try {
                return body.call();
            } catch (AssertionFailedError e) {
                throw e;
            } catch (Throwable e) {
                throw new AssertionFailedError(thrown(step, what, e), e);
            }
        }, () -> step.says(what + " did not finish within " + limit.toSeconds() + " s. " + ifSlow));
    }

    /** Like {@link #call} for code that returns nothing, such as the consumer. */
    static void run(Step step, String what, Duration limit, String ifSlow, Run body) {
        call(step, what, limit, ifSlow, () -> {
            body.run();
            return null;
        });
    }

    /**
     * Runs {@code body} as {@link #run} does and returns what it printed on {@code System.out}, including
     * what worker processes and Processes printed (the runtime copies their lines there), with
     * {@code \n} line ends on every operating system.
     */
    static String printed(Step step, String what, Duration limit, String ifSlow, Run body) {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            run(step, what, limit, ifSlow, body);
        } finally {
            System.setOut(original);
        }
        String output = bytes.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
        requireNoPlaceholder(step, what, output);
        return output;
    }

    /**
     * Fails with "not implemented yet" if {@code output}, what {@code what} printed, still holds the stub's
     * placeholder line: then nothing else about it is worth a message yet.
     */
    static void requireNoPlaceholder(Step step, String what, String output) {
        if (output.contains(PLACEHOLDER)) {
            fail(step.says(what + " is not implemented yet: it still prints the stub's placeholder line."
                    + " Replace that line with your program."));
        }
    }

    /** The lines of {@code output}, without line ends. */
    static List<String> lines(String output) {
        return output.lines().toList();
    }

    private static String thrown(Step step, String what, Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof UnsupportedOperationException && String.valueOf(root.getMessage()).contains(PLACEHOLDER)) {
            return step.says(what + " is not implemented yet: the stub still throws UnsupportedOperationException."
                    + " Replace the stub's body with your code.");
        }
        String cause = root == e ? "" : " (caused by " + root + ")";
        return step.says(what + " threw " + e + cause + ".");
    }
}
