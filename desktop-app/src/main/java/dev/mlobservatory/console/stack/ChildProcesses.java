package dev.mlobservatory.console.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bookkeeping of the processes the console starts, so none outlives it: a JVM shutdown hook stops them on a
 * normal exit or SIGTERM, and a pid file lets the next start stop those a crash (kill -9) left behind.
 */
public final class ChildProcesses {

    private static final Logger LOG = LoggerFactory.getLogger(ChildProcesses.class);

    private final Set<Process> alive = ConcurrentHashMap.newKeySet();
    private final Path pidFile;
    private final Thread hook = new Thread(this::stopAll, "console-child-reaper");

    /** @param pidFile where the pids of live children are written, e.g. {@code ~/.ml-observatory/children.pid} */
    public ChildProcesses(Path pidFile) {
        this.pidFile = pidFile;
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * Stops processes recorded by an earlier run that did not exit cleanly, if they are still ours: same pid and
     * the same command as recorded (a pid reused by an unrelated program is left alone).
     *
     * @return how many were stopped
     */
    public int reapLeftovers() {
        if (!Files.isRegularFile(pidFile)) {
            return 0;
        }
        int stopped = 0;
        try {
            for (String line : Files.readAllLines(pidFile, StandardCharsets.UTF_8)) {
                String[] parts = line.split("\t", 2);
                if (parts.length != 2) {
                    continue;
                }
                Optional<ProcessHandle> handle = ProcessHandle.of(Long.parseLong(parts[0].trim()));
                if (handle.isPresent() && handle.get().info().command().map(parts[1]::equals).orElse(false)) {
                    LOG.warn("stopping {} (pid {}) left behind by an earlier run", parts[1], parts[0]);
                    stop(handle.get());
                    stopped++;
                }
            }
            Files.deleteIfExists(pidFile);
        } catch (IOException | NumberFormatException e) {
            LOG.warn("cannot read {}: {}", pidFile, e.toString());
        }
        return stopped;
    }

    /** Starts {@code builder}'s process and keeps track of it until it exits. */
    public Process start(ProcessBuilder builder) throws IOException {
        Process p = builder.start();
        alive.add(p);
        writePidFile();
        p.onExit().thenRun(() -> {
            alive.remove(p);
            writePidFile();
        });
        return p;
    }

    /** The children alive now (for tests and the status line). */
    public List<ProcessHandle> alive() {
        List<ProcessHandle> handles = new ArrayList<>();
        for (Process p : alive) {
            if (p.isAlive()) {
                handles.add(p.toHandle());
            }
        }
        return handles;
    }

    /** Stops every child (SIGTERM, then SIGKILL after 5 s) and its descendants. */
    public void stopAll() {
        for (Process p : List.copyOf(alive)) {
            stop(p.toHandle());
        }
        alive.clear();
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            LOG.debug("cannot delete {}", pidFile, e);
        }
    }

    /** Stops every child and removes the shutdown hook (the application's normal stop). */
    public void close() {
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

    private synchronized void writePidFile() {
        StringBuilder sb = new StringBuilder();
        for (Process p : alive) {
            ProcessHandle h = p.toHandle();
            h.info().command().ifPresent(cmd -> sb.append(h.pid()).append('\t').append(cmd).append('\n'));
        }
        try {
            Files.createDirectories(pidFile.getParent());
            Files.writeString(pidFile, sb.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.warn("cannot write {}: {}", pidFile, e.toString());
        }
    }
}
