package dev.mlobservatory.console.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The console's log file, {@code <home>/logs/console.log}: everything the console writes to stderr (its SLF4J log
 * lines, JavaFX's warnings, a stack trace nobody caught) also goes there, so a student can send it to the teacher.
 * It rotates at {@link #MAX_BYTES} into {@code console.1.log} … {@code console.3.log}. The last warnings and errors are
 * kept in memory for "Copy diagnostics". A file that cannot be written costs the file, never the console.
 */
public final class LogFile extends OutputStream {

    /** Rotated past this size; four files at most: a class's whole term fits, a laptop's disk does not notice. */
    public static final long MAX_BYTES = 5L * 1024 * 1024;
    public static final int KEPT = 3;
    private static final int PROBLEMS = 20;

    private final Path file;
    private final long maxBytes;
    private final ArrayDeque<String> problems = new ArrayDeque<>();
    private final StringBuilder line = new StringBuilder();
    private OutputStream out;
    private long size;

    LogFile(Path file, long maxBytes) throws IOException {
        this.file = file;
        this.maxBytes = maxBytes;
        Files.createDirectories(file.getParent());
        open();
    }

    /**
     * Tees {@code System.err} into {@code <home>/logs/console.log}; returns the file, or null when it cannot be
     * written (the console then logs to stderr only, and says so there).
     */
    public static LogFile install(Path home) {
        try {
            LogFile log = new LogFile(home.resolve("logs").resolve("console.log"), MAX_BYTES);
            PrintStream stderr = System.err;
            System.setErr(new PrintStream(new Tee(stderr, log), true, StandardCharsets.UTF_8));
            return log;
        } catch (IOException e) {
            System.err.println("cannot write the console's log file under " + home + ": " + e.getMessage());
            return null;
        }
    }

    public Path path() {
        return file;
    }

    /** The last warnings and errors logged (their first lines), oldest first. */
    public synchronized List<String> recentProblems() {
        return List.copyOf(problems);
    }

    @Override
    public synchronized void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        if (out == null) {
            return;
        }
        if (size + len > maxBytes && size > 0) {
            rotate();
        }
        out.write(b, off, len);
        size += len;
        remember(new String(b, off, len, StandardCharsets.UTF_8));
    }

    @Override
    public synchronized void flush() throws IOException {
        if (out != null) {
            out.flush();
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (out != null) {
            out.close();
            out = null;
        }
    }

    private void open() throws IOException {
        out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        size = Files.size(file);
    }

    /** console.log → console.1.log → … → console.KEPT.log, the oldest dropped. */
    private void rotate() throws IOException {
        out.close();
        for (int i = KEPT; i >= 1; i--) {
            Path from = i == 1 ? file : sibling(i - 1);
            if (Files.exists(from)) {
                Files.move(from, sibling(i), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        open();
    }

    Path sibling(int n) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return file.resolveSibling(name.substring(0, dot) + "." + n + name.substring(dot));
    }

    /** Keeps whole lines that say WARN or ERROR (SLF4J's levels; JavaFX's "WARNING:"). */
    private void remember(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                String whole = line.toString();
                line.setLength(0);
                if (whole.contains(" WARN ") || whole.contains(" ERROR ") || whole.startsWith("WARNING:")
                        || whole.startsWith("Exception")) {
                    problems.addLast(whole.length() > 400 ? whole.substring(0, 400) + "…" : whole);
                    if (problems.size() > PROBLEMS) {
                        problems.removeFirst();
                    }
                }
            } else if (c != '\r' && line.length() < 4000) {
                line.append(c);
            }
        }
    }

    /** Writes to both; a failing file never stops the terminal's copy. */
    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final LogFile second;

        Tee(OutputStream first, LogFile second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            first.write(b, off, len);
            try {
                second.write(b, off, len);
            } catch (IOException full) {
                // the disk filled up or the file went away: the terminal still has it
            }
        }

        @Override
        public void flush() throws IOException {
            first.flush();
            try {
                second.flush();
            } catch (IOException ignored) {
                // as above
            }
        }
    }
}
