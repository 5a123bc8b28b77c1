package dev.mlobservatory.console.lab.exercise;

import dev.mlobservatory.console.concurrent.FxThread;
import dev.mlobservatory.console.prom.PrometheusAbsence;
import dev.mlobservatory.console.prom.PrometheusClient;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;

/**
 * The PromQL exercises pane: the exercises, the one selected with the student's answer and the hints shown so far,
 * the last check's outcome, and which exercises were passed ({@link #passedIds()}: the Lab's progress and the
 * report read it). Checks run on the console's executor; only the newest check of the selected exercise publishes.
 */
public final class ExercisesModel {

    /** What a check needs, in the sentence that says why there is no Prometheus. */
    static final String TO_CHECK = "check answers";
    private static final Pattern MAJOR = Pattern.compile("^(\\d+)\\.");

    private final ScheduledExecutorService executor;
    private final FxThread fx;
    private final ObservableValue<PrometheusClient> prometheus;
    private final ObservableList<Exercise> exercises = FXCollections.observableArrayList();
    private final ObservableList<Exercise> exercisesView = FXCollections.unmodifiableObservableList(exercises);
    private final ObjectProperty<Exercise> selected = new SimpleObjectProperty<>(this, "selected");
    private final StringProperty answer = new SimpleStringProperty(this, "answer", "");
    private final ReadOnlyIntegerWrapper hintsShown = new ReadOnlyIntegerWrapper(this, "hintsShown");
    private final ReadOnlyObjectWrapper<CheckState> state = new ReadOnlyObjectWrapper<>(this, "state",
            CheckState.READY);
    private final ReadOnlyBooleanWrapper explainAvailable = new ReadOnlyBooleanWrapper(this, "explainAvailable");
    private final ReadOnlyObjectWrapper<String> fileProblem = new ReadOnlyObjectWrapper<>(this, "fileProblem");
    private final ObservableSet<String> passed = FXCollections.observableSet();
    private final ObservableSet<String> passedView = FXCollections.unmodifiableObservableSet(passed);
    /** Each exercise's answer and hints so far, kept while the student moves between exercises. */
    private final Map<String, String> answers = new HashMap<>();
    private final Map<String, Integer> hints = new HashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final ChangeListener<PrometheusClient> onPrometheus = (o, was, now) -> prometheusChanged(now);
    private PrometheusAbsence absence = PrometheusAbsence.NOT_STARTED;
    private Consumer<String> onExplain = q -> { };
    private Consumer<String> onOpenInPromQL = q -> { };

    /** @param loaded the exercises ({@link ExerciseBook#load}), with why a teacher's file was left out, if it was */
    public ExercisesModel(ScheduledExecutorService executor, FxThread fx, ObservableValue<PrometheusClient> prometheus,
                          ExerciseBook.Loaded loaded) {
        this.executor = executor;
        this.fx = fx;
        this.prometheus = prometheus;
        exercises.setAll(loaded.exercises());
        fileProblem.set(loaded.problem());
        selected.addListener((o, was, now) -> selectionChanged(was, now));
        if (!exercises.isEmpty()) {
            selected.set(exercises.get(0));
        }
    }

    /** Follows the current Prometheus (whether Explain is there). FX thread. */
    public void start() {
        prometheus.addListener(onPrometheus);
        prometheusChanged(prometheus.getValue());
    }

    /** Stops following Prometheus; a check in progress publishes nothing. */
    public void stop() {
        prometheus.removeListener(onPrometheus);
        generation.incrementAndGet();
    }

    /** Follows why there is no Prometheus (the stack's word for it), so the pane says what is true. */
    public void explainAbsence(ObservableValue<PrometheusAbsence> why) {
        PrometheusAbsence.follow(why, now -> {
            absence = now;
            if (state.get().kind() == CheckState.Kind.NO_PROMETHEUS) {
                state.set(new CheckState(CheckState.Kind.NO_PROMETHEUS, absence.say(TO_CHECK)));
            }
        });
    }

    /** Where Explain sends the answer (the integrator wires it to the Explain view). */
    public void setOnExplain(Consumer<String> onExplain) {
        this.onExplain = onExplain == null ? q -> { } : onExplain;
    }

    /** Where "Open in PromQL" sends the answer. */
    public void setOnOpenInPromQL(Consumer<String> onOpen) {
        this.onOpenInPromQL = onOpen == null ? q -> { } : onOpen;
    }

    /** Marks exercises passed in an earlier session (the Lab's saved progress). FX thread. */
    public void restorePassed(Collection<String> ids) {
        passed.addAll(ids);
    }

    /** Forgets every pass (the Lab's reset). FX thread. */
    public void resetPassed() {
        passed.clear();
    }

    // --- commands -------------------------------------------------------------------------------------

    /**
     * Checks the answer of the selected exercise. FX thread; the future completes once the outcome is published
     * (tests). A newer check, or another exercise selected, supersedes it.
     */
    public CompletableFuture<Void> check() {
        Exercise exercise = selected.get();
        long id = generation.incrementAndGet();
        if (exercise == null) {
            return CompletableFuture.completedFuture(null);
        }
        String query = answer.get() == null ? "" : answer.get().strip();
        if (query.isEmpty()) {
            state.set(new CheckState(CheckState.Kind.FAIL, "Type your query in the box first."));
            return CompletableFuture.completedFuture(null);
        }
        PrometheusClient client = prometheus.getValue();
        if (client == null) {
            state.set(new CheckState(CheckState.Kind.NO_PROMETHEUS, absence.say(TO_CHECK)));
            return CompletableFuture.completedFuture(null);
        }
        state.set(new CheckState(CheckState.Kind.CHECKING, "Checking against Prometheus at three times…"));
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                Verdict v;
                try {
                    v = new Grader(client).check(exercise, query);
                } catch (RuntimeException e) {
                    v = new Verdict(Verdict.Outcome.ERROR, "the check failed: " + e.getMessage());
                }
                Verdict verdict = v;
                fx.run(() -> {
                    if (id == generation.get()) {
                        state.set(CheckState.of(verdict));
                        if (verdict.passed()) {
                            passed.add(exercise.id());
                        }
                    }
                    done.complete(null);
                });
            });
        } catch (RejectedExecutionException closing) {
            state.set(new CheckState(CheckState.Kind.ERROR, "The console is shutting down."));
            done.complete(null);
        }
        return done;
    }

    /** Shows the next hint of the selected exercise, if there is one. */
    public void revealHint() {
        Exercise e = selected.get();
        if (e != null && hintsShown.get() < e.hints().size()) {
            hintsShown.set(hintsShown.get() + 1);
            hints.put(e.id(), hintsShown.get());
        }
    }

    /** Hands the answer to Explain. */
    public void explain() {
        onExplain.accept(answer.get() == null ? "" : answer.get().strip());
    }

    /** Hands the answer to the PromQL tab. */
    public void openInPromQL() {
        onOpenInPromQL.accept(answer.get() == null ? "" : answer.get().strip());
    }

    // --- inner workings -------------------------------------------------------------------------------

    private void selectionChanged(Exercise was, Exercise now) {
        if (was != null) {
            answers.put(was.id(), answer.get());
        }
        generation.incrementAndGet();
        answer.set(now == null ? "" : answers.getOrDefault(now.id(), ""));
        hintsShown.set(now == null ? 0 : hints.getOrDefault(now.id(), 0));
        state.set(CheckState.READY);
    }

    private void prometheusChanged(PrometheusClient now) {
        if (now == null) {
            explainAvailable.set(false);
            return;
        }
        try {
            executor.execute(() -> {
                boolean three = isThreeOrLater(now);
                fx.run(() -> {
                    if (prometheus.getValue() == now) {
                        explainAvailable.set(three);
                    }
                });
            });
        } catch (RejectedExecutionException closing) {
            // shutting down: nothing to offer
        }
    }

    /** Explain needs {@code /api/v1/parse_query}, which Prometheus has from 3.0 on. */
    private static boolean isThreeOrLater(PrometheusClient client) {
        try {
            Matcher m = MAJOR.matcher(client.version());
            return m.find() && Integer.parseInt(m.group(1)) >= 3;
        } catch (Exception e) {
            return false;
        }
    }

    // --- state ----------------------------------------------------------------------------------------

    public ObservableList<Exercise> exercises() { return exercisesView; }
    public ObjectProperty<Exercise> selectedProperty() { return selected; }
    /** The student's answer to the selected exercise. */
    public StringProperty answerProperty() { return answer; }
    /** How many of the selected exercise's hints are shown. */
    public ReadOnlyIntegerProperty hintsShownProperty() { return hintsShown.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<CheckState> stateProperty() { return state.getReadOnlyProperty(); }
    /** True when the Prometheus asked can explain a query (3.0 and later). */
    public ReadOnlyBooleanProperty explainAvailableProperty() { return explainAvailable.getReadOnlyProperty(); }
    /** Why the teacher's exercises file was left out, or null. */
    public ReadOnlyObjectProperty<String> fileProblemProperty() { return fileProblem.getReadOnlyProperty(); }
    /** The ids of the exercises passed (this session, and any restored): read-only, observable. */
    public ObservableSet<String> passedIds() { return passedView; }
    /** True while a check runs. */
    public boolean checking() { return state.get().kind() == CheckState.Kind.CHECKING; }
}
