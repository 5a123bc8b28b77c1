package dev.mlobservatory.console.ui;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The console's one way of writing numbers, times and durations, so that a value reads the same in the PromQL
 * results, the Alerts table and the Targets table: short, and readable from the back row.
 */
public final class Format {

    /** Where there is no value at all (no alert, never scraped): a dash reads as "nothing" better than a blank. */
    public static final String NONE = "—";
    /** Four significant digits: enough to compare two rates or latencies, without float noise (0.30000000000000004). */
    private static final MathContext DIGITS = new MathContext(4, RoundingMode.HALF_EVEN);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter DAY_AND_CLOCK =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private Format() {
    }

    /**
     * A sample value as a student reads it: 20, 0.3, 0.004873, 12.35, 123457, 1.5e-07, NaN, +Inf. Four significant
     * digits, but never fewer than the integer part has (a counter at 123456.7 reads 123457, not 123500); very
     * small and very large values in exponent form. NaN stays "NaN": it is what Prometheus answered.
     */
    public static String value(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        if (v == 0) {
            return "0";
        }
        double abs = Math.abs(v);
        if (abs >= 1e15 || abs < 1e-4) {
            return String.format(Locale.ROOT, "%.3e", v).replaceAll("\\.?0+e", "e");
        }
        BigDecimal exact = new BigDecimal(v);
        BigDecimal rounded = abs >= 1e4 ? exact.setScale(0, RoundingMode.HALF_EVEN) : exact.round(DIGITS);
        return rounded.stripTrailingZeros().toPlainString();
    }

    /** How long something took: "0.84 ms", "12.3 ms", "250 ms", "1.4 s"; a dash for no or a negative time. */
    public static String millis(double seconds) {
        if (Double.isNaN(seconds) || seconds < 0) {
            return NONE;
        }
        double ms = seconds * 1000;
        if (ms < 1) {
            return String.format(Locale.ROOT, "%.2f ms", ms);
        }
        if (ms < 100) {
            return String.format(Locale.ROOT, "%.1f ms", ms);
        }
        if (ms < 1000) {
            return String.format(Locale.ROOT, "%.0f ms", ms);
        }
        return String.format(Locale.ROOT, "%.1f s", seconds);
    }

    /** A size in bytes, decimal as a disk or a task manager shows it: "512 B", "1.5 kB", "123.4 MB", "2 GB". */
    public static String bytes(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return value(v);
        }
        String[] units = {"B", "kB", "MB", "GB", "TB", "PB"};
        double scaled = v;
        int u = 0;
        while (Math.abs(scaled) >= 1000 && u < units.length - 1) {
            scaled /= 1000;
            u++;
        }
        return value(scaled) + " " + units[u];
    }

    /**
     * A ratio (0–1) as a percentage: "40.0 %", "10.7 %", "0.52 %", "0 %"; a dash for NaN (0 / 0: no requests). One
     * decimal is enough to see a ratio cross a 10 % threshold; two below 1 % so a trickle of errors is not "0.0 %".
     */
    public static String percent(double ratio) {
        if (Double.isNaN(ratio)) {
            return NONE;
        }
        if (Double.isInfinite(ratio)) {
            return value(ratio);
        }
        double p = ratio * 100;
        if (p == 0) {
            return "0 %";
        }
        return String.format(Locale.ROOT, Math.abs(p) < 1 ? "%.2f %%" : "%.1f %%", p);
    }

    /** "42 s", "3 m 10 s", "1 h 5 m", "2 d 3 h": two units at most; negative (clock skew) counts as 0 s. */
    public static String duration(Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return (s / 60) + " m " + (s % 60) + " s";
        }
        if (s < 86_400) {
            return (s / 3600) + " h " + (s % 3600 / 60) + " m";
        }
        return (s / 86_400) + " d " + (s % 86_400 / 3600) + " h";
    }

    /** "just now", "3 s ago", "2 m 5 s ago"; a dash for never. */
    public static String ago(Instant then, Instant now) {
        if (then == null) {
            return NONE;
        }
        Duration d = Duration.between(then, now);
        return d.toMillis() < 1000 ? "just now" : duration(d) + " ago";
    }

    /** Local wall-clock time, "14:03:12"; with the date when it is not today. */
    public static String localTime(Instant t, ZoneId zone, Instant now) {
        if (t == null) {
            return NONE;
        }
        ZonedDateTime z = t.atZone(zone);
        LocalDate today = now.atZone(zone).toLocalDate();
        return (z.toLocalDate().equals(today) ? CLOCK : DAY_AND_CLOCK).format(z);
    }

    /** "14:03:12" whatever the day: for the timeline, which only holds this session. */
    public static String clock(Instant t, ZoneId zone) {
        return CLOCK.format(t.atZone(zone));
    }

    /** A duration as a Prometheus rule file writes it: "2m", "1m30s", "10m"; a dash for none. */
    public static String promDuration(double seconds) {
        if (!(seconds > 0)) {
            return NONE;
        }
        long s = Math.round(seconds);
        StringBuilder out = new StringBuilder();
        if (s >= 3600) {
            out.append(s / 3600).append('h');
        }
        if (s % 3600 >= 60) {
            out.append(s % 3600 / 60).append('m');
        }
        if (s % 60 > 0 || out.length() == 0) {
            out.append(s % 60).append('s');
        }
        return out.toString();
    }
}
