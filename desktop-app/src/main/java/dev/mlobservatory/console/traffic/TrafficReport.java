package dev.mlobservatory.console.traffic;

import java.util.Locale;

/** Formats snapshots as the fixed-width table the CLI prints, one line per second. */
public final class TrafficReport {

    private TrafficReport() {
    }

    public static String header() {
        return String.format(Locale.ROOT, "%6s %8s %7s %9s %7s %6s %6s %6s %6s %8s %8s %8s %8s",
                "t(s)", "target", "sent", "achieved", "ok", "4xx", "5xx", "net", "drop",
                "p50 ms", "p95 ms", "p99 ms", "max ms");
    }

    public static String line(TrafficSnapshot s) {
        // Whole seconds as "12"; the partial last row of a run as "2.5".
        double t = Math.round(s.second() * 10) / 10.0;
        String second = t == Math.rint(t) ? String.format(Locale.ROOT, "%.0f", t) : String.format(Locale.ROOT, "%.1f", t);
        return String.format(Locale.ROOT, "%6s %8.1f %7d %9.1f %7d %6d %6d %6d %6d %8s %8s %8s %8s",
                second, s.targetRate(), s.sent(), s.achievedRate(), s.ok(), s.clientErrors(), s.serverErrors(),
                s.transportErrors(), s.dropped(), ms(s.p50Ms()), ms(s.p95Ms()), ms(s.p99Ms()), ms(s.maxMs()));
    }

    public static String summary(TrafficSnapshot total, double cpuPercent) {
        return String.format(Locale.ROOT, """
                summary: %.1f s, %d sent (%.1f/s achieved), %d ok, %d 4xx, %d 5xx, %d transport errors, %d dropped
                latency from intended start: p50 %s ms, p95 %s ms, p99 %s ms, max %s ms
                engine CPU: %.1f%% of one core""",
                total.seconds(), total.sent(), total.achievedRate(), total.ok(), total.clientErrors(),
                total.serverErrors(), total.transportErrors(), total.dropped(),
                ms(total.p50Ms()), ms(total.p95Ms()), ms(total.p99Ms()), ms(total.maxMs()), cpuPercent);
    }

    static String ms(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        return v < 10 ? String.format(Locale.ROOT, "%.2f", v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
