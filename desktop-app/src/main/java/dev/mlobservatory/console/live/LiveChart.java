package dev.mlobservatory.console.live;

import dev.mlobservatory.console.ui.Format;

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
     * The unit the y-axis is labelled in when it reaches {@code upper} (in {@link #unit()}): latency switches to
     * seconds from 1000 ms on, so the ticks read 0.5, 1, 1.5 s rather than 500, 1000, 1500 ms.
     */
    public String axisUnit(double upper) {
        return this == LATENCY && upper >= 1000 ? "s" : unit;
    }

    /** What tick values are divided by to be read in {@link #axisUnit(double)}. */
    public double axisScale(double upper) {
        return this == LATENCY && upper >= 1000 ? 1000 : 1;
    }

    /** The least the y-axis shows, when every point is 0 or there are none. */
    public double minimumUpper() {
        return 1; // 1 ms, 1 req/s, 1 %: a flat line at 0 stays at the bottom, with readable ticks
    }

    /** One value of this chart as a student reads it: "610 ms", "2.4 s", "40 req/s", "12.5 %". */
    public String describe(double value) {
        return switch (this) {
            case LATENCY -> Format.millis(value / 1000);
            case REQUEST_RATE -> Format.value(value) + " req/s";
            case ERROR_RATE -> Format.value(value) + " %";
        };
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
