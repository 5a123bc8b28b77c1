package dev.mlobservatory.console.prom;

import dev.mlobservatory.console.concurrent.FxThread;
import dev.mlobservatory.console.concurrent.Poller;
import dev.mlobservatory.console.prom.PrometheusClient;
import dev.mlobservatory.console.prom.PrometheusException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The polling the Alerts and Targets models share: follows whichever Prometheus runs, asks it one poll at a time, ticks a
 * one-second clock, and turns "no Prometheus" or a failed call into the message the tab shows.
 *
 * @param <T> what one call to Prometheus returns
 */
public abstract class PrometheusPoller<T> {

    private static final Duration TICK = Duration.ofSeconds(1);

    protected final FxThread fx;
    private final ReadOnlyBooleanWrapper reachable = new ReadOnlyBooleanWrapper(this, "reachable", false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    // Named after the model (AlertsModel, TargetsModel): a log line says which tab failed.
    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String what;
    private final String toSee;
    /** Why there is no Prometheus while there is none; told by {@link #explainAbsence}. */
    private volatile PrometheusAbsence absence = PrometheusAbsence.NOT_STARTED;
    private final Object pollLock = new Object();
    private volatile PrometheusClient client;

    private final Poller poll;
    private final Poller tick;

    /**
     * @param pollEvery time between the end of one poll and the next
     * @param what what is asked for, in "Asking Prometheus at … for its {@code what}…" and in the log
     * @param toSee what to start the stack to see, in the message while no Prometheus runs
     */
    protected PrometheusPoller(ScheduledExecutorService executor, FxThread fx, ObservableValue<PrometheusClient> prometheus,
                     Duration pollEvery, String what, String toSee) {
        this.fx = fx;
        this.poll = new Poller(executor, pollEvery, this::refresh);
        this.tick = new Poller(executor, TICK, () -> fx.run(() -> tick(Instant.now())));
        this.what = what;
        this.toSee = toSee;
        this.client = prometheus.getValue();
        message.set(client == null ? absence.say("see " + toSee)
                : "Asking Prometheus at " + client.baseUrl() + " for its " + what + "…");
        prometheus.addListener((obs, old, now) -> {
            client = now;
            // A new Prometheus (or none): show it now rather than at the next poll.
            poll.runSoon();
        });
    }

    /** Follows why there is no Prometheus (the stack's word for it), so the message says what is true. */
    public void explainAbsence(ObservableValue<PrometheusAbsence> why) {
        PrometheusAbsence.follow(why, now -> {
            absence = now;
            poll.runSoon(); // only while polling: before start() it does nothing
        });
    }

    /** Starts polling (now, then every poll period) and the one-second clock. Idempotent. */
    public void start() {
        poll.start();
        tick.start();
    }

    /** Stops polling and the clock. The rows stay as they were. */
    public void stop() {
        poll.stop();
        tick.stop();
    }

    /**
     * One poll: asks Prometheus (blocking: call it off the FX thread) and publishes the rows through the FX thread,
     * or the message that says why there is nothing to show. Polls run one at a time, so an overlapping one (the
     * Prometheus changed) can never publish older rows after newer ones.
     */
    public void refresh() {
        synchronized (pollLock) {
            PrometheusClient prometheus = client;
            Instant now = Instant.now();
            if (prometheus == null) {
                unavailable(absence.say("see " + toSee));
                return;
            }
            T answer;
            try {
                answer = ask(prometheus);
            } catch (IOException | PrometheusException | RuntimeException e) {
                // Expected failures (down, erroring) are the user's to see; anything else is a bug worth a trace.
                if (e instanceof RuntimeException) {
                    log.warn("reading {} from {} failed", what, prometheus.baseUrl(), e);
                }
                unavailable(PrometheusMessages.failure(prometheus, e));
                return;
            }
            publish(answer, prometheus, now);
        }
    }

    /** The blocking call to Prometheus, made by a poll. */
    protected abstract T ask(PrometheusClient prometheus) throws IOException, PrometheusException;

    /** Shows {@code answer} (through the FX thread); called by a poll, with the poll lock held. */
    protected abstract void publish(T answer, PrometheusClient prometheus, Instant now);

    /** Empties the tab and shows {@code why} (through the FX thread); called by a poll, with the poll lock held. */
    protected void unavailable(String why) {
        fx.run(() -> {
            clear();
            reachable.set(false);
            message.set(why);
        });
    }

    /** Empties the rows and zeroes the counts; on the FX thread. */
    protected abstract void clear();

    /** Records that Prometheus answered; on the FX thread, after the rows are shown. */
    protected void answered(boolean noRows, String whenNoRows) {
        reachable.set(true);
        message.set(noRows ? whenNoRows : "");
    }

    /** Moves the "… ago" texts to {@code now} without asking Prometheus; on the FX thread. */
    protected abstract void tick(Instant now);

    /** True when the last poll got an answer from Prometheus. */
    public ReadOnlyBooleanProperty reachableProperty() {
        return reachable.getReadOnlyProperty();
    }

    /** Why there are no rows (Prometheus not running, not reachable, erroring); empty when the last poll found rows. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
