package dev.mlobservatory.console.stack;

import java.util.Optional;

/**
 * One running console, identified the way the operating system can confirm later: its pid and the instant that
 * process started. A pid alone is reused; a pid with the same start instant is the same process.
 *
 * @param pid the console's process id
 * @param startMillis when that process started, epoch milliseconds; 0 when the platform does not say
 */
public record Owner(long pid, long startMillis) {

    public Owner {
        if (pid <= 0) {
            throw new IllegalArgumentException("pid must be positive, got " + pid);
        }
        if (startMillis < 0) {
            throw new IllegalArgumentException("startMillis must not be negative, got " + startMillis);
        }
    }

    /** This JVM. */
    public static Owner current() {
        return of(ProcessHandle.current()).orElseThrow();
    }

    /** The process's identity, when the platform reports its start instant. */
    public static Optional<Owner> of(ProcessHandle process) {
        return process.info().startInstant().map(i -> new Owner(process.pid(), i.toEpochMilli()));
    }

    /**
     * True while this very process runs. When the platform cannot tell a start instant for a live pid (another
     * user's process on some systems), the answer is true: better leave a leftover than stop a stranger.
     */
    public boolean alive() {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive()) {
            return false;
        }
        return handle.get().info().startInstant().map(i -> i.toEpochMilli() == startMillis).orElse(true);
    }

    /** The live process this identity names, if it is still that process. */
    public Optional<ProcessHandle> handle() {
        return ProcessHandle.of(pid).filter(h -> h.info().startInstant()
                .map(i -> i.toEpochMilli() == startMillis).orElse(false));
    }

    /** {@code pid-startMillis}: how records and folders name their owner. */
    public String key() {
        return pid + "-" + startMillis;
    }

    /**
     * The owner named by a record or folder name of the form {@code <key>-<nonce>} ({@code 4242-1795972706490-87bd}),
     * as {@link ChildProcesses} and {@link DataDirs} name theirs; empty for any other name.
     */
    static Optional<Owner> fromName(String name) {
        String[] parts = name.split("-");
        return parts.length == 3 ? parseKey(parts[0] + "-" + parts[1]) : Optional.empty();
    }

    /** Parses {@link #key()}; empty for anything else. */
    public static Optional<Owner> parseKey(String key) {
        String[] parts = key.split("-", -1);
        if (parts.length != 2) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Owner(Long.parseLong(parts[0]), Long.parseLong(parts[1])));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
