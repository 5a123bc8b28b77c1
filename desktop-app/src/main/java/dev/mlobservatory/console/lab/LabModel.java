package dev.mlobservatory.console.lab;

import dev.mlobservatory.console.concurrent.FxThread;
import dev.mlobservatory.console.concurrent.Poller;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lab tab's state and commands: the steps with their status, the step shown, its last check, the progress kept
 * in the console's home. The shown step's check runs every few seconds on the executor (and on Check); a step that
 * passes goes green for good, is saved with its time, and the next step not yet done is shown. State changes on the
 * FX thread only.
 */
public final class LabModel {

    public static final Duration DEFAULT_CHECK_EVERY = Duration.ofSeconds(3);
    private static final Logger LOG = LoggerFactory.getLogger(LabModel.class);

    private final ScheduledExecutorService executor;
    private final FxThread fx;
    private final List<LabStep> steps;
    private final LabChecks checks;
    private final LabProgressFile file;
    private final Supplier<LabContext> context;
    private final Clock clock;
    private final Poller poll;

    // The FX thread's.
    private final Map<String, Instant> green = new HashMap<>();
    private Runnable onReset = () -> { };
    private final Set<String> skipped = new HashSet<>();
    private boolean checking;
    /** Bumped by a reset: a check started before it must not turn a step green after it. */
    private int generation;
    private final ObservableList<LabRow> rows = FXCollections.observableArrayList();
    private final ObservableList<LabRow> rowsReadOnly = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyIntegerWrapper selected = new ReadOnlyIntegerWrapper(this, "selected", 0);
    private final ReadOnlyObjectWrapper<LabCheckResult> result = new ReadOnlyObjectWrapper<>(this, "result", null);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper actionUrl = new ReadOnlyStringWrapper(this, "actionUrl", null);

    /**
     * @param context what the checks read of the console, called on the FX thread just before each check
     * @param every   time between the end of one check and the next
     */
    public LabModel(ScheduledExecutorService executor, FxThread fx, List<LabStep> steps, LabChecks checks,
                    LabProgressFile file, Supplier<LabContext> context, Duration every, Clock clock) {
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("steps must not be empty");
        }
        this.executor = executor;
        this.fx = fx;
        this.steps = List.copyOf(steps);
        this.checks = checks;
        this.file = file;
        this.context = context;
        this.clock = clock;
        this.poll = new Poller(executor, every, () -> fx.run(this::checkShown));
        fx.run(this::publish);
    }

    public LabModel(ScheduledExecutorService executor, FxThread fx, LabChecks checks, LabProgressFile file,
                    Supplier<LabContext> context) {
        this(executor, fx, LabSteps.bundled(), checks, file, context, DEFAULT_CHECK_EVERY, Clock.systemUTC());
    }

    /** Reads the saved progress (on the executor), shows the first step not done, then checks it every few seconds. */
    public void start() {
        submit(() -> {
            LabProgressFile.Loaded loaded = file.load();
            if (!loaded.problem().isEmpty()) {
                LOG.warn("{}", loaded.problem());
            }
            fx.run(() -> {
                green.clear();
                loaded.green().forEach((id, at) -> {
                    if (steps.stream().anyMatch(s -> s.id().equals(id))) {
                        green.put(id, at);
                    }
                });
                problem.set(loaded.problem());
                show(firstNotDone(0));
                poll.start();
            });
        });
    }

    public void stop() {
        poll.stop();
    }

    /** Shows step {@code index} and checks it now; a step that counts "since opened" starts counting. FX thread. */
    public void select(int index) {
        if (index < 0 || index >= steps.size() || index == selected.get()) {
            return;
        }
        show(index);
        checkShown();
    }

    /** Checks the shown step now (the Check button). FX thread. */
    public void check() {
        checkShown();
    }

    /** Also run on Reset, e.g. to forget the exercises passed, which the same progress file keeps. FX thread. */
    public void onReset(Runnable action) {
        onReset = action == null ? () -> { } : action;
    }

    /** Forgets this user's progress (the view asks first) and starts again at the first step. FX thread. */
    public void reset() {
        onReset.run();
        generation++;
        green.clear();
        skipped.clear();
        submit(() -> {
            try {
                file.reset();
                fx.run(() -> problem.set(""));
            } catch (IOException e) {
                fx.run(() -> problem.set("Could not reset the progress in " + file.file() + ": " + e.getMessage()));
            }
        });
        show(0);
        checkShown();
    }

    private void show(int index) {
        selected.set(index);
        result.set(null);
        checks.opened(steps.get(index).id());
        publish();
    }

    private int firstNotDone(int from) {
        for (int i = 0; i < steps.size(); i++) {
            int k = (from + i) % steps.size();
            if (!green.containsKey(steps.get(k).id())) {
                return k;
            }
        }
        return steps.size() - 1;
    }

    /** On the FX thread: takes the context and runs the shown step's check on the executor, one at a time. */
    private void checkShown() {
        LabContext ctx = context.get();
        LabStep step = steps.get(selected.get());
        actionUrl.set(switch (step.action()) {
            case "metrics" -> ctx.apiUrl() == null ? null : ctx.apiUrl() + "/metrics";
            case "grafana" -> ctx.grafanaUrl();
            default -> null;
        });
        if (checking || green.containsKey(step.id())) {
            return;
        }
        LabCheck check = checks.forStep(step.id()).orElse(null);
        if (check == null) {
            result.set(LabCheckResult.notYet("This step has no automatic check."));
            return;
        }
        checking = true;
        busy.set(true);
        int started = generation;
        boolean submitted = submit(() -> {
            LabCheckResult r;
            try {
                r = check.check(ctx);
            } catch (RuntimeException e) {
                LOG.warn("the check of lab step {} failed", step.id(), e);
                r = LabCheckResult.notYet("The check could not run: " + e.getMessage());
            }
            LabCheckResult found = r;
            fx.run(() -> checked(step, found, started));
        });
        if (!submitted) {
            checking = false;
            busy.set(false);
        }
    }

    private void checked(LabStep step, LabCheckResult r, int started) {
        checking = false;
        busy.set(false);
        if (started != generation) {
            return;
        }
        boolean shown = steps.get(selected.get()).id().equals(step.id());
        if (r.outcome() == LabCheckResult.Outcome.SKIPPED) {
            skipped.add(step.id());
        } else {
            skipped.remove(step.id());
        }
        if (r.passed() && !green.containsKey(step.id())) {
            Instant at = clock.instant();
            green.put(step.id(), at);
            save(step.id(), at);
        }
        publish();
        if (shown) {
            result.set(r);
        } else {
            // The student moved on while this ran: the step now shown gets its answer now, not a poll later.
            checkShown();
        }
    }

    private void save(String id, Instant at) {
        submit(() -> {
            try {
                file.markGreen(id, at);
            } catch (IOException e) {
                fx.run(() -> problem.set("Could not save the progress to " + file.file() + ": " + e.getMessage()));
            }
        });
    }

    /** Moves on from a step that just went green: the student reads its result and clicks Next, or the list. FX. */
    public void next() {
        show(firstNotDone(selected.get() + 1));
        checkShown();
    }

    private void publish() {
        List<LabRow> now = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            LabStep s = steps.get(i);
            Instant at = green.get(s.id());
            LabRow.Status status = at != null ? LabRow.Status.DONE
                    : skipped.contains(s.id()) ? LabRow.Status.SKIPPED
                    : i == selected.get() ? LabRow.Status.CURRENT : LabRow.Status.TODO;
            now.add(new LabRow(s, status, at));
        }
        if (rows.size() != now.size()) {
            rows.setAll(now);
        } else {
            // Row by row, so a list bound to these rows keeps its selection and scroll position.
            for (int i = 0; i < now.size(); i++) {
                if (!now.get(i).equals(rows.get(i))) {
                    rows.set(i, now.get(i));
                }
            }
        }
        long done = green.size();
        summary.set(done == steps.size() ? "All " + steps.size() + " steps done."
                : done + " of " + steps.size() + " steps done" + (skipped.isEmpty() ? "." : ", " + skipped.size()
                + " skipped (this stack cannot do " + (skipped.size() == 1 ? "it" : "them") + ")."));
    }

    private boolean submit(Runnable task) {
        try {
            executor.execute(task);
            return true;
        } catch (RejectedExecutionException closing) {
            return false; // the console is closing
        }
    }

    /** The steps, each with its status; changes on the FX thread. */
    public ObservableList<LabRow> rows() {
        return rowsReadOnly;
    }

    /** The index of the step shown. */
    public ReadOnlyIntegerProperty selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** The shown step's last check; null until it has run since the step was shown. */
    public ReadOnlyObjectProperty<LabCheckResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** True while a check runs. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** A sentence about the progress file (set aside, not saved); empty when all is well. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** "2 of 6 steps done." */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Where the shown step's action button leads (the API's /metrics, Grafana); null when nowhere yet. */
    public ReadOnlyStringProperty actionUrlProperty() {
        return actionUrl.getReadOnlyProperty();
    }

    /** The OS user the progress belongs to. */
    public String user() {
        return file.user();
    }
}
