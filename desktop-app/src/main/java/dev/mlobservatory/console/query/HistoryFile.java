package dev.mlobservatory.console.query;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The query history on disk, newest first, one query per line. A multi-line query stays one line: a newline
 * is written {@code \n}, a carriage return {@code \r}, a backslash {@code \\}; any other escape makes the
 * file corrupt, and a corrupt or unreadable file is an empty history (with a warning), never a failure.
 */
final class HistoryFile {

    private static final Logger LOG = LoggerFactory.getLogger(HistoryFile.class);

    private final Path file;
    /** Held while writing, so two writes never interleave and the newest snapshot is written last. */
    private final Object writing = new Object();
    /** The newest snapshot not yet written; null when the file is up to date. */
    private final AtomicReference<List<String>> pending = new AtomicReference<>();

    HistoryFile(Path file) {
        if (file == null) {
            throw new IllegalArgumentException("file must not be null");
        }
        this.file = file;
    }

    Path path() {
        return file;
    }

    /** The stored queries, newest first; empty when there is no file or it cannot be read. */
    List<String> load() {
        try {
            List<String> out = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isEmpty()) {
                    out.add(decode(line));
                }
            }
            return out;
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("Query history {} is unreadable, starting with an empty history: {}", file, e.toString());
            return List.of();
        }
    }

    /**
     * Writes {@code entries} on {@code executor}. Saves made while a write waits collapse into one with the
     * newest entries. The future completes when that snapshot is on disk (or the write failed and was logged).
     */
    CompletableFuture<Void> save(List<String> entries, Executor executor) {
        pending.set(List.copyOf(entries));
        try {
            return CompletableFuture.runAsync(this::writePending, executor);
        } catch (RejectedExecutionException e) {
            LOG.debug("executor stopped; query history not saved");
            return CompletableFuture.completedFuture(null);
        }
    }

    private void writePending() {
        synchronized (writing) {
            // Taken under the lock: a write that started later can never be overtaken by an older snapshot.
            List<String> entries = pending.getAndSet(null);
            if (entries != null) {
                write(entries);
            }
        }
    }

    /** Writes now, on the calling thread: a temporary file moved over the old one, so a crash leaves one whole. */
    void write(List<String> entries) {
        StringBuilder text = new StringBuilder();
        for (String e : entries) {
            text.append(encode(e)).append('\n');
        }
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            try {
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                try {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            LOG.warn("Could not save the query history to {}: {}", file, e.toString());
        }
    }

    static String encode(String query) {
        StringBuilder out = new StringBuilder(query.length());
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String decode(String line) {
        StringBuilder out = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (i + 1 >= line.length()) {
                throw new IllegalArgumentException("a line ends in a lone backslash: " + line);
            }
            char next = line.charAt(++i);
            switch (next) {
                case '\\' -> out.append('\\');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                default -> throw new IllegalArgumentException("unknown escape \\" + next + " in: " + line);
            }
        }
        return out.toString();
    }
}
