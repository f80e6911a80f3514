package grader.dashboard;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The command line of {@code dashboard <grades-dir> [--classroom grades.csv] [--out dashboard.html]}.
 *
 * @param gradesDir the folder of grade files
 * @param classroom GitHub Classroom's grades export, or {@code null}
 * @param out       the page to write
 */
record DashboardOptions(Path gradesDir, Path classroom, Path out) {
    /** Where the page goes when {@code --out} is not given. */
    static final Path DEFAULT_OUT = Path.of("dashboard.html");

    /**
     * Reads the arguments that follow the command's name.
     *
     * @throws IllegalArgumentException saying what is wrong: a missing or unknown option value, a
     *                                  missing grades directory or Classroom file
     */
    static DashboardOptions parse(List<String> args) {
        Path gradesDir = null;
        Path classroom = null;
        Path out = DEFAULT_OUT;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--classroom" -> classroom = Path.of(value(args, ++i, "--classroom needs the Classroom grades CSV file"));
                case "--out" -> out = Path.of(value(args, ++i, "--out needs the HTML file to write"));
                default -> {
                    if (arg.startsWith("--")) {
                        throw new IllegalArgumentException("unknown option " + arg);
                    }
                    if (gradesDir != null) {
                        throw new IllegalArgumentException("dashboard takes one grades directory, got " + gradesDir + " and " + arg);
                    }
                    gradesDir = Path.of(arg);
                }
            }
        }
        if (gradesDir == null) {
            throw new IllegalArgumentException("dashboard needs the grades directory: " + Dashboard.USAGE);
        }
        if (!Files.isDirectory(gradesDir)) {
            throw new IllegalArgumentException("the grades directory " + gradesDir + " does not exist or is not a directory");
        }
        if (classroom != null && !Files.isRegularFile(classroom)) {
            throw new IllegalArgumentException("the Classroom grades file " + classroom + " does not exist");
        }
        if (Files.isDirectory(out)) {
            throw new IllegalArgumentException("--out " + out + " is a directory; give the HTML file to write");
        }
        return new DashboardOptions(gradesDir, classroom, out);
    }

    private static String value(List<String> args, int index, String problem) {
        if (index >= args.size() || args.get(index).startsWith("--")) {
            throw new IllegalArgumentException(problem);
        }
        return args.get(index);
    }
}
