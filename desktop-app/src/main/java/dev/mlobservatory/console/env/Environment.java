package dev.mlobservatory.console.env;

import java.util.List;

/**
 * What the console found around it when it opened: the tools each mode needs, and the ports already taken.
 *
 * @param dockerClient the {@code docker} command is on the PATH
 * @param dockerEngine the Docker engine answers ({@code docker version} reaches a server)
 * @param compose the compose command line ({@code docker compose} or {@code docker-compose}), empty when none
 * @param prometheus the prometheus binary's path, or null
 * @param prometheusVersion its version line, or null
 * @param prometheusSource where that binary came from, or null when there is none
 * @param repository the repository root (needed by Docker mode to build the API image), or null
 * @param busyPorts the configured ports something already listens on
 * @param prometheusNote what the user should know about how the binary was chosen (a saved path that is gone,
 *                       say), or null
 * @param alertmanager the alertmanager binary's path (upstream {@code alertmanager} or Debian's
 *                     {@code prometheus-alertmanager}), or null: Local mode then runs without notifications
 * @param alertmanagerVersion its version line, or null
 */
public record Environment(boolean dockerClient, boolean dockerEngine, List<String> compose, String prometheus,
                          String prometheusVersion, PrometheusSource prometheusSource,
                          java.nio.file.Path repository, List<Integer> busyPorts, String prometheusNote,
                          String alertmanager, String alertmanagerVersion) {

    /** Without Alertmanager: what every probe found before Alertmanager joined the stack. */
    public Environment(boolean dockerClient, boolean dockerEngine, List<String> compose, String prometheus,
                       String prometheusVersion, PrometheusSource prometheusSource, java.nio.file.Path repository,
                       List<Integer> busyPorts, String prometheusNote) {
        this(dockerClient, dockerEngine, compose, prometheus, prometheusVersion, prometheusSource, repository,
                busyPorts, prometheusNote, null, null);
    }

    public Environment {
        compose = List.copyOf(compose);
        busyPorts = List.copyOf(busyPorts);
        if ((prometheus == null) != (prometheusSource == null)) {
            throw new IllegalArgumentException("prometheus and prometheusSource go together, got " + prometheus
                    + " and " + prometheusSource);
        }
    }

    public boolean dockerUsable() {
        return dockerEngine && !compose.isEmpty() && repository != null;
    }

    public boolean prometheusUsable() {
        return prometheus != null;
    }

    /** Local mode can start Alertmanager: notifications and silences work. */
    public boolean alertmanagerUsable() {
        return alertmanager != null;
    }

    /** Why Docker mode cannot be used, in one sentence, or null when it can. */
    public String dockerProblem() {
        if (!dockerClient) {
            return "Docker is not installed.";
        }
        if (!dockerEngine) {
            return "the docker command is there, but no Docker engine answers (is Docker Desktop or dockerd running?).";
        }
        if (compose.isEmpty()) {
            return "neither 'docker compose' nor 'docker-compose' is available.";
        }
        if (repository == null) {
            return "the repository (stack/compose.yaml) was not found from the current folder; run the console from it.";
        }
        return null;
    }
}
