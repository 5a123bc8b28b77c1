package dev.mlobservatory.console.prom;

import dev.mlobservatory.console.prom.PrometheusClient;
import dev.mlobservatory.console.prom.PrometheusException;
import dev.mlobservatory.console.prom.UnreachableException;

/** The sentences the Alerts and Targets tabs show when Prometheus cannot give them anything. */
final class PrometheusMessages {

    private PrometheusMessages() {
    }


    /** Why a call failed, in words a student can act on; never a stack trace. */
    static String failure(PrometheusClient client, Exception e) {
        if (e instanceof UnreachableException) {
            // "Prometheus at http://127.0.0.1:9090 is not reachable (connection refused)"
            return e.getMessage() + ". Retrying every few seconds.";
        }
        if (e instanceof PrometheusException p) {
            return "Prometheus at " + client.baseUrl() + " answered with an error (" + p.errorType() + "): "
                    + p.getMessage();
        }
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return "Prometheus at " + client.baseUrl() + " could not be read (" + why + ")";
    }
}
