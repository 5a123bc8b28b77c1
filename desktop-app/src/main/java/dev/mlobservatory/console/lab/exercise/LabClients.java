package dev.mlobservatory.console.lab.exercise;

import dev.mlobservatory.console.prom.PrometheusClient;
import dev.mlobservatory.console.prom.PrometheusException;
import java.io.IOException;

/** The CLI's Prometheus: checked once before any exercise, so an unreachable one is one line, not one per answer. */
final class LabClients {

    private LabClients() {
    }

    /** A client for {@code url} that has answered; IOException (unreachable) or IllegalArgumentException (bad URL). */
    static PrometheusClient reachable(String url) throws IOException {
        PrometheusClient client = new PrometheusClient(url, PrometheusClient.defaultHttp());
        try {
            client.version();
        } catch (PrometheusException e) {
            throw new IOException("Prometheus at " + client.baseUrl() + " did not answer as Prometheus does: "
                    + e.getMessage());
        }
        return client;
    }
}
