package bench.micro;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The CPU time of this program's finished children, as the kernel counts it: {@code cutime + cstime}
 * of {@code /proc/self/stat}, the user and system time of every child that has exited and been waited
 * for. A child's whole life is in it, start-up and exit included, with no sampling gap, which no reading
 * of a live child's own figures can give.
 */
final class ChildCpu {
    private final double ticksPerSecond;

    private ChildCpu(double ticksPerSecond) {
        this.ticksPerSecond = ticksPerSecond;
    }

    /**
     * The counter, or null where there is no {@code /proc/self/stat} to read. The clock tick comes from
     * {@code getconf CLK_TCK}, asked now: a child started later would count in the figures.
     */
    static ChildCpu open() {
        if (!Files.isReadable(Path.of("/proc/self/stat"))) {
            return null;
        }
        return new ChildCpu(clockTicks());
    }

    /** Milliseconds of CPU spent so far by the children that have exited and been waited for. */
    double millis() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // The command name may hold spaces; the fields after its closing parenthesis do not.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            // Fields 16 and 17 of the file (cutime, cstime) are 14 and 15 after the name and state.
            return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) * 1000.0 / ticksPerSecond;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/self/stat: " + e.getMessage(), e);
        }
    }

    private static double clockTicks() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String text = new String(getconf.getInputStream().readAllBytes()).trim();
            getconf.waitFor(10, TimeUnit.SECONDS);
            return Double.parseDouble(text);
        } catch (IOException | NumberFormatException e) {
            return 100; // the kernel's usual USER_HZ
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }

    /**
     * A command that starts a bare JVM with the same options as the JVM of {@code pid} (read from the
     * operating system while it runs), but with {@code classPath} and {@code mainClass} instead of its
     * own: "the same flags" without repeating, and so drifting from, the runtime's list.
     */
    static List<String> sameOptions(long pid, String classPath, String mainClass) {
        ProcessHandle.Info info = ProcessHandle.of(pid).map(ProcessHandle::info)
                .orElseThrow(() -> new IllegalStateException("process " + pid + " is gone"));
        String[] arguments = info.arguments().orElseThrow(
                () -> new IllegalStateException("the command line of process " + pid + " cannot be read here"));
        List<String> command = new ArrayList<>();
        command.add(info.command().orElseThrow());
        // Options come before the main class; the class path travels as -cp or in an @argument file.
        for (int i = 0; i < arguments.length - 1; i++) {
            String argument = arguments[i];
            if (argument.equals("-cp") || argument.equals("-classpath") || argument.equals("--class-path")) {
                i++;
            } else if (!argument.startsWith("@")) {
                command.add(argument);
            }
        }
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        return command;
    }
}
