package bench;

import java.util.List;

/**
 * One program of the lab, as a Java reference solution and its Python twin in {@code bench/python/}.
 *
 * @param id         the lab's name for the step, used in labels and the report
 * @param javaClass  the reference solution's main class
 * @param pythonFile the twin in {@code bench/python/}
 * @param output     how the two outputs must agree for the comparison to be honest
 */
record LabProgram(String id, String javaClass, String pythonFile, OutputRule output) {

    /** The four steps of the lab, in the lab's order. */
    static final List<LabProgram> STEPS = List.of(
            new LabProgram("square", "lab.Square", "square.py", OutputRule.EXACT),
            new LabProgram("complex_square", "lab.ComplexSquare", "complex_square.py", OutputRule.EXACT),
            new LabProgram("queue", "lab.MultiprocessingQueue", "multiprocessing_queue.py", OutputRule.EXACT),
            // Callbacks print in the order tasks finish, which neither language fixes.
            new LabProgram("slow_square", "lab.SlowSquare", "slow_square.py", OutputRule.ANY_ORDER_THEN_LAST));

    /** The step called {@code id}. */
    static LabProgram step(String id) {
        return STEPS.stream().filter(p -> p.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no lab step " + id));
    }
}
