package dev.mlobservatory.console.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bookkeeping of the processes one console starts, so none outlives it and no other console's are touched.
 *
 * <p>Each console keeps its own record file, {@code consoles/<pid>-<start>-<nonce>.tsv} under the console's home:
 * the owner (its pid and start instant) in the name, one line per child with the child's pid, start instant and
 * command. A JVM shutdown hook stops the children on a normal exit or SIGTERM. At the next start,
 * {@link #reapLeftovers()} stops the children of records whose owner is gone (a crash, {@code kill -9}), and
 * only processes whose pid, start instant and command all match what was recorded: a second console running at
 * the same time keeps its children, and a pid reused by an unrelated program is left alone.
 *
 * <p>The record is written only by the calling thread, in {@link #start} and {@link #close}: nothing writes into
 * the home after {@code close()} returns (a child that exits just drops out of the next write).
 */
public final class ChildProcesses {

    private static final Logger LOG = LoggerFactory.getLogger(ChildProcesses.class);
    static final String RECORDS = "consoles";
    /** The single file of earlier versions: pids without start instants, which cannot be verified. */
    private static final String LEGACY_PID_FILE = "children.pid";

    /** The live children, each with its record line, taken once when it started. */
    private final Map<Process, ChildRecord> alive = new ConcurrentHashMap<>();
    /** Folders only these children use (Prometheus data): removed once the children are stopped. */
    private final Set<Path> folders = ConcurrentHashMap.newKeySet();
    private final Path home;
    private final Owner owner;
    private final Path record;
    private final Thread hook = new Thread(this::stopAll, "console-child-reaper");
    private boolean closed;

    /** @param home the console's folder, e.g. {@code ~/.ml-observatory}; the records go under {@code consoles/} */
    public ChildProcesses(Path home) {
        this(home, Owner.current());
    }

    /** With an explicit owner: tests stand in for a console that has since died. */
    ChildProcesses(Path home, Owner owner) {
        this.home = home;
        this.owner = owner;
        this.record = home.resolve(RECORDS).resolve(owner.key() + "-" + UUID.randomUUID().toString().substring(0, 8)
                + ".tsv");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** The console these children belong to. */
    public Owner owner() {
        return owner;
    }

    /**
     * Stops the children that consoles no longer running left behind, and forgets their records. Children of a
     * console that still runs, and processes that are not exactly the recorded child, are never touched.
     *
     * @return how many processes were stopped
     */
    public int reapLeftovers() {
        int stopped = 0;
        try {
            Files.deleteIfExists(home.resolve(LEGACY_PID_FILE));
        } catch (IOException e) {
            LOG.debug("cannot delete the old pid file", e);
        }
        Path dir = home.resolve(RECORDS);
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.tsv")) {
            for (Path file : files) {
                if (!file.equals(record)) {
                    stopped += reap(file);
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot read {}: {}", dir, e.toString());
        }
        return stopped;
    }

    private int reap(Path file) {
        String name = file.getFileName().toString();
        Optional<Owner> recordOwner = Owner.fromName(name.substring(0, name.length() - ".tsv".length()));
        if (recordOwner.isPresent() && recordOwner.get().alive()) {
            return 0; // another console, still running: its children are its own business
        }
        int stopped = 0;
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                Optional<ProcessHandle> child = ChildRecord.parse(line).flatMap(ChildRecord::live);
                if (child.isPresent()) {
                    LOG.warn("stopping {} (pid {}) left behind by a console that is no longer running",
                            child.get().info().command().orElse("?"), child.get().pid());
                    stop(child.get());
                    stopped++;
                }
            }
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("cannot read {}: {}", file, e.toString());
        }
        return stopped;
    }

    /** Starts {@code builder}'s process and records it until this console closes. */
    public Process start(ProcessBuilder builder) throws IOException {
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the console is closing: no new process is started");
            }
            Process p = builder.start();
            ProcessHandle h = p.toHandle();
            alive.put(p, new ChildRecord(Owner.of(h).orElse(new Owner(h.pid(), 0)), h.info().command().orElse("")));
            p.onExit().thenRun(() -> alive.remove(p)); // no file write here: see the class comment
            writeRecord();
            return p;
        }
    }

    /**
     * Removes {@code folder} after the children are stopped, also when the JVM exits on SIGTERM or Ctrl+C without
     * the window's own stop running.
     */
    public void removeOnStop(Path folder) {
        folders.add(folder);
    }

    /** The children alive now (for tests and the status line). */
    public List<ProcessHandle> alive() {
        List<ProcessHandle> handles = new ArrayList<>();
        for (Process p : alive.keySet()) {
            if (p.isAlive()) {
                handles.add(p.toHandle());
            }
        }
        return handles;
    }

    /**
     * Stops every child this instance started (SIGTERM, then SIGKILL after 5 s) and its descendants, then removes
     * the folders they used.
     */
    public void stopAll() {
        for (Process p : List.copyOf(alive.keySet())) {
            stop(p.toHandle());
        }
        alive.clear();
        for (Path folder : List.copyOf(folders)) {
            DataDirs.delete(folder);
            folders.remove(folder);
        }
        synchronized (this) {
            try {
                Files.deleteIfExists(record);
            } catch (IOException e) {
                LOG.debug("cannot delete {}", record, e);
            }
        }
    }

    /** Stops every child, removes the record and the shutdown hook (the application's normal stop). */
    public void close() {
        synchronized (this) {
            closed = true;
        }
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or ran already
        }
    }

    static void stop(ProcessHandle process) {
        List<ProcessHandle> family = new ArrayList<>(process.descendants().toList());
        family.add(process);
        family.forEach(ProcessHandle::destroy);
        for (ProcessHandle h : family) {
            try {
                h.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception notYet) {
                h.destroyForcibly();
            }
        }
    }

    /** Called with the lock held. A home that cannot be written only costs the crash recovery: say so once. */
    private void writeRecord() {
        StringBuilder sb = new StringBuilder();
        alive.forEach((p, child) -> {
            if (p.isAlive()) {
                sb.append(child.line()).append('\n');
            }
        });
        try {
            Files.createDirectories(record.getParent());
            Files.writeString(record, sb.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.warn("cannot record child processes in {} ({}); a crash of this console could leave them running",
                    record, e.toString());
        }
    }

    /** One line of a record: {@code pid TAB startMillis TAB command}. */
    record ChildRecord(Owner id, String command) {

        String line() {
            return id.pid() + "\t" + id.startMillis() + "\t" + command;
        }

        static Optional<ChildRecord> parse(String line) {
            String[] f = line.split("\t", 3);
            if (f.length != 3) {
                return Optional.empty();
            }
            try {
                return Optional.of(new ChildRecord(new Owner(Long.parseLong(f[0]), Long.parseLong(f[1])), f[2]));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }

        /** The recorded process, only if pid, start instant and command all still match (never a stranger). */
        Optional<ProcessHandle> live() {
            if (id.startMillis() == 0 || command.isEmpty()) {
                return Optional.empty(); // unverifiable: leave it
            }
            return id.handle().filter(h -> h.info().command().map(command::equals).orElse(false));
        }
    }
}
