package multiprocessing.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import multiprocessing.internal.Config;

/**
 * The classes that child JVMs load, from the JVM's own {@code -Xlog:class+load} log: a worker-side probe
 * that needs nothing from the code it watches. Each child writes its own file, named after its pid.
 */
public final class ClassLoadLog {
    private final Path folder;

    private ClassLoadLog(Path folder) {
        this.folder = folder;
    }

    /**
     * Runs {@code body} with every child JVM it starts logging its class loads; the log to read after the
     * children have exited. The children get no other extra options: a coverage agent handed on to them
     * would load classes of its own. The folder is relative to the working directory, because -Xlog takes
     * its file name up to the next colon, and an absolute Windows path has one.
     */
    public static <T> ClassLoadLog during(Supplier<T> body) {
        Path folder;
        try {
            Files.createDirectories(Path.of("target"));
            folder = Path.of("").toAbsolutePath().relativize(Files.createTempDirectory(Path.of("target").toAbsolutePath(),
                    "class-load-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String option = "-Xlog:class+load=info:file=" + folder.toString().replace('\\', '/') + "/child-%p.log";
        SystemProperty.with(Config.WORKER_JVM_ARGS, option, body);
        return new ClassLoadLog(folder);
    }

    /** How many child JVMs wrote a log. */
    public int children() {
        return files().size();
    }

    /** The names of the classes one child loaded, in load order; fails unless exactly one child ran. */
    public List<String> onlyChild() {
        List<Path> files = files();
        if (files.size() != 1) {
            throw new IllegalStateException("expected one child's class-load log in " + folder + ", found " + files);
        }
        List<String> classes = new ArrayList<>();
        try (Stream<String> lines = Files.lines(files.get(0))) {
            // "[0.012s][info][class,load] java.lang.Object source: shared objects file"
            lines.map(line -> line.substring(line.indexOf(']', line.indexOf("class,load")) + 1).trim())
                    .map(rest -> rest.split(" ", 2)[0]).forEach(classes::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return classes;
    }

    private List<Path> files() {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().startsWith("child-")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
