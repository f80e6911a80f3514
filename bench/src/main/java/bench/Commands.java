package bench;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds every command the suite runs, in one place, exactly as a person would type them from the
 * repository root: {@code java -cp runtime/target/classes:solutions/target/classes lab.Square} and
 * {@code python3 bench/python/square.py}.
 */
final class Commands {
    /** Default time limits in seconds, per kind of run. */
    static final int LAB_TIMEOUT = 60;
    static final int MICRO_TIMEOUT = 300;
    static final int GRADE_TIMEOUT = 600;

    private static final String RUNTIME = "runtime/target/classes";
    private static final String SOLUTIONS = "solutions/target/classes";
    private static final String BENCH = "bench/target/classes";

    private final String java;
    private final String python;
    private final Options options;

    /**
     * @param java   the java launcher
     * @param python the Python interpreter, or null to run Java alone
     */
    Commands(String java, String python, Options options) {
        this.java = java;
        this.python = python;
        this.options = options;
    }

    /** The files the commands need; missing ones mean the build did not run. */
    static List<Path> prerequisites() {
        return List.of(Path.of(RUNTIME, "multiprocessing", "Pool.class"), Path.of(SOLUTIONS, "lab", "Square.class"),
                Path.of(BENCH, "bench", "micro", "JavaMicro.class"), Path.of("grader", "target", "grader.jar"),
                Path.of("bench", "python", "micro.py"));
    }

    /** The reference solution of {@code step}, started like a student starts it. */
    RunSpec labJava(LabProgram step) {
        return new RunSpec(step.id() + " java",
                List.of(java, "-cp", classPath(RUNTIME, SOLUTIONS), step.javaClass()), options.timeoutOr(LAB_TIMEOUT));
    }

    /** The Python twin of {@code step}; null without Python. */
    RunSpec labPython(LabProgram step) {
        return python == null ? null : new RunSpec(step.id() + " python",
                List.of(python, "bench/python/" + step.pythonFile()), options.timeoutOr(LAB_TIMEOUT));
    }

    /** A Java program that does nothing: the floor under every Java figure (one JVM starting and exiting). */
    RunSpec emptyJava() {
        return new RunSpec("baseline java", List.of(java, "-cp", BENCH, "bench.micro.Empty"),
                options.timeoutOr(LAB_TIMEOUT));
    }

    /** A Python program that does nothing: the floor under every Python figure. */
    RunSpec emptyPython() {
        return python == null ? null
                : new RunSpec("baseline python", List.of(python, "-c", "pass"), options.timeoutOr(LAB_TIMEOUT));
    }

    /**
     * The Java side of a micro-benchmark.
     *
     * @param jvmOptions options for the program's own JVM, before the class path
     */
    RunSpec microJava(String label, List<String> jvmOptions, List<String> args) {
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classPath(BENCH, RUNTIME), "bench.micro.JavaMicro"));
        command.addAll(args);
        return new RunSpec(label + " java", command, options.timeoutOr(MICRO_TIMEOUT));
    }

    /** The Python side of a micro-benchmark; null without Python. */
    RunSpec microPython(String label, List<String> args) {
        if (python == null) {
            return null;
        }
        List<String> command = new ArrayList<>(List.of(python, "bench/python/micro.py"));
        command.addAll(args);
        return new RunSpec(label + " python", command, options.timeoutOr(MICRO_TIMEOUT));
    }

    /** Grading the reference solutions with the grader jar, reports into {@code out}. */
    RunSpec grade(int run, Path out) {
        return new RunSpec("grade #" + run,
                List.of(java, "-jar", "grader/target/grader.jar", "grade", "solutions", "--out", out.toString()),
                options.timeoutOr(GRADE_TIMEOUT));
    }

    private static String classPath(String... entries) {
        return String.join(File.pathSeparator, entries);
    }
}
