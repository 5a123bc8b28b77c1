package dev.mlobservatory.console.stack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The real {@code alertmanager} binary as a child process on 127.0.0.1, configured from the repository's
 * alertmanager.yml ({@link AlertmanagerConfig}) with the console's receiver as its webhook; no cluster port.
 */
public final class AlertmanagerProcess implements AutoCloseable {

    /** Alertmanager starts in well under a second; the bound is for a loaded laptop. */
    static final long READY_SECONDS = 30;

    private final Process process;
    private final int port;
    private volatile String lastLine = "(no output)";
    /** The last error it logged: usually the reason it stopped (a bad configuration, a taken port). */
    private volatile String lastError;
    private volatile Thread reader;
    /** Set by {@link #close()}: an exit after it is expected, not news. */
    private volatile boolean closing;

    private AlertmanagerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts Alertmanager and waits until {@code /-/ready} answers.
     *
     * @param binary the alertmanager executable ({@code prometheus-alertmanager} on Debian)
     * @param template the text of stack/alertmanager/alertmanager.yml
     * @param webhookUrl the console's receiver, or null for a receiver that sends nowhere
     * @param port where it listens on 127.0.0.1
     * @param dir its own folder (created if missing): the configuration and its storage (silences, notification log)
     * @param children where the process is recorded so it never outlives the console
     * @param log receives each line it prints (from a reader thread)
     * @throws IOException when it cannot start, exits, or is not ready in time; the message says why
     */
    public static AlertmanagerProcess start(String binary, String template, String webhookUrl, int port, Path dir,
                                            ChildProcesses children, Consumer<String> log)
            throws IOException, InterruptedException {
        Files.createDirectories(dir.resolve("storage"));
        Path config = dir.resolve("alertmanager.yml");
        Files.writeString(config, AlertmanagerConfig.fill(template, webhookUrl));
        ProcessBuilder builder = new ProcessBuilder(List.of(binary,
                "--config.file=" + config,
                "--storage.path=" + dir.resolve("storage"),
                "--web.listen-address=127.0.0.1:" + port,
                // Empty: a single Alertmanager, with no gossip port opened on 0.0.0.0:9094.
                "--cluster.listen-address=")).redirectErrorStream(true);
        AlertmanagerProcess am = new AlertmanagerProcess(children.start(builder), port);
        am.pipeOutput(log);
        try {
            am.awaitReady();
        } catch (IOException | InterruptedException e) {
            am.close();
            throw e;
        }
        return am;
    }

    private void pipeOutput(Consumer<String> log) {
        reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    lastLine = line;
                    if (line.contains("level=error") || line.contains("level=ERROR")) {
                        lastError = line;
                    }
                    log.accept(line);
                }
            } catch (IOException closed) {
                // the process ended
            }
        }, "alertmanager-output");
        reader.setDaemon(true);
        reader.start();
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(READY_SECONDS);
        while (System.nanoTime() < deadline) {
            if (process.waitFor(100, TimeUnit.MILLISECONDS)) {
                awaitOutput();
                throw new IOException("alertmanager exited with code " + process.exitValue() + ": " + why());
            }
            if (ready()) {
                return;
            }
        }
        throw new IOException("alertmanager did not become ready within " + READY_SECONDS + " s: " + why());
    }

    private String why() {
        String error = lastError;
        return error != null ? error : lastLine;
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

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Tells {@code action} why, when the process ends without {@link #close()} (killed, crashed): "Alertmanager
     * (pid 4242) exited with code 137." and its last error when it logged one. Runs on a thread of the JDK's.
     */
    public void onUnexpectedExit(Consumer<String> action) {
        process.onExit().thenRun(() -> {
            if (closing) {
                return;
            }
            awaitOutput(); // the last error line is usually the reason: read it before saying why
            if (!closing) {
                String error = lastError;
                action.accept("Alertmanager (pid " + process.pid() + ") exited with code " + process.exitValue() + "."
                        + (error == null ? "" : " Its last error: " + error));
            }
        });
    }

    /** SIGTERM (it saves silences and the notification log), SIGKILL after 5 s; returns once its output is read. */
    @Override
    public void close() {
        closing = true;
        ChildProcesses.stop(process.toHandle());
        awaitOutput();
    }

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
