package multiprocessing.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import multiprocessing.Pool;

/**
 * Copies the runtime's compiled classes and a few fixture classes elsewhere, as a directory or a jar,
 * so that launch tests can run a program from an unusual class path.
 */
public final class ClassFiles {
    private ClassFiles() {
    }

    /** Copies the runtime classes and {@code fixtures} (with their nested classes) under {@code target}. */
    public static void copyTo(Path target, Class<?>... fixtures) throws IOException {
        for (Entry entry : entries(fixtures)) {
            Path destination = target.resolve(entry.name);
            Files.createDirectories(destination.getParent());
            Files.copy(entry.file, destination);
        }
    }

    /** Writes a jar with the runtime classes, {@code fixtures}, and {@code mainClass} as its Main-Class. */
    public static void writeJar(Path jar, Class<?> mainClass, Class<?>... fixtures) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass.getName());
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file, manifest)) {
            for (Entry entry : entries(fixtures)) {
                out.putNextEntry(new JarEntry(entry.name));
                Files.copy(entry.file, out);
                out.closeEntry();
            }
        }
    }

    private record Entry(String name, Path file) {
    }

    private static List<Entry> entries(Class<?>... fixtures) throws IOException {
        List<Entry> entries = new ArrayList<>();
        Path runtime = rootOf(Pool.class);
        try (Stream<Path> files = Files.walk(runtime)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                entries.add(new Entry(runtime.relativize(file).toString().replace('\\', '/'), file));
            }
        }
        for (Class<?> fixture : fixtures) {
            Path root = rootOf(fixture);
            String packagePath = fixture.getPackageName().replace('.', '/');
            String simpleName = fixture.getName().substring(fixture.getPackageName().length() + 1);
            try (Stream<Path> files = Files.list(root.resolve(packagePath))) {
                for (Path file : files.toList()) {
                    String name = file.getFileName().toString();
                    if (name.equals(simpleName + ".class") || name.startsWith(simpleName + "$")) {
                        entries.add(new Entry(packagePath + "/" + name, file));
                    }
                }
            }
        }
        return entries;
    }

    /** The class directory that {@code type} was loaded from. */
    private static Path rootOf(Class<?> type) {
        try {
            Path root = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isDirectory(root)) {
                throw new IllegalStateException(type + " was not loaded from a class directory but from " + root);
            }
            return root;
        } catch (URISyntaxException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
