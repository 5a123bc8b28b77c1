package dev.mlobservatory.console.query;

import java.util.List;

/**
 * The lab's example queries (lab 04, parts 4 and 6, on this project's metric names) and a short PromQL
 * cheat-sheet, each with one line a student understands. Clicking one puts it in the editor.
 */
public final class ExampleQueries {

    /** A ready-made query: a title, the PromQL, and what it tells you. */
    public record Example(String title, String promql, String explanation) {
        public Example {
            if (title == null || title.isBlank() || promql == null || promql.isBlank()) {
                throw new IllegalArgumentException("an example needs a title and a query, got '" + title + "'");
            }
        }
    }

    /** Lab 04 "Explore Metrics in Prometheus", then its alert rules, then the dashboard's breakdowns. */
    public static final List<Example> LAB = List.of(
            new Example("Total predictions",
                    "ml_predictions_total",
                    "Every prediction counter: one series per model version, predicted class and status."),
            new Example("Request rate per second",
                    "rate(ml_predictions_total[1m])",
                    "Predictions per second over the last minute, for each series."),
            new Example("Average prediction latency",
                    "rate(ml_prediction_duration_seconds_sum[5m]) / rate(ml_prediction_duration_seconds_count[5m])",
                    "Time spent divided by requests over 5 minutes: the mean latency in seconds."),
            new Example("95th percentile latency",
                    "histogram_quantile(0.95, sum(rate(ml_prediction_duration_seconds_bucket[5m])) by (le))",
                    "95% of predictions were faster than this many seconds, estimated from the histogram buckets."),
            new Example("Error ratio (HighErrorRate alert)",
                    "sum(rate(ml_predictions_total{status=\"error\"}[5m])) / sum(rate(ml_predictions_total[5m]))",
                    "Share of predictions that failed over 5 minutes; the HighErrorRate alert fires above 0.1."),
            new Example("95th percentile over 1 s? (HighLatency alert)",
                    "histogram_quantile(0.95, sum(rate(ml_prediction_duration_seconds_bucket[5m])) by (le)) > 1.0",
                    "Empty while p95 latency stays under 1 second; a value here is what makes HighLatency fire."),
            new Example("Is the API up? (APIDown alert)",
                    "up{job=\"ml-api\"}",
                    "1 when Prometheus's last scrape of the API worked, 0 when it failed (APIDown fires on 0)."),
            new Example("Request rate by model version",
                    "sum by (model_version) (rate(ml_predictions_total[1m]))",
                    "Predictions per second for v1 and v2 separately: how the traffic is split."),
            new Example("Predictions by class",
                    "sum by (prediction_result) (rate(ml_predictions_total{status=\"success\"}[5m]))",
                    "How often each Iris class is predicted: a shift here can mean the input data drifted."),
            new Example("p50 / p95 / p99 latency per model version",
                    "histogram_quantile(0.99, sum by (le, model_version) (rate(ml_prediction_duration_seconds_bucket[5m])))",
                    "The slowest 1% of requests start here; change 0.99 to 0.5 or 0.95 for the other percentiles."),
            new Example("Model accuracy",
                    "ml_model_accuracy",
                    "Each model version's accuracy on held-out data (0 to 1), a gauge set when the model loads."),
            new Example("Memory usage of the API",
                    "app_memory_usage_bytes",
                    "Resident memory of the API process in bytes: a gauge, it goes up and down."),
            new Example("CPU usage of the API",
                    "app_cpu_usage_percent",
                    "Process CPU over the last 10 s, in percent of one core: the same whoever scrapes."));

    /** The lab's "Common Query Patterns" and "Aggregation Operators", one example each. */
    public static final List<Example> CHEAT_SHEET = List.of(
            new Example("metric_name",
                    "ml_predictions_total",
                    "The latest value of every series with this name."),
            new Example("metric{label=\"value\"}",
                    "ml_predictions_total{status=\"success\", model_version=~\"v1|v2\"}",
                    "Keep only the series whose labels match (=, !=, =~ regex, !~)."),
            new Example("rate(counter[5m])",
                    "rate(ml_predictions_total[5m])",
                    "Per-second speed of a counter, averaged over the last 5 minutes."),
            new Example("increase(counter[1h])",
                    "increase(ml_predictions_total[1h])",
                    "How much a counter grew over the last hour (rate × seconds)."),
            new Example("sum by (label) (…)",
                    "sum by (model_version) (rate(ml_predictions_total[5m]))",
                    "Add series together, keeping one result per value of the label."),
            new Example("histogram_quantile(0.95, …)",
                    "histogram_quantile(0.95, sum by (le) (rate(ml_prediction_duration_seconds_bucket[5m])))",
                    "The value 95% of observations stay under, estimated from histogram buckets (keep le)."),
            new Example("topk(n, …)",
                    "topk(3, sum by (route, status) (rate(http_server_request_duration_seconds_count[5m])))",
                    "Only the n largest series: here the 3 busiest route and status pairs."),
            new Example("avg(…)",
                    "avg(ml_model_accuracy)",
                    "The average across series: here the mean accuracy of all model versions."),
            new Example("min(…) / max(…)",
                    "max by (model_version) (ml_model_accuracy)",
                    "The smallest or largest value across series, optionally per label."),
            new Example("count(…)",
                    "count by (job) (up)",
                    "How many series there are: here the number of scrape targets per job."));

    private ExampleQueries() {
    }
}
