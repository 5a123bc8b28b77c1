package dev.mlobservatory.console.alerts;

import dev.mlobservatory.console.ui.Format;

/**
 * How a rule's value reads, from the rule's {@code unit} annotation: "ratio" as a percentage (0.1068 → "10.7 %"),
 * "seconds" as ms or s (2.205 → "2.2 s"), any other word after the number ("0.17 requests/s"), none as the number.
 */
public final class ValueUnit {

    /** The annotation a rule names its value's unit in. */
    public static final String ANNOTATION = "unit";

    private ValueUnit() {
    }

    /** The value for the screen; a dash when there is none (NaN: no alert, or nothing measured). */
    public static String format(double value, String unit) {
        if (Double.isNaN(value)) {
            return Format.NONE;
        }
        String u = unit == null ? "" : unit.strip();
        return switch (u) {
            case "ratio" -> Format.percent(value);
            case "seconds" -> Double.isInfinite(value) ? Format.value(value) + " s" : Format.millis(value);
            case "" -> Format.value(value);
            default -> Format.value(value) + " " + u;
        };
    }
}
