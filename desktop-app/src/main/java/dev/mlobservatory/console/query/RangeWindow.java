package dev.mlobservatory.console.query;

/** The time windows a range query can cover, each with the step that gives about 250 points. */
public enum RangeWindow {
    M5("5 m", 5 * 60),
    M15("15 m", 15 * 60),
    M30("30 m", 30 * 60),
    H1("1 h", 60 * 60);

    /** Steps a reader can say aloud ("one point every 15 s"), instead of 14.4 s. */
    private static final int[] NICE_STEPS = {1, 2, 5, 10, 15, 30, 60, 120, 300};
    /** Enough points for a smooth line, few enough that a 1 h query over many series stays quick. */
    static final int TARGET_POINTS = 250;

    private final String label;
    private final int seconds;

    RangeWindow(String label, int seconds) {
        this.label = label;
        this.seconds = seconds;
    }

    public String label() {
        return label;
    }

    public int seconds() {
        return seconds;
    }

    /** window / 250, at least 1 s, rounded up to the next nice step: 5 m → 2 s, 15 m → 5 s, 1 h → 15 s. */
    public int stepSeconds() {
        double raw = (double) seconds / TARGET_POINTS;
        for (int nice : NICE_STEPS) {
            if (nice >= raw) {
                return nice;
            }
        }
        return (int) Math.ceil(raw);
    }
}
