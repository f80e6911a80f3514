package grader.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes report files (and the class dashboard) as UTF-8, creating the parent directory first. */
public final class ReportFiles {
    private ReportFiles() {
    }

    /**
     * Writes {@code text} to {@code file} as UTF-8, replacing the file if it exists.
     *
     * <p>Uses {@link String#getBytes} rather than {@link Files#writeString}: the latter throws on an
     * unpaired surrogate, and a report must never be lost to one odd character in a message.
     */
    public static Path write(Path file, String text) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return Files.write(file, text.getBytes(StandardCharsets.UTF_8));
    }
}
