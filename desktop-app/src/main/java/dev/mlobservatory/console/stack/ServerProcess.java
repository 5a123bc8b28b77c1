package dev.mlobservatory.console.stack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A server binary run as the console's child on 127.0.0.1 (Prometheus, Alertmanager): its output piped to the log
 * and its tail kept for the reason it stops, {@code /-/ready} awaited, an exit nobody asked for told in one sentence.
 */
final class ServerProcess {

    private static final int LOG_TAIL = 40;

    private final String name;
    private final Process process;
    private final int port;
    private final Deque<String> tail = new ArrayDeque<>();
    /** Set by {@link #close()}: an exit after it is expected, not news. */
    private volatile boolean closing;
    private volatile Thread reader;

    private ServerProcess(String name, Process process, int port) {
        this.name = name;
        this.process = process;
        this.port = port;
    }

    /**
     * Starts {@code builder} (recorded in {@code children}, so it never outlives the console) and waits until
     * {@code /-/ready} answers on {@code port}.
     *
     * @param name as a person reads it: "Prometheus", "Alertmanager"
     * @param log receives each line it prints (from a reader thread)
     * @throws IOException when it cannot start, exits, or is not ready in time; the message says why
     */
    static ServerProcess start(String name, ProcessBuilder builder, int port, long readySeconds,
                               ChildProcesses children, Consumer<String> log) throws IOException, InterruptedException {
        ServerProcess server = new ServerProcess(name, children.start(builder.redirectErrorStream(true)), port);
        server.pipeOutput(log);
        try {
            server.awaitReady(readySeconds);
        } catch (IOException | InterruptedException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /**
     * Runs {@code action} with one sentence saying why, if the process ends without {@link #close()} having been
     * called: killed, crashed, or stopped by someone else. Runs on a JDK thread; not at all after close().
     */
    void onUnexpectedExit(Consumer<String> action) {
        process.onExit().thenRun(() -> {
            if (closing) {
                return;
            }
            awaitOutput(); // the last error line is usually the reason: read it before saying why
            if (!closing) {
                action.accept(describeExit());
            }
        });
    }

    /**
     * "Prometheus (pid 4242) exited with code 137 (killed by signal 9, SIGKILL)." and, when it logged one, its last
     * error: a killed process has no last words worth showing, a crashed one usually has.
     */
    String describeExit() {
        int code = process.exitValue();
        String how = code > 128 && code < 160 ? " (killed by signal " + (code - 128) + signalName(code - 128) + ")" : "";
        String error = errorLine();
        return name + " (pid " + process.pid() + ") exited with code " + code + how + "."
                + (error == null ? "" : " Its last error: " + error);
    }

    private static String signalName(int signal) {
        return switch (signal) {
            case 9 -> ", SIGKILL";
            case 15 -> ", SIGTERM";
            case 6 -> ", SIGABRT";
            case 11 -> ", SIGSEGV";
            default -> "";
        };
    }

    private void pipeOutput(Consumer<String> log) {
        String lower = name.toLowerCase(Locale.ROOT);
        reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    synchronized (tail) {
                        if (tail.size() == LOG_TAIL) {
                            tail.removeFirst();
                        }
                        tail.addLast(line);
                    }
                    log.accept(line);
                }
            } catch (IOException closed) {
                // the process ended
            }
        }, lower + "-output");
        reader.setDaemon(true);
        reader.start();
    }

    private void awaitReady(long readySeconds) throws IOException, InterruptedException {
        String lower = name.toLowerCase(Locale.ROOT);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(readySeconds);
        while (System.nanoTime() < deadline) {
            if (process.waitFor(100, TimeUnit.MILLISECONDS)) {
                awaitOutput();
                throw new IOException(lower + " exited with code " + process.exitValue() + ": " + lastError());
            }
            if (ready()) {
                return;
            }
        }
        throw new IOException(lower + " did not become ready within " + readySeconds + " s: " + lastError());
    }

    private boolean ready() {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(baseUrl() + "/-/ready").toURL().openConnection();
            c.setConnectTimeout(500);
            c.setReadTimeout(1000);
            try {
                return c.getResponseCode() == 200;
            } finally {
                c.disconnect();
            }
        } catch (IOException notYet) {
            return false;
        }
    }

    /** The most telling line of its output: the last error it logged, else its last line. */
    String lastError() {
        String error = errorLine();
        if (error != null) {
            return error;
        }
        synchronized (tail) {
            return tail.isEmpty() ? "(no output)" : tail.getLast();
        }
    }

    /** The last error line it printed, or null. */
    private String errorLine() {
        synchronized (tail) {
            for (var it = tail.descendingIterator(); it.hasNext(); ) {
                String line = it.next();
                // Prometheus 2.x and Alertmanager log level=error, Prometheus 3.x level=ERROR
                if (line.contains("level=error") || line.contains("level=ERROR") || line.contains("err=")) {
                    return line;
                }
            }
            return null;
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM (each saves its state: a head block, silences), SIGKILL after 5 s; returns once its output is read. */
    void close() {
        closing = true;
        ChildProcesses.stop(process.toHandle());
        awaitOutput();
    }

    /** The output reader ends when the process's stdout closes; nothing is logged after this returns. */
    private void awaitOutput() {
        Thread r = reader;
        if (r == null || r == Thread.currentThread()) {
            return;
        }
        try {
            r.join(TimeUnit.SECONDS.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
