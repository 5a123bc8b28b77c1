package dev.mlobservatory.console.notify;

import dev.mlobservatory.console.concurrent.FxThread;
import dev.mlobservatory.console.ui.Chip;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Notifications tab's state: what Alertmanager sent to the console's receiver, newest first and bounded, and how
 * many alert groups fire now (a group fires while its latest notification says firing), for the top bar's chip.
 * The receiver hands notifications over on its own threads; they reach this state on the FX thread.
 */
public final class NotificationsModel {

    /** The list keeps this many notifications: an afternoon of flapping alerts must not grow memory. */
    public static final int CAPACITY = 500;

    private final FxThread fx;
    private final Clock clock;
    private final ObservableList<Notification> notifications = FXCollections.observableArrayList();
    private final ObservableList<Notification> readOnly = FXCollections.unmodifiableObservableList(notifications);
    /** The groupKeys whose latest notification said firing; the FX thread's. */
    private final Set<String> firing = new LinkedHashSet<>();
    private final ReadOnlyIntegerWrapper firingGroups = new ReadOnlyIntegerWrapper(this, "firingGroups", 0);
    private final ObjectBinding<Chip> chip = Bindings.createObjectBinding(this::chip, firingGroups);
    private final ReadOnlyStringWrapper receiverUrl = new ReadOnlyStringWrapper(this, "receiverUrl", null);

    public NotificationsModel(FxThread fx) {
        this(fx, Clock.systemUTC());
    }

    /** @param clock when a notification is received (tests pass a fixed one) */
    public NotificationsModel(FxThread fx, Clock clock) {
        this.fx = fx;
        this.clock = clock;
    }

    /**
     * Takes a notification from any thread. The receive time is read here, before the hop to the FX thread, so a
     * busy FX thread does not add to the delay shown.
     */
    public void receive(WebhookMessage message) {
        Instant at = clock.instant();
        Notification n = new Notification(at, message);
        fx.run(() -> add(n));
    }

    private void add(Notification n) {
        notifications.add(0, n);
        if (notifications.size() > CAPACITY) {
            notifications.remove(CAPACITY, notifications.size());
        }
        String group = n.message().groupKey();
        if (n.status() == AlertStatus.FIRING) {
            firing.add(group);
        } else {
            firing.remove(group);
        }
        firingGroups.set(firing.size());
    }

    /**
     * Forgets every notification and every firing group: a fresh start for a demo, or after a stack stopped while a
     * group fired (its resolved notification never comes). A group that still fires comes back with Alertmanager's
     * next repeat.
     */
    public void clear() {
        fx.run(() -> {
            notifications.clear();
            firing.clear();
            firingGroups.set(0);
        });
    }

    /** Where the console receives notifications (shown to the class, for an Alertmanager of their own). */
    public void setReceiverUrl(String url) {
        fx.run(() -> receiverUrl.set(url));
    }

    /** The receiver's loopback URL; null when it could not listen. */
    public ReadOnlyStringProperty receiverUrlProperty() {
        return receiverUrl.getReadOnlyProperty();
    }

    /** Newest first, at most {@link #CAPACITY}; changes on the FX thread. */
    public ObservableList<Notification> notifications() {
        return readOnly;
    }

    /** Alert groups whose latest notification says firing. */
    public ReadOnlyIntegerProperty firingGroupsProperty() {
        return firingGroups.getReadOnlyProperty();
    }

    /** "notifications: 2 firing" for the top bar: red while a group fires. */
    public ObservableValue<Chip> chipProperty() {
        return chip;
    }

    private Chip chip() {
        int n = firingGroups.get();
        if (n > 0) {
            return new Chip(Chip.Level.DOWN, "notifications: " + n + " firing",
                    n + (n == 1 ? " alert group" : " alert groups") + " firing, as Alertmanager last told the console "
                            + "(Notifications tab)");
        }
        return new Chip(Chip.Level.IDLE, "notifications: 0 firing",
                "no alert group firing, as far as Alertmanager told the console (Notifications tab)");
    }
}
