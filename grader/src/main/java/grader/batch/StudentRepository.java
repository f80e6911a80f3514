package grader.batch;

import grader.export.TemplateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One student's repository checked out under the batch directory: its folder name is the student's
 * login.
 *
 * @param login the folder's name
 * @param path  the folder
 */
public record StudentRepository(String login, Path path) {
    private static final String LAB = "exercises/src/main/java/lab/";

    /**
     * The student repositories under {@code directory}: every sub-folder whose name does not start
     * with a dot, sorted by name.
     */
    public static List<StudentRepository> under(Path directory) throws IOException {
        try (Stream<Path> children = Files.list(directory)) {
            return children.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .map(p -> new StudentRepository(p.getFileName().toString(), p))
                    .toList();
        }
    }

    /**
     * What would be graded, as a key that changes whenever the grade could: {@code git:<HEAD>} plus
     * the hash of the lab sources as they are on disk (a checkout with uncommitted edits is not the
     * commit), or only {@code sha256:<hash>} when the folder is not a Git checkout.
     */
    public String commitKey() {
        String sources = "sha256:" + labSourcesHash();
        return gitHead().map(head -> "git:" + head + " " + sources).orElse(sources);
    }

    /**
     * Whether the student changed the starter code: false when every lab source is byte for byte the
     * template's stub and nothing was added, or when there are no lab sources at all.
     */
    public boolean submitted(TemplateFiles template) {
        Map<String, byte[]> stubs = template.files();
        List<Path> sources = labSources();
        if (sources.isEmpty()) {
            return false;
        }
        long stubCount = stubs.keySet().stream().filter(p -> p.startsWith(LAB)).count();
        if (sources.size() != stubCount) {
            return true;
        }
        for (Path source : sources) {
            byte[] stub = stubs.get(LAB + source.getFileName());
            try {
                if (stub == null || !Arrays.equals(stub, Files.readAllBytes(source))) {
                    return true;
                }
            } catch (IOException e) {
                return true;
            }
        }
        return false;
    }

    private List<Path> labSources() {
        Path lab = path.resolve(LAB);
        if (!Files.isDirectory(lab)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(lab)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + lab, e);
        }
    }

    private String labSourcesHash() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path source : labSources()) {
                digest.update(source.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(Files.readAllBytes(source));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the lab sources of " + login, e);
        }
    }

    /** The checked-out commit, asked of Git itself (refs may be packed, worktrees linked). */
    private Optional<String> gitHead() {
        if (!Files.exists(path.resolve(".git"))) {
            return Optional.empty();
        }
        try {
            Process git = new ProcessBuilder("git", "-C", path.toString(), "rev-parse", "HEAD")
                    .redirectErrorStream(true).start();
            git.getOutputStream().close();
            byte[] out = git.getInputStream().readNBytes(200);
            if (!git.waitFor(10, TimeUnit.SECONDS)) {
                git.destroyForcibly();
                return Optional.empty();
            }
            String head = new String(out, StandardCharsets.UTF_8).strip();
            return git.exitValue() == 0 && head.matches("[0-9a-f]{40,64}") ? Optional.of(head) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
