package dev.mlobservatory.console.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a lab report holds, as plain values: what {@code index.html} shows and {@code report.json} stores.
 * Times are ISO-8601 text so the JSON reads the same everywhere.
 */
public record ReportData(String createdAt, String notes, Versions versions, List<Picture> pictures,
                         List<Target> targets, String targetsProblem, Traffic traffic, List<ChaosStep> chaos,
                         List<QueryRun> queries, List<Metric> metrics, String metricsSource, List<LabStep> lab) {

    public ReportData {
        Objects.requireNonNull(createdAt, "createdAt");
        notes = notes == null ? "" : notes;
        Objects.requireNonNull(versions, "versions");
        pictures = List.copyOf(pictures);
        targets = List.copyOf(targets);
        targetsProblem = targetsProblem == null ? "" : targetsProblem;
        chaos = List.copyOf(chaos);
        queries = List.copyOf(queries);
        metrics = List.copyOf(metrics);
        metricsSource = metricsSource == null ? "" : metricsSource;
        lab = List.copyOf(lab);
    }

    /** Without lab steps. */
    public ReportData(String createdAt, String notes, Versions versions, List<Picture> pictures, List<Target> targets,
                      String targetsProblem, Traffic traffic, List<ChaosStep> chaos, List<QueryRun> queries,
                      List<Metric> metrics, String metricsSource) {
        this(createdAt, notes, versions, pictures, targets, targetsProblem, traffic, chaos, queries, metrics,
                metricsSource, List.of());
    }

    /** One guided step of the Lab tab: its status ("done", "current", "to do", "skipped") and when it went green. */
    public record LabStep(String id, String title, String status, String greenAt) {
        public LabStep {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(status, "status");
            greenAt = greenAt == null ? "" : greenAt;
        }
    }

    /** What ran: Java, Prometheus ("not running" when none answered), the console, and the stack's mode. */
    public record Versions(String java, String prometheus, String app, String mode) {
        public Versions {
            Objects.requireNonNull(java, "java");
            Objects.requireNonNull(prometheus, "prometheus");
            Objects.requireNonNull(app, "app");
            Objects.requireNonNull(mode, "mode");
        }
    }

    /** A PNG beside {@code index.html}: its file name, its title, and the lab deliverable it is (blank for none). */
    public record Picture(String file, String title, String deliverable) {
        public Picture {
            if (file == null || !file.matches("[a-z0-9-]+\\.png")) {
                throw new IllegalArgumentException("file must be a plain name like live.png, got '" + file + "'");
            }
            Objects.requireNonNull(title, "title");
            deliverable = deliverable == null ? "" : deliverable;
        }
    }

    /** One scrape target as Prometheus last saw it. */
    public record Target(String job, String instance, String health, String lastError) {
        public Target {
            Objects.requireNonNull(job, "job");
            Objects.requireNonNull(instance, "instance");
            Objects.requireNonNull(health, "health");
            lastError = lastError == null ? "" : lastError;
        }
    }

    /**
     * The test traffic as the console measured it. Counts are the current run's; {@code outcomes} cover the last
     * {@code windowSeconds} the console keeps; percentiles (null when nothing completed) the last two minutes.
     */
    public record Traffic(boolean running, double targetRate, double achievedRate, long sent, long errors,
                          long dropped, double windowSeconds, Map<String, Long> outcomes, Double p50Ms,
                          Double p95Ms, Double p99Ms) {
        public Traffic {
            outcomes = Collections.unmodifiableMap(new LinkedHashMap<>(outcomes)); // in the order given
            if (sent < 0 || errors < 0 || dropped < 0) {
                throw new IllegalArgumentException("counts must not be negative, got sent " + sent + ", errors "
                        + errors + ", dropped " + dropped);
            }
        }
    }

    /** One fault change: when (ISO time), what it injects, for which model versions. */
    public record ChaosStep(String time, String what, String versions) {
        public ChaosStep {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(what, "what");
            Objects.requireNonNull(versions, "versions");
        }
    }

    /**
     * A query run this session, asked again at export: its current value per series (at most {@link #MAX_ROWS}
     * rows) and its last {@code rangeMinutes} per series (at most {@link #MAX_LINES}), or the error Prometheus gave.
     */
    public record QueryRun(String promql, List<Row> rows, int totalRows, List<Line> lines, int rangeMinutes,
                           String error) {
        public static final int MAX_ROWS = 25;
        public static final int MAX_LINES = 8;

        public QueryRun {
            Objects.requireNonNull(promql, "promql");
            rows = List.copyOf(rows);
            lines = List.copyOf(lines);
            error = error == null ? "" : error;
        }
    }

    /** One row of a query's table: the series' labels as PromQL writes them, and its value as text. */
    public record Row(String series, String value) {
        public Row {
            Objects.requireNonNull(series, "series");
            Objects.requireNonNull(value, "value");
        }
    }

    /** One series of a query's chart: epoch seconds and values (NaN for a gap). */
    public record Line(String series, double[] times, double[] values) {
        public Line {
            Objects.requireNonNull(series, "series");
            if (times.length != values.length) {
                throw new IllegalArgumentException(times.length + " times but " + values.length + " values");
            }
            times = times.clone();
            values = values.clone();
        }
    }

    /** One metric of the catalogue: the scrape job that exports it (blank when unknown), its type and help text. */
    public record Metric(String job, String name, String type, String help) {
        public Metric {
            job = job == null ? "" : job;
            Objects.requireNonNull(name, "name");
            type = type == null ? "" : type;
            help = help == null ? "" : help;
        }
    }
}
