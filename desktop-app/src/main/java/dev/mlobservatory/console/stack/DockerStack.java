package dev.mlobservatory.console.stack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Docker mode: {@code docker compose -f stack/compose.yaml up -d --build} (or {@code docker-compose}), its output
 * streamed line by line to the log pane; {@code down} on close. The containers are Docker's, not the console's
 * children, so close() is what keeps them from outliving the console.
 */
public final class DockerStack implements RunningStack {

    private final List<String> compose;
    private final Path composeFile;
    private final StackPorts ports;
    private final Consumer<String> log;
    private final ChildProcesses children;
    private volatile boolean closed;

    private DockerStack(List<String> compose, Path composeFile, StackPorts ports, ChildProcesses children,
                        Consumer<String> log) {
        this.children = children;
        this.compose = List.copyOf(compose);
        this.composeFile = composeFile;
        this.ports = ports;
        this.log = log;
    }

    /**
     * Builds and starts the stack; returns when compose has started every service.
     *
     * @param compose {@code [docker, compose]} or {@code [docker-compose]}
     * @throws IOException when compose fails; the message holds its last error line
     */
    public static DockerStack start(List<String> compose, Path composeFile, StackPorts ports, ChildProcesses children,
                                    Consumer<String> log) throws IOException, InterruptedException {
        DockerStack stack = new DockerStack(compose, composeFile, ports, children, log);
        log.accept("$ " + String.join(" ", stack.command("up", "-d", "--build")));
        log.accept("(the first start builds the API image and pulls Prometheus, Alertmanager and Grafana: a few minutes)");
        stack.run("up", "-d", "--build");
        return stack;
    }

    /** The full command line for a compose subcommand. */
    List<String> command(String... args) {
        List<String> cmd = new ArrayList<>(compose);
        cmd.add("-f");
        cmd.add(composeFile.toString());
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Host ports for compose, through the variables compose.yaml reads. */
    Map<String, String> environment() {
        return Map.of("API_PORT", String.valueOf(ports.api()),
                "PROMETHEUS_PORT", String.valueOf(ports.prometheus()),
                "GRAFANA_PORT", String.valueOf(ports.grafana()),
                "ALERTMANAGER_PORT", String.valueOf(ports.alertmanager()));
    }

    private void run(String... args) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command(args)).redirectErrorStream(true);
        builder.environment().putAll(environment());
        Process p = children.start(builder);
        String lastLine = "";
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (!line.isBlank()) {
                    lastLine = line.strip();
                    log.accept(line);
                }
            }
        } catch (IOException e) {
            // the process was stopped (Stop pressed during start)
        } finally {
            if (p.isAlive()) {
                ChildProcesses.stop(p.toHandle());
            }
        }
        int code = p.waitFor();
        if (code != 0) {
            throw new IOException(String.join(" ", compose) + " " + args[0] + " failed (exit " + code + "): " + lastLine);
        }
    }

    /** Stops the API container only: the APIDown demonstration. */
    @Override
    public void stopApi() throws IOException, InterruptedException {
        run("stop", "api");
    }

    @Override
    public void startApi() throws IOException, InterruptedException {
        run("start", "api");
    }

    /** {@code compose down} (volumes kept: the metrics survive a restart). */
    public void down() {
        if (closed) {
            return;
        }
        closed = true;
        log.accept("$ " + String.join(" ", command("down")));
        try {
            run("down");
        } catch (IOException e) {
            log.accept("compose down failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String apiUrl() {
        return "http://127.0.0.1:" + ports.api();
    }

    @Override
    public String prometheusUrl() {
        return "http://127.0.0.1:" + ports.prometheus();
    }

    @Override
    public String alertmanagerUrl() {
        return "http://127.0.0.1:" + ports.alertmanager();
    }

    @Override
    public String grafanaUrl() {
        return "http://localhost:" + ports.grafana();
    }

    @Override
    public String describe() {
        return "Docker: API on :" + ports.api() + ", Prometheus on :" + ports.prometheus() + ", Alertmanager on :"
                + ports.alertmanager() + ", Grafana on :" + ports.grafana();
    }

    @Override
    public void close() {
        down();
    }
}
