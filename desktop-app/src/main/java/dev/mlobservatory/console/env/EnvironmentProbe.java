package dev.mlobservatory.console.env;

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

/** Looks for Docker, compose, prometheus and busy ports; each check bounded in time. Call off the FX thread. */
public final class EnvironmentProbe {

    private static final long COMMAND_SECONDS = 8;

    private EnvironmentProbe() {
    }

    /**
     * @param configuredPrometheus a path the user chose, or null/blank to search the PATH
     * @param ports the ports the console will use, to report those already taken
     */
    public static Environment probe(String configuredPrometheus, Path repository, List<Integer> ports) {
        boolean dockerClient = onPath("docker") != null;
        boolean dockerEngine = dockerClient && run(List.of("docker", "version", "--format", "{{.Server.Version}}")) != null;
        List<String> compose = List.of();
        if (dockerClient && run(List.of("docker", "compose", "version")) != null) {
            compose = List.of("docker", "compose");
        } else if (onPath("docker-compose") != null && run(List.of("docker-compose", "version")) != null) {
            compose = List.of("docker-compose");
        }
        String prometheus = onPath("prometheus");
        String note = null;
        if (configuredPrometheus != null && !configuredPrometheus.isBlank()) {
            Path configured = Path.of(configuredPrometheus.strip());
            if (Files.isExecutable(configured) && !Files.isDirectory(configured)) {
                prometheus = configured.toString();
            } else {
                // A saved path that went away (an upgrade, a moved download) must not hide the one on the PATH.
                String why = Files.exists(configured) ? "is not an executable file" : "does not exist";
                note = "The prometheus path in Settings, " + configured + ", " + why + "; "
                        + (prometheus != null ? "using " + prometheus + " from the PATH instead."
                                : "and there is no 'prometheus' on the PATH either.");
            }
        }
        String version = null;
        if (prometheus != null) {
            String out = run(List.of(prometheus, "--version"));
            version = out == null ? null : out.lines().findFirst().orElse(null);
            if (out == null) {
                prometheus = null; // present but does not run: treat as missing, the panel explains
            }
        }
        List<Integer> busy = new ArrayList<>();
        for (int port : ports) {
            if (listening(port)) {
                busy.add(port);
            }
        }
        return new Environment(dockerClient, dockerEngine, compose, prometheus, version, repository, busy, note);
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
