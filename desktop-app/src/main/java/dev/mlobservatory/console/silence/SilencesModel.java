package dev.mlobservatory.console.silence;

import dev.mlobservatory.console.concurrent.FxThread;
import dev.mlobservatory.console.concurrent.Poller;
import dev.mlobservatory.console.prom.UnreachableException;
import dev.mlobservatory.console.ui.Format;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Silences through Alertmanager's API v2: follows the Alertmanager URL (null: there is none, and the message says
 * how to get one), polls its silences and alerts every few seconds, shows the silences in force (and the last few
 * expired), tells for any alert whether a silence mutes it, and creates and expires silences, each command's outcome
 * shown as state.
 */
public final class SilencesModel {

    public static final Duration DEFAULT_POLL = Duration.ofSeconds(3);
    /** Expired silences kept in view: enough to undo a mistake, few enough to stay out of the way. */
    public static final int EXPIRED_SHOWN = 5;
    static final String NO_ALERTMANAGER = "No Alertmanager is running, so there are no silences. "
            + "Start the stack with Alertmanager: the Stack tab says how to get it.";

    /** What a command (create, expire) ended with: a sentence for the status line, and whether it worked. */
    public record Outcome(boolean ok, String text) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(SilencesModel.class);

    private final ScheduledExecutorService executor;
    private final FxThread fx;
    private final OkHttpClient http;
    private final ZoneId zone = ZoneId.systemDefault();
    private final Poller poll;
    private final Object pollLock = new Object();
    private volatile AlertmanagerClient client;

    private final ObservableList<Silence> inForce = FXCollections.observableArrayList();
    private final ObservableList<Silence> expired = FXCollections.observableArrayList();
    private final ObservableList<Silence> inForceReadOnly = FXCollections.unmodifiableObservableList(inForce);
    private final ObservableList<Silence> expiredReadOnly = FXCollections.unmodifiableObservableList(expired);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper source = new ReadOnlyStringWrapper(this, "source", "");
    private final ReadOnlyBooleanWrapper reachable = new ReadOnlyBooleanWrapper(this, "reachable", false);
    private final ReadOnlyObjectWrapper<SilenceIndex> index = new ReadOnlyObjectWrapper<>(this, "index",
            SilenceIndex.EMPTY);
    private final ReadOnlyObjectWrapper<Instant> now = new ReadOnlyObjectWrapper<>(this, "now", Instant.now());
    private final ReadOnlyObjectWrapper<Outcome> outcome = new ReadOnlyObjectWrapper<>(this, "outcome", null);

    public SilencesModel(ScheduledExecutorService executor, FxThread fx, OkHttpClient http,
                         ObservableValue<String> alertmanagerUrl) {
        this(executor, fx, http, alertmanagerUrl, DEFAULT_POLL);
    }

    /** @param pollEvery time between the end of one poll and the next (tests poll faster) */
    public SilencesModel(ScheduledExecutorService executor, FxThread fx, OkHttpClient http,
                         ObservableValue<String> alertmanagerUrl, Duration pollEvery) {
        this.executor = executor;
        this.fx = fx;
        this.http = http;
        this.poll = new Poller(executor, pollEvery, this::refresh);
        follow(alertmanagerUrl.getValue());
        message.set(client == null ? NO_ALERTMANAGER : "Asking Alertmanager at " + client.baseUrl() + "…");
        alertmanagerUrl.addListener((o, was, url) -> {
            follow(url);
            poll.runSoon();
        });
    }

    private void follow(String url) {
        AlertmanagerClient next = null;
        if (url != null && !url.isBlank()) {
            try {
                next = new AlertmanagerClient(url, http);
            } catch (IllegalArgumentException e) {
                LOG.warn("ignoring Alertmanager URL: {}", e.getMessage());
            }
        }
        client = next;
    }

    /** Starts polling (now, then every poll period). Idempotent. */
    public void start() {
        poll.start();
    }

    /** Stops polling; the list stays as it was. */
    public void stop() {
        poll.stop();
    }

    /**
     * One poll: asks Alertmanager for its silences and alerts (blocking: off the FX thread) and publishes them, or
     * the message that says why there are none. One at a time, so an older answer never lands after a newer one.
     */
    public void refresh() {
        synchronized (pollLock) {
            AlertmanagerClient am = client;
            if (am == null) {
                fx.run(() -> unavailable(NO_ALERTMANAGER));
                return;
            }
            try {
                String version = am.version();
                List<Silence> silences = am.silences();
                List<AmAlert> alerts = am.alerts();
                Instant at = Instant.now();
                fx.run(() -> show(am, version, silences, alerts, at));
            } catch (IOException | AlertmanagerException | RuntimeException e) {
                if (e instanceof RuntimeException) {
                    LOG.warn("reading silences from {} failed", am.baseUrl(), e);
                }
                String why = failure(am, e) + (e instanceof UnreachableException ? " Retrying every few seconds." : "");
                fx.run(() -> unavailable(why));
            }
        }
    }

    private void show(AlertmanagerClient am, String version, List<Silence> silences, List<AmAlert> alerts, Instant at) {
        now.set(at);
        inForce.setAll(silences.stream().filter(Silence::inForce)
                .sorted(Comparator.comparing(Silence::endsAt).thenComparing(Silence::id)).toList());
        expired.setAll(silences.stream().filter(s -> !s.inForce())
                .sorted(Comparator.comparing(Silence::endsAt).reversed().thenComparing(Silence::id))
                .limit(EXPIRED_SHOWN).toList());
        index.set(new SilenceIndex(silences, alerts));
        source.set("Alertmanager " + version + " at " + am.baseUrl());
        reachable.set(true);
        message.set(inForce.isEmpty() ? "No silence in force: every alert that fires sends its notifications." : "");
    }

    private void unavailable(String why) {
        inForce.clear();
        expired.clear();
        index.set(SilenceIndex.EMPTY);
        source.set("");
        reachable.set(false);
        message.set(why);
        now.set(Instant.now());
    }

    /**
     * Silences alerts matching {@code matchers} for {@code duration} from now. Checked here first (a bad form never
     * reaches Alertmanager, and its outcome, at once, is only the caller's); else the returned future completes, on
     * the FX thread, with Alertmanager's outcome, also shown as state.
     */
    public CompletableFuture<Outcome> create(List<Matcher> matchers, Duration duration, String comment,
                                             String createdBy) {
        SilenceRequest request;
        try {
            request = new SilenceRequest(matchers, duration, comment, createdBy);
        } catch (IllegalArgumentException e) {
            // The form's to show, where it was typed: the list's status line reports what reached Alertmanager.
            return CompletableFuture.completedFuture(new Outcome(false, e.getMessage()));
        }
        return command(am -> {
            Instant start = Instant.now();
            Instant end = start.plus(request.duration());
            am.create(request.matchers(), start, end, request.createdBy(), request.comment());
            return "Silenced " + request.matchers().stream().map(Matcher::toString)
                    .reduce((a, b) -> a + ", " + b).orElse("") + " until " + Format.localTime(end, zone, start) + ".";
        });
    }

    /** Expires the silence {@code id} now; the outcome as {@link #create} gives it. */
    public CompletableFuture<Outcome> expire(String id) {
        if (id == null || id.isBlank()) {
            return done(new Outcome(false, "No silence chosen to expire."));
        }
        return command(am -> {
            am.expire(id);
            return "Expired the silence " + shortId(id) + ": its alerts notify again.";
        });
    }

    /** A call to Alertmanager that one command makes. */
    @FunctionalInterface
    private interface Call {
        String run(AlertmanagerClient am) throws IOException, AlertmanagerException;
    }

    private CompletableFuture<Outcome> command(Call call) {
        AlertmanagerClient am = client;
        if (am == null) {
            return done(new Outcome(false, NO_ALERTMANAGER));
        }
        CompletableFuture<Outcome> result = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                Outcome o;
                try {
                    o = new Outcome(true, call.run(am));
                } catch (IOException | AlertmanagerException | RuntimeException e) {
                    if (e instanceof RuntimeException) {
                        LOG.warn("a silence command to {} failed", am.baseUrl(), e);
                    }
                    o = new Outcome(false, failure(am, e));
                }
                Outcome finalOutcome = o;
                fx.run(() -> {
                    outcome.set(finalOutcome);
                    result.complete(finalOutcome);
                });
                // The list shows the change now, not at the next poll.
                refresh();
            });
        } catch (RejectedExecutionException closing) {
            return done(new Outcome(false, "The console is closing."));
        }
        return result;
    }

    private CompletableFuture<Outcome> done(Outcome o) {
        CompletableFuture<Outcome> result = new CompletableFuture<>();
        fx.run(() -> {
            outcome.set(o);
            result.complete(o);
        });
        return result;
    }

    /** Why a call failed, in one line a student can act on; never a stack trace. */
    static String failure(AlertmanagerClient am, Exception e) {
        if (e instanceof UnreachableException) {
            return e.getMessage() + ".";
        }
        if (e instanceof AlertmanagerException) {
            return "Alertmanager said: " + e.getMessage();
        }
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return "Alertmanager at " + am.baseUrl() + " could not be read (" + why + ")";
    }

    /** The first block of a silence id ("e56c89ba"), enough to tell silences apart on screen. */
    public static String shortId(String id) {
        int dash = id.indexOf('-');
        return dash > 0 ? id.substring(0, dash) : id;
    }

    /** "until 10:42 (in 14 m 57 s)", or "starts 10:30" for a pending one. */
    public String ends(Silence s) {
        Instant at = now.get();
        if (s.state() == Silence.State.PENDING) {
            return "starts " + Format.localTime(s.startsAt(), zone, at);
        }
        if (s.state() == Silence.State.EXPIRED) {
            return "ended " + Format.localTime(s.endsAt(), zone, at);
        }
        return "until " + Format.localTime(s.endsAt(), zone, at) + " (in "
                + Format.duration(Duration.between(at, s.endsAt())) + ")";
    }

    /** The note for an alert with {@code labels}: "Silenced by … until …: no notification will be sent.", or "". */
    public String note(Map<String, String> labels) {
        return index.get().note(labels, zone, now.get());
    }

    /** The silences in force (active, and pending ones that start later), the soonest to end first. */
    public ObservableList<Silence> silences() {
        return inForceReadOnly;
    }

    /** The last few expired silences, the most recent first. */
    public ObservableList<Silence> expired() {
        return expiredReadOnly;
    }

    /** Why the list is empty (no Alertmanager, unreachable, none in force); empty when it has silences. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** "Alertmanager 0.33.1 at http://127.0.0.1:9093"; empty while none answers. */
    public ReadOnlyStringProperty sourceProperty() {
        return source.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty reachableProperty() {
        return reachable.getReadOnlyProperty();
    }

    /** The last poll's silences and alerts, for "is this alert silenced?"; replaced at each poll. */
    public ReadOnlyObjectProperty<SilenceIndex> indexProperty() {
        return index.getReadOnlyProperty();
    }

    /** The last command's outcome (null before the first). */
    public ReadOnlyObjectProperty<Outcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    /** The time of the last poll: what "in 14 m" counts from. */
    public ReadOnlyObjectProperty<Instant> nowProperty() {
        return now.getReadOnlyProperty();
    }

    public ZoneId zone() {
        return zone;
    }
}
