package dev.mlobservatory.console.stack;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prometheus data folders that belong to one console: named {@code prometheus-<pid>-<start>-<n>} after their
 * owner, so a later console can tell a crashed console's folder (removed) from a running one's (kept) without
 * any other record. They live in the console's home, or in a folder under the system's temporary directory when
 * the home cannot be written (the in-process API needs no disk, so a read-only home must not stop Local mode).
 */
public final class DataDirs {

    private static final Logger LOG = LoggerFactory.getLogger(DataDirs.class);
    static final String PREFIX = "prometheus-";

    private DataDirs() {
    }

    /** Where data folders go when the home is read-only: one folder per user under the temporary directory. */
    public static Path fallbackRoot() {
        return Path.of(System.getProperty("java.io.tmpdir"),
                "ml-observatory-" + System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_"));
    }

    /**
     * Creates a data folder owned by {@code owner}: in {@code home}, else in {@link #fallbackRoot()}, saying so.
     *
     * @throws IOException when neither can be written
     */
    public static Path create(Path home, Owner owner, Consumer<String> log) throws IOException {
        return create(home, fallbackRoot(), owner, log);
    }

    static Path create(Path home, Path fallback, Owner owner, Consumer<String> log) throws IOException {
        try {
            return createIn(home, owner);
        } catch (IOException e) {
            Path dir = createIn(fallback, owner);
            log.accept("The console's folder " + home + " cannot be written (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "); Prometheus keeps its data in " + dir + " for this run instead.");
            return dir;
        }
    }

    private static Path createIn(Path root, Owner owner) throws IOException {
        Files.createDirectories(root);
        return Files.createTempDirectory(root, PREFIX + owner.key() + "-");
    }

    /**
     * Removes the data folders in {@code root} whose console is gone (and unnamed ones left by earlier versions).
     *
     * @return how many were removed
     */
    public static int sweepOrphans(Path root) {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        int removed = 0;
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, PREFIX + "*")) {
            for (Path dir : dirs) {
                if (Files.isDirectory(dir) && owner(dir).map(o -> !o.alive()).orElse(true)) {
                    LOG.info("removing {}, left by a console that is no longer running", dir);
                    delete(dir);
                    removed++;
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot list {}: {}", root, e.toString());
        }
        return removed;
    }

    /** The console a folder belongs to, from its name; empty for a name of an earlier version. */
    static Optional<Owner> owner(Path dir) {
        return Owner.fromName(dir.getFileName().toString().substring(PREFIX.length()));
    }

    /** Deletes a folder and everything in it; logs what it cannot delete. */
    public static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.warn("cannot delete {}: {}", p, e.toString());
                }
            });
        } catch (IOException e) {
            LOG.warn("cannot delete {}: {}", dir, e.toString());
        }
    }
}
