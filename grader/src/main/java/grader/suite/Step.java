package grader.suite;

import java.time.Duration;

/**
 * The four steps of the lab: their ids, the class a student writes, the points, and the guide section
 * that teaches them. Points are split equally over a step's tests (see {@link Points}).
 */
public enum Step {
    /** Step 1: map a function over ten numbers on a pool. */
    SQUARE("square", "Square", 20, "Step 1: square", 20, true),
    /** Step 2: a million squares in {@code long}, on a pool closed by try-with-resources. */
    COMPLEX_SQUARE("complex_square", "ComplexSquare", 25, "Step 2: complex_square", 25, true),
    /** Step 3: a producer and a consumer process sharing a queue, stopped by a sentinel. */
    QUEUE("queue", "MultiprocessingQueue", 25, "Step 3: queue", 20, false),
    /** Step 4: ten slow tasks with callbacks, four at a time. */
    SLOW_SQUARE("slow_square", "SlowSquare", 30, "Step 4: slow_square", 25, true);

    private final String id;
    private final String simpleClassName;
    private final int maxScore;
    private final String title;
    private final int mainLimitSeconds;
    private final boolean usesPool;

    Step(String id, String simpleClassName, int maxScore, String title, int mainLimitSeconds, boolean usesPool) {
        this.id = id;
        this.simpleClassName = simpleClassName;
        this.maxScore = maxScore;
        this.title = title;
        this.mainLimitSeconds = mainLimitSeconds;
        this.usesPool = usesPool;
    }

    /** The id used in reports and by GitHub Classroom: {@code complex_square}. */
    public String id() {
        return id;
    }

    /** The fully qualified class name: {@code lab.ComplexSquare}. */
    public String className() {
        return "lab." + simpleClassName;
    }

    /** The source file relative to the source root: {@code lab/ComplexSquare.java}. */
    public String sourceFile() {
        return "lab/" + fileName();
    }

    /** The source file's name: {@code ComplexSquare.java}. */
    public String fileName() {
        return simpleClassName + ".java";
    }

    /**
     * How long the step's {@code main} may run in the sandbox: several times what a correct one needs on
     * a loaded 2-core machine (the grader's README lists these bounds).
     */
    public Duration mainLimit() {
        return Duration.ofSeconds(mainLimitSeconds);
    }

    /**
     * How long one of the harness's checks of this step's methods may run. A check needs a few seconds;
     * the bound is far above that because a check that starts a Process ran out of 15 s on a 2-core CI
     * machine under a load of 20, and a timeout there costs an honest student points.
     */
    public Duration probeLimit() {
        return Duration.ofSeconds(25);
    }

    /** Whether the step's lesson is a {@code Pool} (step 3's is a pair of {@code Process}es). */
    public boolean usesPool() {
        return usesPool;
    }

    /** Points this step is worth. */
    public int maxScore() {
        return maxScore;
    }

    /** The guide's heading for this step, which every message points to. */
    public String title() {
        return title;
    }

    /** "the guide, section "Step 1: square"" for the end of a message. */
    public String guideReference() {
        return "Read the guide (README.md), section \"" + title + "\".";
    }

    /** The step with this id. */
    public static Step byId(String id) {
        for (Step step : values()) {
            if (step.id.equals(id)) {
                return step;
            }
        }
        throw new IllegalArgumentException("no step called " + id);
    }
}
