package dev.mlobservatory.console.alerts;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the Alerts and Targets tabs write times, durations and values: short, and readable from the back row. */
public final class TimeText {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter DAY_AND_CLOCK =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    /** Shown where there is no value (NaN, no time): a dash reads as "nothing" better than "NaN" or a blank. */
    public static final String NONE = "—";

    private TimeText() {
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

    /** "pending for 42 s", "firing for 3 m 10 s"; just the state's word when it is not known since when. */
    public static String inState(AlertState state, Instant since, Instant now) {
        if (since == null) {
            return state == AlertState.INACTIVE ? NONE : state.word();
        }
        return state.word() + " for " + duration(Duration.between(since, now));
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

    /** A rule's {@code for} as it is written in the rule file: "2m", "1m30s", "10m"; a dash for none. */
    public static String forDuration(double seconds) {
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

    /** An expression's value: whole numbers as they are, others to 4 significant digits; a dash for NaN. */
    public static String value(double v) {
        if (Double.isNaN(v)) {
            return NONE;
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        if (Math.abs(v) >= 1e6 || Math.abs(v) < 1e-4) {
            return String.format(Locale.ROOT, "%.3e", v);
        }
        return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /** A scrape duration in milliseconds: "0.84 ms", "12.3 ms", "250 ms". */
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
        return String.format(Locale.ROOT, "%.0f ms", ms);
    }
}
