package dev.mlobservatory.console.live;

/** The Live tab's three charts: which dashboard panel feeds each, and the unit it is drawn in. */
public enum LiveChart {

    LATENCY(DashboardQueries.LATENCY_PANEL, "latency", "ms"),
    REQUEST_RATE(DashboardQueries.REQUEST_RATE_PANEL, "request rate", "req/s"),
    ERROR_RATE(DashboardQueries.ERROR_RATE_PANEL, "error rate", "%");

    private final String panel;
    private final String axisName;
    private final String unit;

    LiveChart(String panel, String axisName, String unit) {
        this.panel = panel;
        this.axisName = axisName;
        this.unit = unit;
    }

    /** Title of the dashboard panel whose queries give the server-side series. */
    public String panel() {
        return panel;
    }

    public String axisName() {
        return axisName;
    }

    /** The unit values are drawn in. */
    public String unit() {
        return unit;
    }

    /**
     * The factor from the panel's Grafana unit to {@link #unit()}: the dashboard says the latency panel is in
     * seconds, a class reads milliseconds more easily.
     *
     * @throws IllegalArgumentException for a unit this chart cannot convert, naming the panel and unit
     */
    public double scaleFrom(String grafanaUnit) {
        String u = grafanaUnit == null ? "" : grafanaUnit;
        Double factor = switch (this) {
            case LATENCY -> switch (u) {
                case "s" -> 1000.0;
                case "ms" -> 1.0;
                case "µs", "us" -> 1e-3;
                case "ns" -> 1e-6;
                default -> null;
            };
            case REQUEST_RATE -> switch (u) {
                case "reqps", "ops", "short", "" -> 1.0;
                case "reqpm", "opm" -> 1 / 60.0;
                default -> null;
            };
            case ERROR_RATE -> switch (u) {
                case "percent", "" -> 1.0;
                case "percentunit" -> 100.0;
                default -> null;
            };
        };
        if (factor == null) {
            throw new IllegalArgumentException("the dashboard panel \"" + panel + "\" has unit '" + u
                    + "', which the Live tab cannot convert to " + unit);
        }
        return factor;
    }
}
