package grader.suite;

/**
 * The four steps of the lab: their ids, the class a student writes, the points, and the guide section
 * that teaches them. Points are split equally over a step's tests (see {@link Points}).
 */
public enum Step {
    /** Step 1: map a function over ten numbers on a pool. */
    SQUARE("square", "Square", 20, "Step 1: square"),
    /** Step 2: a million squares in {@code long}, on a pool closed by try-with-resources. */
    COMPLEX_SQUARE("complex_square", "ComplexSquare", 25, "Step 2: complex_square"),
    /** Step 3: a producer and a consumer process sharing a queue, stopped by a sentinel. */
    QUEUE("queue", "MultiprocessingQueue", 25, "Step 3: queue"),
    /** Step 4: ten slow tasks with callbacks, four at a time. */
    SLOW_SQUARE("slow_square", "SlowSquare", 30, "Step 4: slow_square");

    private final String id;
    private final String simpleClassName;
    private final int maxScore;
    private final String title;

    Step(String id, String simpleClassName, int maxScore, String title) {
        this.id = id;
        this.simpleClassName = simpleClassName;
        this.maxScore = maxScore;
        this.title = title;
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
        return "lab/" + simpleClassName + ".java";
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
