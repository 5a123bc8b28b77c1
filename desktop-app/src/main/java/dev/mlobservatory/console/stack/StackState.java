package dev.mlobservatory.console.stack;

import dev.mlobservatory.console.prom.PrometheusClient;

/**
 * Everything about the stack that must agree, published as one immutable value: a reader that sees
 * {@link StackPhase#RUNNING} sees, in the same value, the API's URL and the Prometheus client that phase implies.
 *
 * @param phase where the stack is in its life
 * @param apiUrl the API while a stack runs, else null
 * @param prometheus the running Prometheus, null when none runs (or the stack has none)
 * @param grafanaUrl Grafana in Docker mode, else null
 * @param apiUp false after Kill API until Restart API
 * @param prometheusExit why the console's own Prometheus child ended while the stack ran, else null
 * @param alertmanagerUrl the running stack's Alertmanager, else null (none found, or not running)
 */
public record StackState(StackPhase phase, String apiUrl, PrometheusClient prometheus, String grafanaUrl,
                         boolean apiUp, String prometheusExit, String alertmanagerUrl) {

    public static final StackState STOPPED = new StackState(StackPhase.STOPPED, null, null, null, true, null, null);

    public StackState {
        if (phase == null) {
            throw new IllegalArgumentException("phase must not be null");
        }
        if (phase == StackPhase.RUNNING && apiUrl == null) {
            throw new IllegalArgumentException("a RUNNING stack has an apiUrl, got null");
        }
    }

    /** The stack as it runs once started. */
    static StackState running(RunningStack stack, PrometheusClient prometheus) {
        return new StackState(StackPhase.RUNNING, stack.apiUrl(), prometheus, stack.grafanaUrl(), true, null,
                stack.alertmanagerUrl());
    }

    /** Nothing running, in {@code phase} (STOPPED, STARTING, STOPPING or FAILED). */
    static StackState idle(StackPhase phase) {
        return new StackState(phase, null, null, null, true, null, null);
    }

    StackState withPhase(StackPhase p) {
        return new StackState(p, apiUrl, prometheus, grafanaUrl, apiUp, prometheusExit, alertmanagerUrl);
    }

    StackState withApiUp(boolean up) {
        return new StackState(phase, apiUrl, prometheus, grafanaUrl, up, prometheusExit, alertmanagerUrl);
    }

    /** The same stack after its Alertmanager died: no URL, so the tabs that need it say there is none. */
    StackState withoutAlertmanager() {
        return new StackState(phase, apiUrl, prometheus, grafanaUrl, apiUp, prometheusExit, null);
    }

    StackState withPrometheusExit(String why) {
        return new StackState(phase, apiUrl, prometheus, grafanaUrl, apiUp, why, alertmanagerUrl);
    }

    public boolean running() {
        return phase == StackPhase.RUNNING;
    }
}
