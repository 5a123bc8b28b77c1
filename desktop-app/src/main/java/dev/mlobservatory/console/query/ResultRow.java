package dev.mlobservatory.console.query;

/** One row of an instant vector's table: the series as Prometheus writes it, and its value. */
public record ResultRow(String series, String value, double number) {
}
