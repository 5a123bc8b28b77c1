package dev.mlobservatory.console.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The real {@code alertmanager} binary as a child process on 127.0.0.1, configured from the repository's
 * alertmanager.yml ({@link AlertmanagerConfig}) with the console's receiver as its webhook; no cluster port.
 */
public final class AlertmanagerProcess implements AutoCloseable {

    /** Alertmanager starts in well under a second; the bound is for a loaded laptop. */
    static final long READY_SECONDS = 30;

    private final ServerProcess server;

    private AlertmanagerProcess(ServerProcess server) {
        this.server = server;
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
                "--cluster.listen-address="));
        return new AlertmanagerProcess(ServerProcess.start("Alertmanager", builder, port, READY_SECONDS, children, log));
    }

    /**
     * Tells {@code action} why, when the process ends without {@link #close()} (killed, crashed): "Alertmanager
     * (pid 4242) exited with code 137 (killed by signal 9, SIGKILL)." and its last error. Runs on a JDK thread.
     */
    public void onUnexpectedExit(Consumer<String> action) {
        server.onUnexpectedExit(action);
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    public int port() {
        return server.port();
    }

    public ProcessHandle handle() {
        return server.handle();
    }

    public boolean isAlive() {
        return server.isAlive();
    }

    /** SIGTERM (it saves silences and the notification log), SIGKILL after 5 s; returns once its output is read. */
    @Override
    public void close() {
        server.close();
    }
}
