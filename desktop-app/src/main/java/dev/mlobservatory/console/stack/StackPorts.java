package dev.mlobservatory.console.stack;

/**
 * The host ports the stack should use; a taken one is replaced by the next free one at start (Local mode).
 *
 * @param api the prediction API
 * @param prometheus Prometheus's web UI and HTTP API
 * @param grafana Grafana (Docker mode only)
 * @param alertmanager Alertmanager's web UI and API v2 (setting {@code port.alertmanager})
 */
public record StackPorts(int api, int prometheus, int grafana, int alertmanager) {

    public static final int DEFAULT_ALERTMANAGER = 9093;
    public static final StackPorts DEFAULT = new StackPorts(8080, 9090, 3000, DEFAULT_ALERTMANAGER);

    public StackPorts {
        check("api", api);
        check("prometheus", prometheus);
        check("grafana", grafana);
        check("alertmanager", alertmanager);
        if (java.util.stream.IntStream.of(api, prometheus, grafana, alertmanager).distinct().count() < 4) {
            throw new IllegalArgumentException("the four ports must differ, got api " + api + ", prometheus "
                    + prometheus + ", grafana " + grafana + ", alertmanager " + alertmanager);
        }
    }

    /** With Alertmanager on its default port (9093): the three ports the Stack tab edits. */
    public StackPorts(int api, int prometheus, int grafana) {
        this(api, prometheus, grafana, DEFAULT_ALERTMANAGER);
    }

    /** The same ports with Alertmanager on {@code port}. */
    public StackPorts withAlertmanager(int port) {
        return new StackPorts(api, prometheus, grafana, port);
    }

    private static void check(String field, int port) {
        if (port < 1024 || port > 65535) {
            throw new IllegalArgumentException(field + " port must be 1024..65535, got " + port);
        }
    }
}
