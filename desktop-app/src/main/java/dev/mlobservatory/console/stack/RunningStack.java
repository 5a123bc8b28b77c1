package dev.mlobservatory.console.stack;

/** A started stack, whatever the mode: where its parts answer, and how to stop it. */
public interface RunningStack extends AutoCloseable {

    /** The prediction API, e.g. {@code http://127.0.0.1:8080}. */
    String apiUrl();

    /** Prometheus, or null when this stack has none (Local mode without the binary). */
    String prometheusUrl();

    /** Alertmanager, e.g. {@code http://127.0.0.1:9093}, or null when this stack has none. */
    default String alertmanagerUrl() {
        return null;
    }

    /** Grafana, or null when this stack has none (Local mode). */
    String grafanaUrl();

    /** One line for the status bar, e.g. "Local: API on 127.0.0.1:8080, Prometheus 2.42.0 on 127.0.0.1:9090". */
    String describe();

    /** Stops the API only, as a crash would (Prometheus keeps scraping and sees it down). Blocking. */
    void stopApi() throws java.io.IOException, InterruptedException;

    /** Starts the API again on the same port. Blocking. */
    void startApi() throws java.io.IOException, InterruptedException;

    /**
     * Starts the stack's Prometheus again after it died, on the same port with its data kept. Blocking. Only Local
     * mode owns its Prometheus; in Docker mode compose restarts the container itself.
     */
    default void restartPrometheus() throws java.io.IOException, InterruptedException {
        throw new java.io.IOException("this stack's Prometheus is not the console's child (Docker mode: "
                + "docker compose restart prometheus)");
    }

    /** Stops everything this stack started. Blocking; idempotent; never throws. */
    @Override
    void close();
}
