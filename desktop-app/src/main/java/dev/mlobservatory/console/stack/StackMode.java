package dev.mlobservatory.console.stack;

/** How the console runs the stack. */
public enum StackMode {
    /** API in-process, prometheus binary as a child process: needs only Prometheus (or nothing, API alone). */
    LOCAL("Local (no Docker)"),
    /** API, Prometheus and Grafana as containers from stack/compose.yaml. */
    DOCKER("Docker (with Grafana)");

    private final String label;

    StackMode(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
