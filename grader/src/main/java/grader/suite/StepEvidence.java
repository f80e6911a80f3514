package grader.suite;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import grader.report.SourceLocation;
import grader.rules.ForbiddenShortcuts;
import grader.rules.RuleChecker;
import grader.rules.Violation;
import grader.sandbox.CompileResult;
import grader.sandbox.RunRequest;
import grader.sandbox.RunResult;
import grader.sandbox.Sandbox;
import grader.sandbox.Submission;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Everything the hidden tests of one step look at: the compile result, the signature check, and the
 * sandboxed runs, each run once (on first use) and shared by the step's tests.
 */
public final class StepEvidence {
    private final Step step;
    private final Submission submission;
    private final CompileResult compile;
    private final Sandbox sandbox;
    private final Map<String, Long> phaseMillis;
    private final Optional<String> signatureProblem;
    /** Rules whose violation could forge evidence: breaking one zeroes the step. */
    private static final Set<String> INTEGRITY_RULES = Set.of(
            ForbiddenShortcuts.NO_OTHER_PROGRAMS.name(), ForbiddenShortcuts.NO_REFLECTION.name(),
            ForbiddenShortcuts.NO_FILES_OR_NETWORK.name(), ForbiddenShortcuts.NO_SYSTEM_SETTINGS.name(),
            ForbiddenShortcuts.NO_RUNTIME_INTERNALS.name(), ForbiddenShortcuts.NO_GRADER_CLASSES.name());

    private final Map<String, RunResult> runs = new HashMap<>();
    private List<Violation> violations;

    /** The evidence of {@code step}, whose runs happen on first use; timings go to {@code phaseMillis}. */
    public static StepEvidence create(Step step, Submission submission, CompileResult compile, Sandbox sandbox,
                                      Map<String, Long> phaseMillis) {
        return new StepEvidence(step, submission, compile, sandbox, phaseMillis);
    }

    private StepEvidence(Step step, Submission submission, CompileResult compile, Sandbox sandbox,
                         Map<String, Long> phaseMillis) {
        this.step = step;
        this.submission = submission;
        this.compile = compile;
        this.sandbox = sandbox;
        this.phaseMillis = phaseMillis;
        this.signatureProblem = compile.succeeded()
                ? Signatures.problem(step, new ClassFileImporter().importPath(compile.classes()))
                : Optional.empty();
    }

    /** The step. */
    public Step step() {
        return step;
    }

    /** The step's compile result. */
    public CompileResult compile() {
        return compile;
    }

    /** How reports name the step's source file. */
    public String sourcePath() {
        return submission.displayPath(step.fileName());
    }

    /**
     * Makes sure the step can be exercised at all.
     *
     * @throws NotGradable naming the missing file, the compile errors or the missing member
     */
    public void requireGradable() {
        String file = step.fileName();
        if (submission.source(file).isEmpty()) {
            throw Feedback.on(step).checked(file + " is missing, so no test of this step can run")
                    .expected("the file " + sourcePath() + ", as the template has it").notGradable();
        }
        if (!compile.succeeded()) {
            List<CompileResult.CompileError> errors = compile.errors();
            String listed = errors.stream().limit(5).map(e -> "  " + e).collect(Collectors.joining("\n"));
            SourceLocation first = errors.isEmpty() ? new SourceLocation(sourcePath(), 1) : errors.get(0).location();
            throw Feedback.on(step).checked(file + " does not compile, so no test of this step can run")
                    .actual("the compiler says:\n" + listed + (errors.size() > 5 ? "\n  ..." : ""))
                    .hint("run ./mvnw test -Dstep=" + step.id() + " (.\\mvnw on Windows) to see the same errors on"
                            + " your machine")
                    .at(first).notGradable();
        }
        signatureProblem.ifPresent(problem -> {
            throw Feedback.on(step).checked("the class and method signatures").actual(problem)
                    .at(new SourceLocation(sourcePath(), 1)).notGradable();
        });
        requireIntegrity();
    }

    /**
     * Fails the whole step when its code uses what could tamper with grading: files, reflection, the
     * JVM's settings, starting programs, the runtime's internals or the grader's classes. Such code could
     * forge the evidence every other test reads, so none of them can be trusted.
     */
    private void requireIntegrity() {
        List<Violation> tampering = violations().stream()
                .filter(v -> INTEGRITY_RULES.contains(v.rule())).toList();
        if (tampering.isEmpty()) {
            return;
        }
        Violation first = tampering.get(0);
        String listed = tampering.stream().limit(5).map(v -> "  " + v.rule() + ": " + v.message())
                .collect(Collectors.joining("\n"));
        throw Feedback.on(step).checked("that the code leaves grading alone")
                .expected("no files, network, reflection, system properties, started programs or runtime internals")
                .actual("\n" + listed + "\nCode that can do these things could change what the grader sees, so no test of"
                        + " this step can be trusted: the whole step scores 0")
                .hint("remove these uses; the lab needs only Pool, Process, Queue and System.out.println")
                .at(locate(first)).fail();
    }

    /** Where a violation is, in the student's repository. */
    public SourceLocation locate(Violation violation) {
        String file = violation.sourceFile() == null ? step.fileName()
                : violation.sourceFile();
        return new SourceLocation(submission.displayPath(file), Math.max(1, violation.line()));
    }

    /** The forbidden shortcuts in the step's classes, checked once. */
    public synchronized List<Violation> violations() {
        if (!compile.succeeded() || signatureProblem.isPresent()) {
            requireGradable();
        }
        if (violations == null) {
            long start = System.nanoTime();
            violations = new RuleChecker().check(compile.classes());
            phaseMillis.put("rules " + step.id(), (System.nanoTime() - start) / 1_000_000);
        }
        return violations;
    }

    /** The run of the step's {@code main}. */
    public RunResult main() {
        return run("main", "main", List.of(step.className()), step.mainLimit());
    }

    /** The run of the step's {@code main}, if a test asked for it; never starts it. */
    public synchronized Optional<RunResult> mainIfRan() {
        return Optional.ofNullable(runs.get("main"));
    }

    /** A run of one of the harness's checks for this step. */
    public RunResult probe(String check) {
        return run(check, check, List.of(), step.probeLimit());
    }

    private synchronized RunResult run(String name, String check, List<String> arguments, Duration timeout) {
        requireGradable();
        RunResult cached = runs.get(name);
        if (cached == null) {
            String label = step.id() + "-" + name;
            cached = sandbox.run(new RunRequest(label, compile.classes(), check, arguments, timeout));
            phaseMillis.put("run " + label, cached.millis());
            runs.put(name, cached);
        }
        return cached;
    }
}
