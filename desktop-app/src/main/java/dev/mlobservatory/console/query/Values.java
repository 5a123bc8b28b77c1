package dev.mlobservatory.console.query;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Numbers as a student reads them: 20, 0.004873, 1.5e-7, NaN, +Inf. */
final class Values {

    /** Six significant digits: enough to compare two rates, without float noise like 0.30000000000000004. */
    private static final MathContext DIGITS = new MathContext(6);

    private Values() {
    }

    static String format(double v) {
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
        if (abs >= 1e-4 && abs < 1e15) {
            return new BigDecimal(v).round(DIGITS).stripTrailingZeros().toPlainString();
        }
        return String.format(Locale.ROOT, "%.5g", v).replaceAll("\\.?0+e", "e");
    }

    /** "12 ms", "1.4 s". */
    static String millis(long nanos) {
        double ms = nanos / 1e6;
        if (ms < 1) {
            return "< 1 ms";
        }
        return ms < 1000 ? String.format(Locale.ROOT, "%.0f ms", ms) : String.format(Locale.ROOT, "%.1f s", ms / 1000);
    }
}
