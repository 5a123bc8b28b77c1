package dev.mlobservatory.console.query;

/** How a query runs: one value per series now, or points over a time window drawn as a chart. */
public enum QueryMode {
    INSTANT("Instant"),
    RANGE("Range");

    private final String label;

    QueryMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
