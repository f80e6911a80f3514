package grader.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The browser's downloads, as Chromium reports them once {@code Browser.setDownloadBehavior} asks it
 * to: {@code Browser.downloadWillBegin} names the file and the frame that started it,
 * {@code Browser.downloadProgress} says when it is complete. The events come to the browser, not to
 * a tab, so the finished downloads wait here, in the order they finished, until the tab that owns
 * the frame asks for them.
 */
final class Downloads {
    private final CdpConnection connection;
    private final Map<String, Begun> begun = new ConcurrentHashMap<>();
    private final List<Finished> finished = new ArrayList<>();

    private record Begun(String frameId, String name) {
    }

    /** A finished download: its file, or why there is none. */
    private record Finished(String frameId, String name, Path file, String failure) {
    }

    /** Starts listening to the browser's download events. */
    Downloads(CdpConnection connection) {
        this.connection = connection;
        connection.on(null, "Browser.downloadWillBegin", this::began);
        connection.on(null, "Browser.downloadProgress", this::progressed);
    }

    /** Lets the tabs of {@code browserContextId} download into {@code folder}, creating it. */
    void allow(String browserContextId, Path folder, Deadline deadline) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create the download directory " + folder, e);
        }
        connection.send(null, "Browser.setDownloadBehavior", Map.of("behavior", "allow", "browserContextId", browserContextId,
                "downloadPath", folder.toAbsolutePath().toString(), "eventsEnabled", true), deadline);
    }

    /**
     * The next download started by one of {@code frames} to finish, waiting for it until
     * {@code deadline}; one that finished before the call counts, so a test may click first and wait
     * afterwards. Without a path from Chromium, the file is taken to be in {@code folder}.
     */
    synchronized Path next(Set<String> frames, Path folder, Deadline deadline) {
        while (true) {
            for (Iterator<Finished> it = finished.iterator(); it.hasNext();) {
                Finished download = it.next();
                if (frames.contains(download.frameId())) {
                    it.remove();
                    return fileOf(download, folder);
                }
            }
            long millis = deadline.remaining().toMillis();
            if (millis <= 0) {
                List<String> unfinished = begun.values().stream().filter(download -> frames.contains(download.frameId()))
                        .map(Begun::name).sorted().toList();
                throw deadline.timeout("a download to complete (" + (unfinished.isEmpty() ? "none began" : "begun but unfinished: " + unfinished) + ")");
            }
            try {
                wait(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BrowserException("interrupted while waiting for a download", e);
            }
        }
    }

    private static Path fileOf(Finished download, Path folder) {
        if (download.failure() != null) {
            throw new BrowserException(download.failure());
        }
        Path file = download.file() != null ? download.file() : folder.resolve(download.name());
        if (!Files.isRegularFile(file)) {
            throw new BrowserException("Chromium reported the download of " + download.name() + " complete, but there is no file " + file);
        }
        return file;
    }

    private void began(Map<String, Object> event) {
        begun.put((String) event.get("guid"), new Begun((String) event.get("frameId"), (String) event.get("suggestedFilename")));
    }

    private void progressed(Map<String, Object> event) {
        Object state = event.get("state");
        if (!"completed".equals(state) && !"canceled".equals(state)) {
            return;
        }
        String guid = (String) event.get("guid");
        Begun download = begun.remove(guid);
        String frameId = download == null ? "" : download.frameId();
        String name = download == null ? guid : download.name();
        // Newer Chromium says where the file went (a second "x.csv" becomes "x (1).csv"); older ones do not.
        Path file = event.get("filePath") instanceof String path && !path.isEmpty() ? Path.of(path) : null;
        String failure = "canceled".equals(state) ? "the download of " + name + " was canceled" : null;
        synchronized (this) {
            finished.add(new Finished(frameId, name, file, failure));
            notifyAll();
        }
    }
}
