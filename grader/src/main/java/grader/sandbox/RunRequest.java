package grader.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One sandboxed run: the harness's check to run against one step's compiled classes.
 *
 * @param label     names the run in messages and file names, such as {@code square-main}
 * @param classes   the step's compiled classes
 * @param check     the harness check ({@code main}, {@code square}, ...)
 * @param arguments the check's arguments, such as the class whose {@code main} to run
 * @param timeout   how long the run may take in all
 */
public record RunRequest(String label, Path classes, String check, List<String> arguments, Duration timeout) {
}
