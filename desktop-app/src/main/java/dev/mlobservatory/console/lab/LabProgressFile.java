package dev.mlobservatory.console.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The lab's progress on disk, {@code <home>/lab-progress.json}: per OS user, each green step's id and when it went
 * green. Written whole to a temporary file and moved over the old one, so a crash mid-write never leaves half a
 * file. A file that cannot be read is moved aside (never deleted) and the user starts afresh, told where it went.
 * Blocking: call from the executor. Safe for several threads (one lock per file).
 */
public final class LabProgressFile {

    public static final String NAME = "lab-progress.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final String user;

    /** What a load found: the user's green steps, and a sentence when the file had to be set aside ("" if not). */
    public record Loaded(Map<String, Instant> green, String problem) {
        public Loaded {
            green = Map.copyOf(green);
            problem = problem == null ? "" : problem;
        }
    }

    /** @param user the OS user name the progress belongs to */
    public LabProgressFile(Path file, String user) {
        this.file = Objects.requireNonNull(file, "file");
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("user must not be blank, got '" + user + "'");
        }
        this.user = user;
    }

    /** In {@code home}, for the user running the console. */
    public static LabProgressFile inHome(Path home) {
        return new LabProgressFile(home.resolve(NAME), System.getProperty("user.name", "student"));
    }

    public Path file() {
        return file;
    }

    public String user() {
        return user;
    }

    /** This user's green steps; an unreadable file is moved aside and the answer says so. */
    public synchronized Loaded load() {
        ObjectNode root;
        try {
            root = readRoot();
        } catch (NoSuchFileException e) {
            return new Loaded(Map.of(), "");
        } catch (IOException | RuntimeException e) {
            return new Loaded(Map.of(), setAside());
        }
        Map<String, Instant> green = new LinkedHashMap<>();
        JsonNode steps = root.path("users").path(user);
        for (Map.Entry<String, JsonNode> e : steps.properties()) {
            try {
                green.put(e.getKey(), Instant.parse(e.getValue().asText()));
            } catch (DateTimeParseException bad) {
                return new Loaded(Map.of(), setAside());
            }
        }
        return new Loaded(green, "");
    }

    /** Records that {@code step} went green at {@code at} for this user, keeping other users' progress. */
    public synchronized void markGreen(String step, Instant at) throws IOException {
        ObjectNode root = rootOrFresh();
        root.withObjectProperty("users").withObjectProperty(user).put(step, at.truncatedTo(ChronoUnit.SECONDS).toString());
        write(root);
    }

    /** Forgets this user's progress, and only this user's. */
    public synchronized void reset() throws IOException {
        ObjectNode root = rootOrFresh();
        root.withObjectProperty("users").remove(user);
        write(root);
    }

    private ObjectNode rootOrFresh() {
        try {
            return readRoot();
        } catch (IOException | RuntimeException e) {
            if (Files.exists(file)) {
                // load() told the user already; a file that broke since is kept aside all the same
                setAside();
            }
            ObjectNode fresh = JSON.createObjectNode();
            fresh.put("version", 1);
            return fresh;
        }
    }

    private ObjectNode readRoot() throws IOException {
        if (Files.notExists(file)) {
            throw new NoSuchFileException(file.toString());
        }
        JsonNode root = JSON.readTree(file.toFile());
        if (!(root instanceof ObjectNode o) || !o.path("users").isObject()) {
            throw new IOException("not a lab progress file: no \"users\" object");
        }
        return o;
    }

    /** Moves the unreadable file beside itself under a new name; the sentence a user reads about it. */
    private String setAside() {
        String stem = file.getFileName() + ".broken-"
                + Instant.now().truncatedTo(ChronoUnit.SECONDS).toString().replace(':', '-');
        Path aside = file.resolveSibling(stem);
        // Two broken files within a second must not overwrite each other: neither is lost.
        for (int n = 2; Files.exists(aside); n++) {
            aside = file.resolveSibling(stem + "-" + n);
        }
        try {
            Files.move(file, aside);
            return "The lab progress file could not be read, so progress starts afresh. The old file is kept as "
                    + aside + ".";
        } catch (IOException e) {
            return "The lab progress file " + file + " could not be read, so progress starts afresh (" + e.getMessage()
                    + ").";
        }
    }

    private void write(ObjectNode root) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), NAME, ".tmp");
        try {
            JSON.writeValue(tmp.toFile(), root);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
