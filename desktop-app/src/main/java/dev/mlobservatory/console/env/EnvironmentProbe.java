package dev.mlobservatory.console.env;

import dev.mlobservatory.console.install.ToolsFolder;
import dev.mlobservatory.console.install.Version;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Looks for Docker, compose, prometheus (the path set, the console's downloads, the PATH) and busy ports; each check
 * bounded in time. Call off the FX thread.
 */
public final class EnvironmentProbe {

    private static final long COMMAND_SECONDS = 8;

    private EnvironmentProbe() {
    }

    /**
     * @param configuredPrometheus a path the user chose, or null/blank to search the tools folder and the PATH
     * @param tools where the console downloads Prometheus to
     * @param ports the ports the console will use, to report those already taken
     */
    public static Environment probe(String configuredPrometheus, ToolsFolder tools, Path repository,
                                    List<Integer> ports) {
        return probe(configuredPrometheus, null, tools, repository, ports);
    }

    /**
     * @param configuredAlertmanager the setting {@code alertmanager.path}, or null/blank to search the tools folder
     *                               and the PATH
     */
    public static Environment probe(String configuredPrometheus, String configuredAlertmanager, ToolsFolder tools,
                                    Path repository, List<Integer> ports) {
        boolean dockerClient = onPath("docker") != null;
        boolean dockerEngine = dockerClient && run(List.of("docker", "version", "--format", "{{.Server.Version}}")) != null;
        List<String> compose = List.of();
        if (dockerClient && run(List.of("docker", "compose", "version")) != null) {
            compose = List.of("docker", "compose");
        } else if (onPath("docker-compose") != null && run(List.of("docker-compose", "version")) != null) {
            compose = List.of("docker-compose");
        }
        Choice prometheus = choosePrometheus(configuredPrometheus, tools);
        List<Integer> busy = new ArrayList<>();
        for (int port : ports) {
            if (listening(port)) {
                busy.add(port);
            }
        }
        Found f = prometheus.found();
        Found am = chooseAlertmanager(configuredAlertmanager, tools);
        return new Environment(dockerClient, dockerEngine, compose, f == null ? null : f.path(),
                f == null ? null : f.versionLine(), f == null ? null : f.source(), repository, busy, prometheus.note(),
                am == null ? null : am.path(), am == null ? null : am.versionLine());
    }

    /**
     * The first Alertmanager that runs {@code --version}: the path set ({@code alertmanager.path}), the newest the
     * console downloaded, then {@code alertmanager} and Debian's {@code prometheus-alertmanager} on the PATH.
     */
    static Found chooseAlertmanager(String configured, ToolsFolder tools) {
        List<String> candidates = new ArrayList<>();
        if (configured != null && !configured.isBlank()) {
            candidates.add(configured.strip());
        }
        for (ToolsFolder.Installed installed : tools.installedAlertmanagers()) {
            candidates.add(installed.binary().toString());
        }
        for (String name : List.of("alertmanager", "prometheus-alertmanager")) {
            String onPath = onPath(name);
            if (onPath != null) {
                candidates.add(onPath);
            }
        }
        for (String candidate : candidates) {
            Path p = Path.of(candidate);
            Found found = Files.isExecutable(p) && !Files.isDirectory(p)
                    ? versionOf(candidate, PrometheusSource.PATH) : null;
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** A prometheus binary that ran {@code --version}. */
    record Found(String path, String versionLine, PrometheusSource source) {
        Version version() {
            return Version.find(versionLine).orElse(new Version(0, 0, 0));
        }
    }

    /** The binary chosen (null: none) and what to tell the user about the choice (null: nothing). */
    record Choice(Found found, String note) {
    }

    /**
     * The path set on the Stack tab when it exists (even one that does not run: the user asked for it, the panel
     * says it is broken); otherwise the newer of the newest download that runs and the one on the PATH, the
     * download on a tie (the console fetched it on purpose, and the official build has the web UI Debian strips).
     */
    static Choice choosePrometheus(String configuredPrometheus, ToolsFolder tools) {
        String note = null;
        if (configuredPrometheus != null && !configuredPrometheus.isBlank()) {
            Path configured = Path.of(configuredPrometheus.strip());
            if (Files.isExecutable(configured) && !Files.isDirectory(configured)) {
                return new Choice(versionOf(configured.toString(), PrometheusSource.SETTINGS), null);
            }
            // A saved path that went away (an upgrade, a moved download) must not hide the others.
            String why = Files.exists(configured) ? "is not an executable file" : "does not exist";
            note = "The prometheus path in Settings, " + configured + ", " + why + "; ";
        }
        Found downloaded = null;
        for (ToolsFolder.Installed installed : tools.installed()) {
            downloaded = versionOf(installed.binary().toString(), PrometheusSource.DOWNLOADED);
            if (downloaded != null) {
                break;
            }
        }
        String onPath = onPath("prometheus");
        Found path = onPath == null ? null : versionOf(onPath, PrometheusSource.PATH);
        Found chosen = downloaded == null ? path
                : path == null || downloaded.version().compareTo(path.version()) >= 0 ? downloaded : path;
        if (note != null) {
            note += chosen == null ? "and there is no 'prometheus' on the PATH either."
                    : "using " + chosen.path() + " " + chosen.source().description() + " instead.";
        }
        return new Choice(chosen, note);
    }

    /** The binary with its version line, or null when it does not run: present but broken counts as missing. */
    private static Found versionOf(String binary, PrometheusSource source) {
        String out = run(List.of(binary, "--version"));
        return out == null ? null : new Found(binary, out.lines().findFirst().orElse(""), source);
    }

    /** The executable's path on the PATH, or null. */
    public static String onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        boolean windows = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("win");
        for (String dir : path.split(File.pathSeparator)) {
            for (String candidate : windows ? List.of(name + ".exe", name) : List.of(name)) {
                Path p = Path.of(dir, candidate);
                if (Files.isExecutable(p) && !Files.isDirectory(p)) {
                    return p.toString();
                }
            }
        }
        return null;
    }

    /** True when something accepts connections on 127.0.0.1:port. */
    public static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The command's output when it exits 0 within the time limit, else null. */
    static String run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            if (!p.waitFor(COMMAND_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
