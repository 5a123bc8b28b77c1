package dev.mlobservatory.console.stack;

/**
 * The host ports the stack should use; a taken one is replaced by the next free one at start (Local mode).
 *
 * @param api the prediction API
 * @param prometheus Prometheus's web UI and HTTP API
 * @param grafana Grafana (Docker mode only)
 */
public record StackPorts(int api, int prometheus, int grafana) {

    public static final StackPorts DEFAULT = new StackPorts(8080, 9090, 3000);

    public StackPorts {
        check("api", api);
        check("prometheus", prometheus);
        check("grafana", grafana);
        if (api == prometheus || api == grafana || prometheus == grafana) {
            throw new IllegalArgumentException("the three ports must differ, got api " + api + ", prometheus "
                    + prometheus + ", grafana " + grafana);
        }
    }

    private static void check(String field, int port) {
        if (port < 1024 || port > 65535) {
            throw new IllegalArgumentException(field + " port must be 1024..65535, got " + port);
        }
    }
}
