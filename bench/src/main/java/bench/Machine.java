package bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Facts about the machine that a reader needs to trust (or distrust) the figures: cores, memory,
 * load, and the exact Java and Python that ran.
 */
final class Machine {
    private Machine() {
    }

    /** The 1, 5 and 15 minute load averages; a busy machine makes every figure worse. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2] + " (1, 5, 15 min)";
        } catch (IOException | RuntimeException e) {
            double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            return load < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f (1 min)", load);
        }
    }

    /** The processors this JVM may use. */
    static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** Total memory, from /proc/meminfo where there is one. */
    static String memory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(line.substring(9).replace("kB", "").trim());
                    return String.format(Locale.ROOT, "%.1f GiB", kb / 1024.0 / 1024.0);
                }
            }
        } catch (IOException | RuntimeException e) {
            // reported as unknown
        }
        return "unknown";
    }

    /** The operating system, as Java sees it. */
    static String system() {
        return System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
                + System.getProperty("os.arch") + ")";
    }

    /** The kernel's clock ticks per second, the unit of CPU times in /proc (almost always 100). */
    static double clockTicks() {
        String text = capture(List.of("getconf", "CLK_TCK"), 10);
        try {
            return text == null ? 100 : Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            return 100;
        }
    }

    /** The java launcher of this JVM: the runs use the same Java as the harness. */
    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * What {@code command} prints (standard output and error together), trimmed; null if it could not
     * run, failed, or took longer than {@code seconds}.
     */
    static String capture(List<String> command, int seconds) {
        Path output = null;
        try {
            // Output to a file, not a pipe: a program that hangs must not hang the reader past the limit.
            output = Files.createTempFile("bench-capture", ".txt");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            process.getOutputStream().close();
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return null;
            }
            String text = new String(Files.readAllBytes(output), StandardCharsets.UTF_8).trim();
            return process.exitValue() == 0 ? text : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            if (output != null) {
                try {
                    Files.deleteIfExists(output);
                } catch (IOException ignored) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }
}
