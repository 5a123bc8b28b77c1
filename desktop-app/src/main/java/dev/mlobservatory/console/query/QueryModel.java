package dev.mlobservatory.console.query;

import dev.mlobservatory.console.concurrent.FxThread;
import dev.mlobservatory.console.prom.PrometheusAbsence;
import dev.mlobservatory.console.prom.PrometheusClient;
import dev.mlobservatory.console.prom.PrometheusException;
import dev.mlobservatory.console.prom.QueryResult;
import dev.mlobservatory.console.prom.UnreachableException;
import dev.mlobservatory.console.ui.ChartSaver;
import dev.mlobservatory.console.ui.Format;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PromQL sandbox: the query being edited, its mode, the last answer (kept while a newer query runs) or
 * the error Prometheus gave, metric and label names for completion, and the session's history.
 * Queries run on the executor; only the newest query's outcome is ever published.
 */
public final class QueryModel {

    /** Why there is no Prometheus while there is none (FX thread). */
    private PrometheusAbsence absence = PrometheusAbsence.NOT_STARTED;

    private static final Logger LOG = LoggerFactory.getLogger(QueryModel.class);
    private final ScheduledExecutorService executor;
    private final FxThread fx;
    private final ObservableValue<PrometheusClient> prometheus;

    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ObjectProperty<QueryMode> mode = new SimpleObjectProperty<>(this, "mode", QueryMode.INSTANT);
    private final ObjectProperty<RangeWindow> window = new SimpleObjectProperty<>(this, "window", RangeWindow.M15);
    private final ReadOnlyObjectWrapper<QueryAnswer> answer = new ReadOnlyObjectWrapper<>(this, "answer");
    private final ReadOnlyObjectWrapper<QueryError> error = new ReadOnlyObjectWrapper<>(this, "error");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    /** A native histogram has no one number to draw: said instead of an empty chart. */
    static final String NATIVE_IN_A_CHART = "These series are native histograms: a chart needs one number per point. "
            + "Wrap the query in histogram_quantile(0.95, …), histogram_count(…) or histogram_sum(…); the Instant "
            + "table shows each histogram's count, sum and buckets.";
    private final ReadOnlyStringWrapper noSeriesHint = new ReadOnlyStringWrapper(this, "noSeriesHint", "");
    private final ObservableList<ResultRow> rows = FXCollections.observableArrayList();
    private final ObservableList<ResultRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final QueryHistory history = new QueryHistory(QueryHistory.DEFAULT_CAPACITY);
    /** Where the history survives a restart; null keeps it for this session only. */
    private final HistoryFile historyFile;

    /** Bumped by every run: an answer whose number is no longer the newest is dropped, not shown. */
    private final AtomicLong generation = new AtomicLong();
    private final CompletionNames names;
    private final ChartSaver chartSaver;
    private final ChangeListener<PrometheusClient> onPrometheusChange = (obs, old, now) -> prometheusChanged(now);
    private boolean started;
    private CompletableFuture<Void> lastHistorySave = CompletableFuture.completedFuture(null);

    /** A model whose history lasts for this session only. */
    public QueryModel(ScheduledExecutorService executor, FxThread fx, ObservableValue<PrometheusClient> prometheus) {
        this(executor, fx, prometheus, null);
    }

    /**
     * A model whose history is read from {@code historyFile} now (at most 100 short lines: cheap enough for
     * the FX thread) and written back on the executor after each query that adds to it; null for none.
     */
    public QueryModel(ScheduledExecutorService executor, FxThread fx, ObservableValue<PrometheusClient> prometheus,
                      Path historyFile) {
        this.executor = executor;
        this.fx = fx;
        this.prometheus = prometheus;
        this.names = new CompletionNames(executor, fx, prometheus);
        this.chartSaver = new ChartSaver(executor, fx);
        this.historyFile = historyFile == null ? null : new HistoryFile(historyFile);
        if (this.historyFile != null) {
            history.restore(this.historyFile.load());
        }
    }

    // --- lifecycle ------------------------------------------------------------------------------------

    /** Follows the current Prometheus: fetches names now and whenever it changes. Call on the FX thread. */
    public void start() {
        if (started) {
            return;
        }
        started = true;
        prometheus.addListener(onPrometheusChange);
        prometheusChanged(prometheus.getValue());
    }

    /** Stops following Prometheus; a query still running will not publish its answer. */
    public void stop() {
        started = false;
        prometheus.removeListener(onPrometheusChange);
        names.cancelRetry();
        generation.incrementAndGet();
        running.set(false);
    }

    private void prometheusChanged(PrometheusClient now) {
        // A Prometheus just started may not answer yet: the names retry until it does (CompletionNames).
        names.follow(now);
        if (now == null) {
            error.set(QueryError.notRunning(absence));
        } else if (error.get() != null && error.get().kind() == QueryError.Kind.NOT_RUNNING) {
            error.set(null);
        }
    }

    /** Follows why there is no Prometheus (the stack's word for it), so the editor says what is true. */
    public void explainAbsence(ObservableValue<PrometheusAbsence> why) {
        PrometheusAbsence.follow(why, now -> {
            absence = now;
            if (error.get() != null && error.get().kind() == QueryError.Kind.NOT_RUNNING) {
                error.set(QueryError.notRunning(absence));
            }
        });
    }

    // --- queries --------------------------------------------------------------------------------------

    /**
     * Runs the query in the editor in the current mode. Returns at once (call it on the FX thread); the
     * future completes when the outcome is published, for tests. A newer run supersedes this one.
     */
    public CompletableFuture<Void> run() {
        String promql = query.get() == null ? "" : query.get().strip();
        long id = generation.incrementAndGet();
        if (promql.isEmpty()) {
            running.set(false);
            error.set(new QueryError(QueryError.Kind.OTHER, "", "Type a PromQL query first, e.g. up"));
            return CompletableFuture.completedFuture(null);
        }
        if (history.add(promql) && historyFile != null) {
            lastHistorySave = historyFile.save(history.entries(), executor);
        }
        PrometheusClient client = prometheus.getValue();
        if (client == null) {
            running.set(false);
            showError(QueryError.notRunning(absence));
            return CompletableFuture.completedFuture(null);
        }
        QueryMode m = mode.get();
        RangeWindow w = window.get();
        // The previous answer and its summary stay on screen until this one arrives.
        running.set(true);
        try {
            return CompletableFuture.runAsync(() -> execute(id, client, promql, m, w), executor);
        } catch (RejectedExecutionException e) {
            running.set(false);
            showError(new QueryError(QueryError.Kind.OTHER, "", "The console is shutting down; the query did not run."));
            return CompletableFuture.completedFuture(null);
        }
    }

    /** Runs again what is in the editor, if a query ran before (for a mode or window change). */
    public void rerun() {
        if (answer.get() != null || (error.get() != null && error.get().kind() == QueryError.Kind.PROMETHEUS)) {
            run();
        }
    }

    /** Puts an example in the editor and runs it. */
    public CompletableFuture<Void> runExample(ExampleQueries.Example example) {
        query.set(example.promql());
        return run();
    }

    /** Puts a query from the history back in the editor, without running it: the user may want to edit it. */
    public void restore(String promql) {
        query.set(promql);
    }

    private void execute(long id, PrometheusClient client, String promql, QueryMode m, RangeWindow w) {
        long t0 = System.nanoTime();
        try {
            PrometheusClient.Answer<? extends QueryResult> answered;
            int step = 0;
            double start = 0;
            double end = 0;
            if (m == QueryMode.RANGE) {
                step = w.stepSeconds();
                end = System.currentTimeMillis() / 1000.0;
                start = end - w.seconds();
                answered = client.queryRangeWithNotes(promql, start, end, step);
            } else {
                answered = client.queryWithNotes(promql);
            }
            QueryResult result = answered.result();
            QueryAnswer a = new QueryAnswer(promql, m, m == QueryMode.RANGE ? w : null, step, start, end, result,
                    System.nanoTime() - t0, answered.notes());
            List<ResultRow> newRows = rowsOf(result);
            publish(id, () -> {
                answer.set(a);
                rows.setAll(newRows);
                error.set(null);
                summary.set(a.summary());
                noSeriesHint.set(noSeriesHint(a));
            });
            names.requestIfStale();
        } catch (PrometheusException e) {
            publishError(id, new QueryError(QueryError.Kind.PROMETHEUS, e.errorType(), e.getMessage()));
        } catch (UnreachableException e) {
            publishError(id, new QueryError(QueryError.Kind.UNREACHABLE, "", e.getMessage()
                    + ". Is the stack still running? Start it with ▶ Start stack (top left)."));
        } catch (IOException | RuntimeException e) {
            LOG.warn("query '{}' failed", promql, e);
            publishError(id, new QueryError(QueryError.Kind.OTHER, "", "The query failed: " + e));
        }
    }

    /** Publishes on the FX thread only if no newer query started meanwhile: a stale answer must not win. */
    private void publish(long id, Runnable update) {
        fx.run(() -> {
            if (id == generation.get()) {
                update.run();
                running.set(false);
            }
        });
    }

    private void publishError(long id, QueryError e) {
        publish(id, () -> showError(e));
    }

    /** An error replaces the old answer: a table under a red line would read as the bad query's result. */
    private void showError(QueryError e) {
        answer.set(null);
        rows.clear();
        error.set(e);
        summary.set("");
        noSeriesHint.set("");
    }

    /** On the FX thread, where the names live: the names are short and a few hundred, the check is cheap. */
    private String noSeriesHint(QueryAnswer a) {
        if (a.result() instanceof QueryResult.Matrix && QueryResult.hasHistograms(a.result())) {
            return NATIVE_IN_A_CHART;
        }
        boolean series = a.result() instanceof QueryResult.Vector || a.result() instanceof QueryResult.Matrix;
        if (!series || a.count() > 0) {
            return "";
        }
        String why = UnknownMetrics.explain(a.promql(), names.metrics());
        if (why != null) {
            return why;
        }
        return filtersByComparison(a.promql())
                ? "No series passed the comparison: every value is on the other side of it right now. (An alert "
                        + "rule's expression is empty while the rule is inactive.) Remove the comparison to see the values."
                : "";
    }

    /** Whether the query's outermost operator is a filtering comparison (not "bool", which keeps every series). */
    static boolean filtersByComparison(String promql) {
        String q = PromqlText.withoutComments(promql).trim();
        int[] op = PromqlText.findOperator(q, List.of("==", "!=", ">=", "<=", ">", "<"), false);
        return op != null && !q.substring(op[1]).stripLeading().startsWith("bool");
    }

    static List<ResultRow> rowsOf(QueryResult result) {
        if (result instanceof QueryResult.Vector v) {
            return v.samples().stream()
                    .map(s -> new ResultRow(QueryResult.describe(s.labels()), s.shown(Format::value), s.value()))
                    .sorted(Comparator.comparing(ResultRow::series))
                    .toList();
        }
        return List.of();
    }

    /** The table as CSV ({@link ResultCsv}: a column per label, then value); empty when there is no table. */
    public String resultCsv() {
        QueryAnswer a = answer.get();
        return a != null && a.result() instanceof QueryResult.Vector v ? ResultCsv.of(v) : "";
    }

    // --- completion -----------------------------------------------------------------------------------

    /** Fetches metric and label names now, on the calling thread (tests; the executor in the app). */
    public void refreshNames() {
        names.refresh();
    }

    /** Fetches the names on the executor (on demand, when Prometheus changes, when they are stale). */
    public void requestNames() {
        names.request();
    }

    /** What to offer for the word at {@code caret}; also refreshes stale names in the background. */
    public Completion.Candidates completionsAt(String text, int caret) {
        names.requestIfStale();
        return Completion.at(text, caret, names.metrics(), names.labels());
    }

    // --- state ----------------------------------------------------------------------------------------

    public StringProperty queryProperty() {
        return query;
    }

    public ObjectProperty<QueryMode> modeProperty() {
        return mode;
    }

    public ObjectProperty<RangeWindow> windowProperty() {
        return window;
    }

    /** The newest successful answer; stays while a newer query runs, null after an error. */
    public ReadOnlyObjectProperty<QueryAnswer> answerProperty() {
        return answer.getReadOnlyProperty();
    }

    /** Why there is no answer, shown under the editor; null when the last query worked. */
    public ReadOnlyObjectProperty<QueryError> errorProperty() {
        return error.getReadOnlyProperty();
    }

    /**
     * Why the last query found no series when a metric name in it is unknown, with the nearest known names:
     * "No series: ml_predictions_totl is not a metric Prometheus knows. Did you mean ml_predictions_total?";
     * empty otherwise.
     */
    public ReadOnlyStringProperty noSeriesHintProperty() {
        return noSeriesHint.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Result count and duration, e.g. "3 series · 12 ms"; "running…" while a query runs. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** "261 metric names, 36 label names", or why there are none. */
    public ReadOnlyStringProperty namesStatusProperty() {
        return names.statusProperty();
    }

    /** An instant vector's rows, sorted by series; empty for other results. */
    public ObservableList<ResultRow> rows() {
        return rowsView;
    }

    public ObservableList<String> metricNames() {
        return names.metrics();
    }

    public ObservableList<String> labelNames() {
        return names.labels();
    }

    /** The queries run, most recent first, including earlier sessions' when the model has a history file. */
    public ObservableList<String> history() {
        return history.entries();
    }

    /** Completes when the history as of the last query run is on disk (tests). */
    CompletableFuture<Void> historySaved() {
        return lastHistorySave;
    }

    /** Saves the range chart as a PNG on the executor and says how it went. */
    public ChartSaver chartSaver() {
        return chartSaver;
    }

    public List<ExampleQueries.Example> examples() {
        return ExampleQueries.LAB;
    }

    public List<ExampleQueries.Example> cheatSheet() {
        return ExampleQueries.CHEAT_SHEET;
    }
}
