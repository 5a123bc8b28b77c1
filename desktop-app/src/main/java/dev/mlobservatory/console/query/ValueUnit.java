package dev.mlobservatory.console.query;

import dev.mlobservatory.console.ui.Format;

/**
 * What a query's values measure, as far as the PromQL text tells ({@link UnitGuess}): the range chart titles its
 * value axis with it and writes its ticks in it, so a latency reads "2.5 ms", not "0.00250".
 */
public enum ValueUnit {

    /** Seconds (a {@code _seconds} metric, a histogram_quantile over its buckets, _sum / _count): ticks in ms or s. */
    SECONDS("duration"),
    /** A {@code rate()} or {@code irate()}: how many per second. */
    PER_SECOND("per second"),
    /** A share between 0 and 1: a {@code _ratio} metric, or errors divided by all. */
    RATIO("ratio (0 – 1)"),
    /** A share in percent: a {@code _percent} metric, or 100 × a ratio. */
    PERCENT("percent"),
    /** A size: a {@code _bytes} metric. */
    BYTES("size"),
    /** Anything else: a count, a gauge, a number. */
    PLAIN("value");

    private final String axisTitle;

    ValueUnit(String axisTitle) {
        this.axisTitle = axisTitle;
    }

    /** The value axis's title, e.g. "duration", "per second". */
    public String axisTitle() {
        return axisTitle;
    }

    /** A tick label: "2.5 ms", "1.2 s", "15 %", "50 MB", "0.25". */
    public String tick(double v) {
        if (v == 0) {
            return "0"; // not "0.00 ms": the axis's zero reads the same in every unit
        }
        return switch (this) {
            case SECONDS -> v < 0 ? "-" + Format.millis(-v) : Format.millis(v);
            case PERCENT -> Format.value(v) + " %";
            case BYTES -> Format.bytes(v);
            case PER_SECOND, RATIO, PLAIN -> Format.value(v);
        };
    }
}
