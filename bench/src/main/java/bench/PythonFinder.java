package bench;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Finds the Python to compare with: {@code python3} on the PATH unless told otherwise.
 *
 * <p>The runs use the interpreter binary itself ({@code sys.executable}), not the command found on
 * the PATH: that command may be a version manager's shell-script shim, whose start-up would be
 * charged to Python on every run.
 */
final class PythonFinder {
    private PythonFinder() {
    }

    /**
     * The interpreter, or an absent one with the reason.
     *
     * @param requested a command name looked up on the PATH, a path, or "none"
     */
    static Python find(String requested) {
        if (requested.equals("none")) {
            return Python.missing(requested, "Python was switched off with --python none");
        }
        String command = requested.contains(File.separator) ? requested : onPath(requested);
        if (command == null) {
            return Python.missing(requested, requested + " is not on the PATH");
        }
        String executable = Machine.capture(List.of(command, "-c", "import sys; print(sys.executable)"), 30);
        if (executable == null || executable.isBlank()) {
            return Python.missing(requested, command + " did not run");
        }
        String version = Machine.capture(List.of(executable, "--version"), 30);
        return new Python(requested, executable.lines().reduce((a, b) -> b).orElse(executable).trim(),
                version == null ? "unknown" : version, null);
    }

    private static String onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    /**
     * The Python found, or why there is none.
     *
     * @param requested  what was asked for
     * @param executable the interpreter binary, or null when missing
     * @param version    what {@code --version} printed
     * @param missing    why there is no Python, or null when there is one
     */
    record Python(String requested, String executable, String version, String missing) {
        static Python missing(String requested, String why) {
            return new Python(requested, null, null, why);
        }

        boolean present() {
            return executable != null;
        }
    }
}
