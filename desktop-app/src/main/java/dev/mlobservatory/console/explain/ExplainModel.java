package dev.mlobservatory.console.explain;

import dev.mlobservatory.console.concurrent.FxThread;
import dev.mlobservatory.console.explain.ExplainState.Phase;
import dev.mlobservatory.console.prom.ParseAnswer;
import dev.mlobservatory.console.prom.PrometheusAbsence;
import dev.mlobservatory.console.prom.PrometheusClient;
import dev.mlobservatory.console.prom.PrometheusException;
import dev.mlobservatory.console.prom.QueryResult;
import dev.mlobservatory.console.prom.UnreachableException;
import dev.mlobservatory.console.ui.Format;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Explain: asks Prometheus 3 how it reads an expression ({@code parse_query}), then evaluates every part of it at one
 * time, so a student sees what each part does and gives. Work runs on the executor; each step is published whole
 * to the FX thread as an {@link ExplainState}; only the newest explanation is ever published.
 */
public final class ExplainModel {

    private static final Logger LOG = LoggerFactory.getLogger(ExplainModel.class);
    /** What Explain needs, in the sentence that says why there is no Prometheus. */
    static final String TO_EXPLAIN = "explain a query";
    private static final String PARAMETER_PREFIX = "invalid parameter \"query\": ";
    private static final Pattern MAJOR_MINOR = Pattern.compile("^(\\d+\\.\\d+)");

    private final ScheduledExecutorService executor;
    private final FxThread fx;
    private final ObservableValue<PrometheusClient> prometheus;
    private final ReadOnlyObjectWrapper<ExplainState> state = new ReadOnlyObjectWrapper<>(this, "state",
            ExplainState.IDLE);
    private final ReadOnlyBooleanWrapper shown = new ReadOnlyBooleanWrapper(this, "shown");
    private final ReadOnlyObjectWrapper<ExplainStep> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final ObservableList<ExplainRow> rows = FXCollections.observableArrayList();
    private final ObservableList<ExplainRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final BooleanBinding needsPrometheus3 = Bindings.createBooleanBinding(
            () -> state.get().phase() == Phase.NEEDS_PROMETHEUS_3, state);
    /** Bumped by every explanation and by close: work whose number is no longer the newest publishes nothing. */
    private final AtomicLong generation = new AtomicLong();
    private final ChangeListener<PrometheusClient> onPrometheusChange = (o, old, now) -> prometheusChanged(now);
    private PrometheusAbsence absence = PrometheusAbsence.NOT_STARTED;
    private boolean started;

    public ExplainModel(ScheduledExecutorService executor, FxThread fx, ObservableValue<PrometheusClient> prometheus) {
        this.executor = executor;
        this.fx = fx;
        this.prometheus = prometheus;
    }

    /** Follows the current Prometheus: an explanation on screen is made again with the new one. FX thread. */
    public void start() {
        if (!started) {
            started = true;
            prometheus.addListener(onPrometheusChange);
        }
    }

    /** Stops following Prometheus; work in progress publishes nothing more. */
    public void stop() {
        started = false;
        prometheus.removeListener(onPrometheusChange);
        generation.incrementAndGet();
    }

    /** Follows why there is no Prometheus (the stack's word for it), so Explain says what is true. */
    public void explainAbsence(ObservableValue<PrometheusAbsence> why) {
        PrometheusAbsence.follow(why, now -> {
            absence = now;
            if (state.get().phase() == Phase.NO_PROMETHEUS) {
                state.set(ExplainState.without(Phase.NO_PROMETHEUS, state.get().expression(), absence.say(TO_EXPLAIN)));
            }
        });
    }

    private void prometheusChanged(PrometheusClient now) {
        // A Prometheus 3 that replaced a 2.x (or came up at all) answers what the one before could not.
        if (shown.get() && !state.get().expression().isEmpty()) {
            explain(state.get().expression());
        }
    }

    /**
     * Explains {@code promql}: shows Explain, asks for the tree, then evaluates each part. Call on the FX thread;
     * the future completes once the last result is published (tests). A newer call supersedes this one.
     */
    public CompletableFuture<Void> explain(String promql) {
        String expression = promql == null ? "" : promql.strip();
        long id = generation.incrementAndGet();
        shown.set(true);
        select(null);
        if (expression.isEmpty()) {
            state.set(ExplainState.without(Phase.FAILED, "", "Type a PromQL expression in the editor first, e.g. "
                    + "rate(ml_predictions_total[1m]), then press Explain."));
            return CompletableFuture.completedFuture(null);
        }
        PrometheusClient client = prometheus.getValue();
        if (client == null) {
            state.set(ExplainState.without(Phase.NO_PROMETHEUS, expression, absence.say(TO_EXPLAIN)));
            return CompletableFuture.completedFuture(null);
        }
        state.set(ExplainState.without(Phase.PARSING, expression, "Asking Prometheus how it reads the expression…"));
        try {
            return CompletableFuture.runAsync(() -> work(id, client, expression), executor);
        } catch (RejectedExecutionException closing) {
            state.set(ExplainState.without(Phase.FAILED, expression, "The console is shutting down."));
            return CompletableFuture.completedFuture(null);
        }
    }

    /** Hides Explain (the query's own result shows again); work in progress publishes nothing more. */
    public void close() {
        generation.incrementAndGet();
        shown.set(false);
    }

    /** Shows {@code step}'s full result in the table; null empties it. FX thread. */
    public void select(ExplainStep step) {
        selected.set(step);
        rows.setAll(step == null ? List.of() : state.get().result(step).rows());
    }

    private void work(long id, PrometheusClient client, String expression) {
        ExplainStep root;
        try {
            ParseAnswer answer = client.parseQuery(expression);
            if (answer instanceof ParseAnswer.Unsupported old) {
                publish(id, ExplainState.without(Phase.NEEDS_PROMETHEUS_3, expression, needs3(old.version())));
                return;
            }
            root = ExplainStep.of(SyntaxTree.parse(((ParseAnswer.Tree) answer).json()));
        } catch (PrometheusException e) {
            publish(id, ExplainState.without(Phase.NOT_PARSED, expression, "Prometheus cannot read this expression. "
                    + prometheusError(e)));
            return;
        } catch (UnreachableException e) {
            publish(id, ExplainState.without(Phase.FAILED, expression, e.getMessage()
                    + ". Is the stack still running? Start it with ▶ Start stack (top left)."));
            return;
        } catch (IOException | RuntimeException e) {
            LOG.warn("explaining '{}' failed", expression, e);
            publish(id, ExplainState.without(Phase.FAILED, expression, "Explain failed: " + e.getMessage()));
            return;
        }
        // One time for every part, to the millisecond Prometheus reads: the parts then add up to the whole.
        Instant time = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        double seconds = time.toEpochMilli() / 1000.0;
        Map<Integer, NodeResult> results = new HashMap<>();
        String said = "All parts at " + Format.clock(time, ZoneId.systemDefault())
                + ". Select one to see its whole result.";
        publish(id, new ExplainState(Phase.EVALUATING, said, expression, root, results, time));
        List<ExplainStep> steps = root.all();
        for (ExplainStep step : steps) {
            if (id != generation.get()) {
                return; // superseded or closed: no point asking further
            }
            results.put(step.id(), evaluate(client, step, seconds));
            Phase phase = results.size() == steps.size() ? Phase.DONE : Phase.EVALUATING;
            publish(id, new ExplainState(phase, said, expression, root, results, time));
        }
    }

    /** A literal is its own value; any other part is an instant query of its own text at the shared time. */
    private static NodeResult evaluate(PrometheusClient client, ExplainStep step, double time) {
        if (step.node() instanceof ExplainNode.NumberLiteral n) {
            return new NodeResult.Value(new QueryResult.Scalar(time, n.value()));
        }
        if (step.node() instanceof ExplainNode.StringLiteral s) {
            return new NodeResult.Value(new QueryResult.Text(time, s.value()));
        }
        try {
            return new NodeResult.Value(client.queryAt(step.promql(), time).result());
        } catch (PrometheusException e) {
            return new NodeResult.Failed(prometheusError(e));
        } catch (IOException | RuntimeException e) {
            return new NodeResult.Failed(e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    /** "bad_data: 1:6: parse error: unclosed left parenthesis", as the PromQL tab writes Prometheus's errors. */
    static String prometheusError(PrometheusException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        String shown = message.startsWith(PARAMETER_PREFIX) ? message.substring(PARAMETER_PREFIX.length()) : message;
        return e.errorType().isEmpty() ? shown : e.errorType() + ": " + shown;
    }

    /** "Explain needs Prometheus 3 (this one is 2.42). …" */
    static String needs3(String version) {
        Matcher m = MAJOR_MINOR.matcher(version);
        String which = m.find() ? " (this one is " + m.group(1) + ")" : "";
        return "Explain needs Prometheus 3" + which + ": older versions cannot say how they read an expression. "
                + "Get Prometheus 3.5 LTS here, then stop and start the stack to use it.";
    }

    /** Publishes on the FX thread unless newer work started; keeps the table in step with the selected line. */
    private void publish(long id, ExplainState next) {
        fx.run(() -> {
            if (id != generation.get()) {
                return;
            }
            state.set(next);
            ExplainStep step = selected.get();
            if (step != null && next.root() != null) {
                rows.setAll(next.result(step).rows());
            }
        });
    }

    /** What Explain shows now. */
    public ReadOnlyObjectProperty<ExplainState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** True from Explain until {@link #close()}: the PromQL tab shows the tree instead of the query's result. */
    public ReadOnlyBooleanProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** True while the Prometheus asked is older than 3: the view offers to get 3.5 LTS. */
    public BooleanBinding needsPrometheus3() {
        return needsPrometheus3;
    }

    /** The line whose result fills the table; null for none. */
    public ReadOnlyObjectProperty<ExplainStep> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** The selected line's full result: one row per series, or one for a number or a text. */
    public ObservableList<ExplainRow> rows() {
        return rowsView;
    }
}
