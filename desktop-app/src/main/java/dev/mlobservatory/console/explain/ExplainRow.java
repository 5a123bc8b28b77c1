package dev.mlobservatory.console.explain;

/** One row of a node's result table: the series as Prometheus names it, and its value (or its window) as text. */
public record ExplainRow(String series, String value) {
    public ExplainRow {
        if (series == null || value == null) {
            throw new IllegalArgumentException("a row needs a series and a value, got " + series + " / " + value);
        }
    }
}
