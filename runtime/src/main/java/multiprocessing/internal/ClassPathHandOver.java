package multiprocessing.internal;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Pattern;

/**
 * How a child JVM gets a class path: one argument, {@code @file}, naming an argument file that holds
 * {@code -cp} and either the class path itself or, where the launcher cannot read its letters, a jar
 * whose manifest lists it.
 *
 * <p><b>Why a file.</b> Windows limits a command line to 32K characters, and IDE class paths pass that.
 *
 * <p><b>Why the file's encoding matters.</b> The JDK's manual page of the {@code java} command (section
 * "java Command-Line Argument Files") says: "The argument file must contain only ASCII characters or
 * characters in system default encoding that's ASCII friendly, such as UTF-8." The launcher reads the
 * file as bytes, before the JVM and its {@code file.encoding} exist, and the JVM decodes them in the
 * platform encoding, which Java reports as {@code sun.jnu.encoding}: UTF-8 on macOS and on Linux with a
 * UTF-8 locale, but the ANSI code page on Windows (windows-1252 in Western Europe and the Americas). A
 * UTF-8 file would turn {@code C:\Users\José} into {@code C:\Users\JosÃ©} there, so the file is written
 * in that encoding.
 *
 * <p><b>Why a jar when the encoding lacks a letter.</b> Some class paths cannot be spelt in that encoding:
 * a Polish or Greek user name under windows-1252, any non-ASCII path under the POSIX "C" locale, or a
 * letter whose bytes include one below 0x80 (Shift_JIS, where such a byte can be a backslash, which the
 * launcher takes for an escape). No other way into the launcher carries them either: on Windows it turns
 * its UTF-16 command line into the ANSI code page ({@code launcher/main.c} in the JDK) and reads
 * {@code CLASSPATH} with the C library's {@code getenv} ({@code libjli/java.c}), whose environment is in
 * that code page too; on Linux under the "C" locale a child decodes {@code CLASSPATH} as ASCII just like
 * {@code -cp}. So the class path goes into a jar beside the argument file that holds nothing but a
 * manifest whose {@code Class-Path} lists the entries as absolute {@code file:} URLs. URLs are ASCII, with
 * other letters percent-encoded in UTF-8, and the class loader decodes them in Java; on Windows, whose
 * file system calls take UTF-16, every letter arrives. (Under the "C" locale Java cannot open such a file
 * at all, so no JVM there loads classes from it, this one included.) The child's {@code java.class.path}
 * is then that jar, which is what it hands on to its own children.
 *
 * <p><b>Why relative paths.</b> The argument file's own path, and the jar's, may hold such letters too,
 * typically because the temporary folder is under a user name like {@code C:\Users\Łukasz}. The manual
 * page says file names in an argument file "are relative to the current directory", and so is the
 * {@code @file} argument, so such a path is given relative to the child's working directory, which
 * leaves out the part the two share. When even that holds such a letter, nothing will do, and
 * {@link #of(String, Path, Path)} says so.
 */
public final class ClassPathHandOver {
    private final String argument;
    private final Path manifestJar;

    private ClassPathHandOver(String argument, Path manifestJar) {
        this.argument = argument;
        this.manifestJar = manifestJar;
    }

    /**
     * Writes {@code argumentFile} so that a {@code java} started in {@code workingDirectory} with
     * {@link #argument()} gets {@code classPath}, as {@code -cp classPath} would give it where the launcher
     * could read it: relative entries are relative to {@code workingDirectory}. The launcher is taken to
     * read this JVM's {@code sun.jnu.encoding}, which children share since they inherit its environment.
     *
     * <p>The jar it may write beside the file, {@code argumentFile} + {@code .jar}, must not exist yet,
     * and is deleted when this JVM exits.
     *
     * @throws IOException if the files cannot be written, or when even the relative path to them holds a
     *                     letter the launcher cannot read (the message names it and says what to do)
     */
    public static ClassPathHandOver of(String classPath, Path argumentFile, Path workingDirectory)
            throws IOException {
        return of(classPath, argumentFile, workingDirectory, nativeCharset());
    }

    /**
     * As {@link #of(String, Path, Path)}, for a launcher that reads {@code launcherEncoding}: tests stand
     * in for other systems' encodings with it.
     */
    public static ClassPathHandOver of(String classPath, Path argumentFile, Path workingDirectory,
                                       Charset launcherEncoding) throws IOException {
        String fileArgument = "@" + launcherPath(argumentFile, workingDirectory, launcherEncoding);
        String value = classPath;
        Path jar = null;
        if (!readableByLauncher(classPath, launcherEncoding)) {
            jar = argumentFile.resolveSibling(argumentFile.getFileName() + ".jar");
            value = launcherPath(jar, workingDirectory, launcherEncoding);
            writeManifestJar(jar, classPath, workingDirectory);
            jar.toFile().deleteOnExit();
        }
        Files.write(argumentFile, ("-cp\n" + argumentFileLine(value) + "\n").getBytes(launcherEncoding));
        return new ClassPathHandOver(fileArgument, jar);
    }

    /** The argument to put before the main class: {@code @} and the argument file's path. */
    public String argument() {
        return argument;
    }

    /** The jar whose manifest carries the class path, when the argument file could not spell it. */
    public Optional<Path> manifestJar() {
        return Optional.ofNullable(manifestJar);
    }

    /**
     * One argument as a line of a {@code java} argument file: in double quotes, so spaces stay inside
     * the argument, with backslashes and double quotes escaped, since a backslash escapes the next
     * character inside quotes (Windows paths are full of backslashes). Line breaks are written as
     * {@code \n} and {@code \r}, which the launcher turns back into them inside quotes: a real one would
     * end the argument.
     */
    public static String argumentFileLine(String argument) {
        return '"' + argument.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")
                .replace("\r", "\\r") + '"';
    }

    /**
     * The encoding the {@code java} launcher reads arguments in: {@code sun.jnu.encoding}. US-ASCII where
     * the JVM does not say or names one unknown here: the safe choice, since every other letter then
     * goes through the jar.
     */
    static Charset nativeCharset() {
        String name = System.getProperty("sun.jnu.encoding");
        try {
            return name == null ? StandardCharsets.US_ASCII : Charset.forName(name);
        } catch (IllegalArgumentException unknown) {
            return StandardCharsets.US_ASCII;
        }
    }

    /**
     * Whether the launcher reads {@code text} back from bytes in {@code encoding}: ASCII is written as
     * itself, and every other character is encodable into bytes of 0x80 and above only (the manual's
     * "ASCII friendly"), since the launcher looks for quotes, backslashes and line ends byte by byte.
     */
    static boolean readableByLauncher(String text, Charset encoding) {
        return unreadableAt(text, encoding) < 0;
    }

    /** Where the first character of {@code text} that the launcher cannot read is, or -1. */
    private static int unreadableAt(String text, Charset encoding) {
        if (!encoding.canEncode() || !asciiIsItself(encoding.newEncoder())) {
            // The argument file's own quotes and "-cp" would be unreadable: nothing is.
            return text.isEmpty() ? -1 : 0;
        }
        CharsetEncoder encoder = encoding.newEncoder();
        for (int i = 0; i < text.length(); ) {
            int end = i + Character.charCount(text.codePointAt(i));
            if (text.charAt(i) >= 0x80) {
                try {
                    ByteBuffer bytes = encoder.encode(CharBuffer.wrap(text, i, end));
                    while (bytes.hasRemaining()) {
                        if (bytes.get() >= 0) {
                            return i;
                        }
                    }
                } catch (CharacterCodingException unmappable) {
                    return i;
                }
            }
            i = end;
        }
        return -1;
    }

    /** Whether {@code encoder} writes each ASCII character as its own single byte. */
    private static boolean asciiIsItself(CharsetEncoder encoder) {
        char[] ascii = new char[0x80];
        for (char c = 0; c < ascii.length; c++) {
            ascii[c] = c;
        }
        try {
            ByteBuffer bytes = encoder.encode(CharBuffer.wrap(ascii));
            if (bytes.remaining() != ascii.length) {
                return false;
            }
            for (int c = 0; c < ascii.length; c++) {
                if (bytes.get(c) != c) {
                    return false;
                }
            }
            return true;
        } catch (CharacterCodingException unmappable) {
            return false;
        }
    }

    /**
     * How to name {@code file} to a launcher started in {@code workingDirectory}: its absolute path, or,
     * if that holds a letter the launcher cannot read, its path relative to {@code workingDirectory}.
     */
    private static String launcherPath(Path file, Path workingDirectory, Charset encoding) throws IOException {
        String absolute = file.toAbsolutePath().toString();
        if (readableByLauncher(absolute, encoding)) {
            return absolute;
        }
        String relative = null;
        try {
            relative = workingDirectory.toAbsolutePath().relativize(file.toAbsolutePath()).toString();
        } catch (IllegalArgumentException otherDrive) {
            // Windows has no relative path from one drive to another.
        }
        if (relative != null && readableByLauncher(relative, encoding)) {
            return relative;
        }
        int at = unreadableAt(absolute, encoding);
        String letter = absolute.substring(at, absolute.offsetByCodePoints(at, 1));
        throw new IOException("cannot hand the class path to a new java: the path " + absolute + " holds '"
                + letter + "', a letter java cannot read in this system's encoding " + encoding.name()
                + ", and no path to it from the working directory " + workingDirectory.toAbsolutePath()
                + " avoids it. Set java.io.tmpdir to a folder whose path has only letters of that encoding"
                + " (-Djava.io.tmpdir=C:\\Temp, say); on Windows, turning on \"Beta: Use Unicode UTF-8 for"
                + " worldwide language support\" in the region settings makes every letter readable.");
    }

    /**
     * Writes a jar that holds only a manifest whose {@code Class-Path} lists the entries of
     * {@code classPath} as absolute {@code file:} URLs, relative entries resolved against
     * {@code workingDirectory} as the child would resolve them. URLs are ASCII, other letters
     * percent-encoded in UTF-8; a directory's URL ends in {@code /}, which is how the class loader tells
     * it from a jar.
     */
    private static void writeManifestJar(Path jar, String classPath, Path workingDirectory) throws IOException {
        StringJoiner urls = new StringJoiner(" ");
        for (String entry : classPath.split(Pattern.quote(File.pathSeparator), -1)) {
            try {
                // An empty entry means the working directory, for the class loader as here.
                urls.add(workingDirectory.resolve(entry).toAbsolutePath().toUri().toASCIIString());
            } catch (InvalidPathException notAPath) {
                // No file system call of this JVM can reach it, so no JVM here loads anything from it.
            }
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, urls.toString());
        createPrivately(jar);
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.finish();
        }
    }

    /**
     * Creates {@code file}, failing if it exists, readable and writable by its owner only where the file
     * system has POSIX permissions: the jar decides which classes the children load, so it must never be
     * a file someone else made in a shared temporary folder.
     */
    private static void createPrivately(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
    }
}
