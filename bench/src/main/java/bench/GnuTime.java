package bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * GNU time as a wrapper around each measured program, for the kernel's own account of its CPU time
 * and memory ({@code wait4}'s rusage).
 *
 * <p>{@code %U + %S} covers the program and every descendant that was waited for (both the Java
 * runtime and Python's multiprocessing wait for their children), exactly, with no sampling gap.
 * {@code %M} is the peak resident set of the largest single process, not of the tree.
 */
final class GnuTime {
    private static final Path BINARY = Path.of("/usr/bin/time");
    private static final String FORMAT = "%e %U %S %M";

    private GnuTime() {
    }

    /** Whether GNU time is there: a BSD time (macOS) has no {@code -f}/{@code -o} and fails the probe. */
    static boolean available(Path scratch) {
        if (!Files.isExecutable(BINARY)) {
            return false;
        }
        try {
            Path probe = Files.createTempFile(scratch, "time-probe", ".txt");
            Process process = new ProcessBuilder(BINARY.toString(), "-f", FORMAT, "-o", probe.toString(), "true")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            boolean done = process.waitFor(10, TimeUnit.SECONDS);
            boolean ok = done && process.exitValue() == 0 && parse(probe) != null;
            Files.deleteIfExists(probe);
            return ok;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** {@code command} run under GNU time, which writes its figures to {@code output}. */
    static List<String> wrap(List<String> command, Path output) {
        List<String> wrapped = new ArrayList<>(List.of(BINARY.toString(), "-f", FORMAT, "-o", output.toString()));
        wrapped.addAll(command);
        return wrapped;
    }

    /**
     * The figures GNU time wrote, or {@code null} if the file holds none (for example when the program
     * was killed). The last line holds them; a line before it may say the command failed.
     */
    static Usage parse(Path output) throws IOException {
        if (!Files.exists(output)) {
            return null;
        }
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        for (int i = lines.size() - 1; i >= 0; i--) {
            String[] parts = lines.get(i).trim().split("\\s+");
            if (parts.length == 4) {
                try {
                    return new Usage(Double.parseDouble(parts[1]) + Double.parseDouble(parts[2]),
                            Long.parseLong(parts[3]));
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /**
     * GNU time's figures for one run.
     *
     * @param cpuSeconds   user + system seconds of the program and its waited-for descendants
     * @param largestRssKb the peak resident set of the largest single process, in KiB
     */
    record Usage(double cpuSeconds, long largestRssKb) {
    }
}
