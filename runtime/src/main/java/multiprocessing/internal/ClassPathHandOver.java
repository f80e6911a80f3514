package multiprocessing.internal;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * How a child JVM gets its parent's class path: in an argument file ({@code java @file}), or, where the
 * argument file cannot spell it, in the {@code CLASSPATH} environment variable.
 *
 * <p><b>Why a file.</b> Windows limits a command line to 32K characters, and IDE class paths pass that.
 *
 * <p><b>Why the file's encoding matters.</b> The {@code java} launcher reads an argument file as bytes in
 * the platform's native encoding, before the JVM and its {@code file.encoding} exist: on Windows that is
 * the ANSI code page (Cp1252 in Western Europe), which Java calls {@code sun.jnu.encoding}. The JDK's
 * documentation of the {@code java} command says an argument file holds "only ASCII characters or
 * characters in system default encoding that's ASCII friendly". A UTF-8 file would turn
 * {@code C:\Users\José} into {@code C:\Users\JosÃ©} there, and no class would be found. So the file is
 * written in the native encoding.
 *
 * <p><b>Why the fallback.</b> Some paths cannot be spelt in the native encoding at all: a Polish or
 * Greek user name under Cp1252, or any non-ASCII path under the POSIX "C" locale. The environment
 * reaches a child through the operating system's own (on Windows, UTF-16) interface instead.
 */
public final class ClassPathHandOver {
    private final List<String> arguments;
    private final String environmentClassPath;

    private ClassPathHandOver(List<String> arguments, String environmentClassPath) {
        this.arguments = arguments;
        this.environmentClassPath = environmentClassPath;
    }

    /** The class path of this JVM, handed over through {@code file} in the native encoding if it can be. */
    public static ClassPathHandOver of(String classPath, Path file) throws IOException {
        return of(classPath, file, nativeCharset());
    }

    /** As {@link #of(String, Path)}, for a given native encoding (tests stand in for other systems' ones). */
    public static ClassPathHandOver of(String classPath, Path file, Charset nativeCharset) throws IOException {
        String content = "-cp\n" + argumentFileLine(classPath) + "\n";
        if (!nativeCharset.newEncoder().canEncode(content)) {
            return new ClassPathHandOver(List.of(), classPath);
        }
        Files.write(file, content.getBytes(nativeCharset));
        return new ClassPathHandOver(List.of("@" + file), null);
    }

    /** The arguments to put before the main class: {@code @file}, or none when the environment carries it. */
    public List<String> arguments() {
        return arguments;
    }

    /** Whether the class path travels in {@code CLASSPATH} because the native encoding cannot spell it. */
    public boolean throughEnvironment() {
        return environmentClassPath != null;
    }

    /** Sets the child's {@code CLASSPATH} when it carries the class path; otherwise leaves the builder alone. */
    public ProcessBuilder applyTo(ProcessBuilder builder) {
        if (environmentClassPath != null) {
            builder.environment().put("CLASSPATH", environmentClassPath);
        }
        return builder;
    }

    /**
     * One argument as a line of a {@code java} argument file: in double quotes, so spaces stay inside
     * the argument, with backslashes and double quotes escaped, since a backslash escapes the next
     * character inside quotes (Windows paths are full of backslashes).
     */
    public static String argumentFileLine(String argument) {
        return '"' + argument.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** The encoding the {@code java} launcher reads argument files in; UTF-8 where the JVM does not say. */
    static Charset nativeCharset() {
        try {
            return Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }
}
