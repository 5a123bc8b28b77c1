package dev.mlobservatory.console.env;

/** Where the prometheus binary the console uses came from: what the Stack tab says beside its path. */
public enum PrometheusSource {
    /** The path set on the Stack tab (saved as {@code prometheus.path}): always first when it exists. */
    SETTINGS("the path set on the Stack tab"),
    /** Downloaded by the console into its tools folder ({@code setup prometheus} or the Get Prometheus button). */
    DOWNLOADED("downloaded by the console"),
    /** Found on the PATH (a package manager's install). */
    PATH("from the PATH");

    private final String description;

    PrometheusSource(String description) {
        this.description = description;
    }

    /** "downloaded by the console", "from the PATH", …: reads after the binary's path. */
    public String description() {
        return description;
    }
}
