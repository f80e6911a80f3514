package multiprocessing.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Covers how {@link ClassPathHandOver} writes a class path for a child's launcher: an argument file in
 * the launcher's encoding when it can spell the class path, a jar whose manifest lists it when it cannot,
 * and paths relative to the child's working directory when the files' own paths hold letters the
 * launcher cannot read. Windows code pages are tried through the parameter that takes the encoding,
 * since this machine's launcher reads UTF-8; {@code LaunchTest} and {@code OddPathTest} start real JVMs.
 */
@DisplayName("Handing the class path to a child JVM")
class ClassPathHandOverTest {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Charset SHIFT_JIS = Charset.forName("Shift_JIS");
    private static final String JOSE = "C:\\Users\\José Müller\\OneDrive\\Lab\\classes;C:\\m2\\Ærø.jar";

    /** The argument file's lines, read as the launcher reads them. */
    private static List<String> lines(Path file, Charset encoding) throws IOException {
        return Files.readAllLines(file, encoding);
    }

    /** The Class-Path of {@code jar}'s manifest. */
    private static String manifestClassPath(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest().getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
        }
    }

    @Nested
    @DisplayName("where the launcher's encoding can spell the class path")
    class ArgumentFile {

        @Test
        @DisplayName("under windows-1252, José Müller's class path goes into the argument file in windows-1252")
        void windowsCodePage(@TempDir Path temp) throws IOException {
            Path file = temp.resolve("cp.args");
            ClassPathHandOver.of(JOSE, file, temp, WINDOWS_1252);
            assertArrayEquals(("-cp\n" + ClassPathHandOver.argumentFileLine(JOSE) + "\n").getBytes(WINDOWS_1252),
                    Files.readAllBytes(file));
        }

        @Test
        @DisplayName("under UTF-8 (macOS, Linux) the argument file is UTF-8, whatever the letters")
        void utf8(@TempDir Path temp) throws IOException {
            String classPath = "/Users/José Müller/Łódź/classes:/home/李/lib.jar";
            Path file = temp.resolve("cp.args");
            ClassPathHandOver.of(classPath, file, temp, StandardCharsets.UTF_8);
            assertEquals(List.of("-cp", ClassPathHandOver.argumentFileLine(classPath)),
                    lines(file, StandardCharsets.UTF_8));
        }

        @Test
        @DisplayName("its argument is @ and the file's absolute path")
        void absoluteArgument(@TempDir Path temp) throws IOException {
            Path file = temp.resolve("cp.args");
            assertEquals("@" + file.toAbsolutePath(), ClassPathHandOver.of(JOSE, file, temp, WINDOWS_1252).argument());
        }

        @Test
        @DisplayName("it writes no manifest jar")
        void noJar(@TempDir Path temp) throws IOException {
            Path file = temp.resolve("cp.args");
            ClassPathHandOver handOver = ClassPathHandOver.of(JOSE, file, temp, WINDOWS_1252);
            assertEquals(Optional.empty(), handOver.manifestJar());
        }

        @Test
        @DisplayName("it leaves relative entries as they are, for the child to resolve in its working directory")
        void relativeEntries(@TempDir Path temp) throws IOException {
            Path file = temp.resolve("cp.args");
            ClassPathHandOver.of("target/classes", file, temp, WINDOWS_1252);
            assertEquals(List.of("-cp", "\"target/classes\""), lines(file, WINDOWS_1252));
        }
    }

    @Nested
    @DisplayName("where the launcher's encoding lacks a letter of the class path")
    class ManifestJar {

        @Test
        @DisplayName("under windows-1252, Łukasz Żółw's class path gives a jar beside the argument file")
        void jarBeside(@TempDir Path temp) throws IOException {
            Path file = temp.resolve("cp.args");
            ClassPathHandOver handOver = ClassPathHandOver.of(temp.resolve("Łukasz Żółw/classes").toString(), file,
                    temp, WINDOWS_1252);
            assertEquals(Optional.of(temp.resolve("cp.args.jar")), handOver.manifestJar());
        }

        @Test
        @DisplayName("the argument file's -cp names that jar")
        void argumentFileNamesJar(@TempDir Path temp) throws IOException {
            Path file = temp.resolve("cp.args");
            ClassPathHandOver.of(temp.resolve("Łukasz Żółw/classes").toString(), file, temp, WINDOWS_1252);
            assertEquals(List.of("-cp", ClassPathHandOver.argumentFileLine(temp.resolve("cp.args.jar").toString())),
                    lines(file, WINDOWS_1252));
        }

        @Test
        @DisplayName("the jar's Class-Path is ASCII")
        void asciiClassPath(@TempDir Path temp) throws IOException {
            Path classes = Files.createDirectories(temp.resolve("Łukasz Żółw/Lab ü/classes"));
            Path jar = ClassPathHandOver.of(classes.toString(), temp.resolve("cp.args"), temp, WINDOWS_1252)
                    .manifestJar().orElseThrow();
            String urls = manifestClassPath(jar);
            assertTrue(urls.chars().allMatch(c -> c > 0x20 && c < 0x7F || c == ' '), urls);
        }

        @Test
        @DisplayName("it lists every entry, as file: URLs that read back as the same paths")
        void listsEntries(@TempDir Path temp) throws IOException {
            Path classes = Files.createDirectories(temp.resolve("Łukasz Żółw/Lab ü/classes"));
            Path library = temp.resolve("Łukasz Żółw/lib 1.jar");
            Path jar = ClassPathHandOver.of(classes + File.pathSeparator + library, temp.resolve("cp.args"), temp,
                    WINDOWS_1252).manifestJar().orElseThrow();
            List<Path> entries = Arrays.stream(manifestClassPath(jar).split(" "))
                    .map(url -> Path.of(URI.create(url))).toList();
            assertEquals(List.of(classes, library), entries);
        }

        @Test
        @DisplayName("a directory's URL ends in /, so that the class loader reads it as a directory")
        void directoriesEndInSlash(@TempDir Path temp) throws IOException {
            Path classes = Files.createDirectories(temp.resolve("Łukasz Żółw/classes"));
            Path jar = ClassPathHandOver.of(classes.toString(), temp.resolve("cp.args"), temp, WINDOWS_1252)
                    .manifestJar().orElseThrow();
            assertTrue(manifestClassPath(jar).endsWith("/"), manifestClassPath(jar));
        }

        @Test
        @DisplayName("a relative entry is resolved against the child's working directory, as -cp would be")
        void relativeEntry(@TempDir Path temp) throws IOException {
            Path child = Files.createDirectories(temp.resolve("child"));
            Path jar = ClassPathHandOver.of("Łukasz/classes", temp.resolve("cp.args"), child, WINDOWS_1252)
                    .manifestJar().orElseThrow();
            assertEquals(child.resolve("Łukasz/classes").toUri().toASCIIString(), manifestClassPath(jar));
        }

        @Test
        @DisplayName("under the POSIX C locale (US-ASCII) any letter outside ASCII goes through the jar")
        void posixLocale(@TempDir Path temp) throws IOException {
            ClassPathHandOver handOver = ClassPathHandOver.of("/home/josé/lab", temp.resolve("cp.args"), temp,
                    StandardCharsets.US_ASCII);
            assertTrue(handOver.manifestJar().isPresent());
        }

        @Test
        @DisplayName("under Shift_JIS a letter with an ASCII byte in it (表 is 0x95 0x5C, a backslash) goes through the jar")
        void shiftJis(@TempDir Path temp) throws IOException {
            ClassPathHandOver handOver = ClassPathHandOver.of("C:\\Users\\表\\classes", temp.resolve("cp.args"), temp,
                    SHIFT_JIS);
            assertTrue(handOver.manifestJar().isPresent());
        }

        @Test
        @DisplayName("it never writes into a jar someone else put there first")
        void existingJar(@TempDir Path temp) throws IOException {
            Files.writeString(temp.resolve("cp.args.jar"), "planted");
            assertThrows(FileAlreadyExistsException.class,
                    () -> ClassPathHandOver.of("C:\\Users\\Łukasz", temp.resolve("cp.args"), temp, WINDOWS_1252));
        }

        @Test
        @DisplayName("only its owner may read or change the jar, where the file system has permissions")
        void privateJar(@TempDir Path temp) throws IOException {
            assumeTrue(temp.getFileSystem().supportedFileAttributeViews().contains("posix"), "no POSIX permissions");
            Path jar = ClassPathHandOver.of("C:\\Users\\Łukasz", temp.resolve("cp.args"), temp, WINDOWS_1252)
                    .manifestJar().orElseThrow();
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(jar)));
        }
    }

    @Nested
    @DisplayName("which letters the launcher reads back (ASCII friendly)")
    class Readable {

        @Test
        @DisplayName("a Polish letter is not in windows-1252")
        void polishInWestern() {
            assertFalse(ClassPathHandOver.readableByLauncher("C:\\Users\\Łukasz", WINDOWS_1252));
        }

        @Test
        @DisplayName("but it is in windows-1250, the Central European code page")
        void polishInCentral() {
            assertTrue(ClassPathHandOver.readableByLauncher("C:\\Users\\Łukasz", Charset.forName("windows-1250")));
        }

        @Test
        @DisplayName("a Shift_JIS letter whose second byte is a backslash is not ASCII friendly")
        void backslashTrailByte() {
            assertFalse(ClassPathHandOver.readableByLauncher("C:\\表", SHIFT_JIS));
        }

        @Test
        @DisplayName("a Shift_JIS letter whose bytes are all 0x80 and above is (あ is 0x82 0xA0)")
        void highBytesOnly() {
            assertTrue(ClassPathHandOver.readableByLauncher("C:\\あい", SHIFT_JIS));
        }

        @Test
        @DisplayName("nothing is readable in UTF-16, which writes ASCII in two bytes")
        void notAsciiCompatible() {
            assertFalse(ClassPathHandOver.readableByLauncher("classes", StandardCharsets.UTF_16LE));
        }

        @Test
        @DisplayName("the launcher's encoding is this JVM's sun.jnu.encoding")
        void nativeCharsetIsJnu() {
            assertEquals(Charset.forName(System.getProperty("sun.jnu.encoding")), ClassPathHandOver.nativeCharset());
        }
    }

    @Nested
    @DisplayName("where the files' own folder has letters the launcher cannot read")
    class UnreadableFolder {

        @Test
        @DisplayName("names the argument file relative to the working directory, leaving out C:\\Users\\Łukasz")
        void relativeArgumentFile(@TempDir Path temp) throws IOException {
            Path user = temp.resolve("Łukasz");
            Path file = Files.createDirectories(user.resolve("AppData/Local/Temp")).resolve("cp.args");
            Path project = Files.createDirectories(user.resolve("Lab"));
            assertEquals("@" + Path.of("..", "AppData", "Local", "Temp", "cp.args"),
                    ClassPathHandOver.of("target/classes", file, project, WINDOWS_1252).argument());
        }

        @Test
        @DisplayName("names the manifest jar relative to the working directory too")
        void relativeJar(@TempDir Path temp) throws IOException {
            Path user = temp.resolve("Łukasz");
            Path file = Files.createDirectories(user.resolve("Temp")).resolve("cp.args");
            Path project = Files.createDirectories(user.resolve("Lab"));
            ClassPathHandOver.of(project.resolve("classes").toString(), file, project, WINDOWS_1252);
            assertEquals(List.of("-cp", ClassPathHandOver.argumentFileLine(Path.of("..", "Temp", "cp.args.jar")
                    .toString())), lines(file, WINDOWS_1252));
        }

        @Test
        @DisplayName("when even the relative path holds such a letter, fails naming it, the encoding and what to do")
        void noPathWillDo(@TempDir Path temp) throws IOException {
            Path file = Files.createDirectories(temp.resolve("Łukasz")).resolve("cp.args");
            Path elsewhere = Files.createDirectories(temp.resolve("elsewhere"));
            IOException thrown = assertThrows(IOException.class,
                    () -> ClassPathHandOver.of("classes", file, elsewhere, WINDOWS_1252));
            String message = thrown.getMessage();
            assertTrue(message.contains("'Ł'") && message.contains("windows-1252")
                    && message.contains("java.io.tmpdir"), message);
        }

        @Test
        @DisplayName("when it fails, it leaves no argument file behind")
        void nothingWritten(@TempDir Path temp) throws IOException {
            Path file = Files.createDirectories(temp.resolve("Łukasz")).resolve("cp.args");
            Path elsewhere = Files.createDirectories(temp.resolve("elsewhere"));
            assertThrows(IOException.class, () -> ClassPathHandOver.of("classes", file, elsewhere, WINDOWS_1252));
            assertFalse(Files.exists(file));
        }
    }
}
