package dev.mlobservatory.console.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlobservatory.console.concurrent.FxThread;
import dev.mlobservatory.console.ui.Chip;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The list newest first and bounded, the delays, and the count of firing groups through firing → resolved. */
class NotificationsModelTest {

    /** 11.2 s after the FIRING payload's startsAt. */
    private static final Instant RECEIVED = Instant.parse("2026-11-30T04:35:12.323456789Z");

    private final NotificationsModel model =
            new NotificationsModel(FxThread.direct(), Clock.fixed(RECEIVED, ZoneOffset.UTC));

    private static WebhookMessage parse(String json) throws BadWebhookException {
        return WebhookJson.parse(Payloads.bytes(json));
    }

    @Test
    void keepsTheNewestFirstWithItsDelay() throws Exception {
        model.receive(parse(Payloads.firing("A")));
        model.receive(parse(Payloads.firing("B")));

        assertThat(model.notifications()).extracting(Notification::alertName).containsExactly("B", "A");
        Notification b = model.notifications().get(0);
        assertThat(b.receivedAt()).isEqualTo(RECEIVED);
        assertThat(b.delay()).isEqualTo(Duration.ofMillis(11_200));
        assertThat(b.delayText()).isEqualTo("11.2 s");
        assertThat(b.delaySentence()).isEqualTo("Arrived 11.2 s after the alert started firing.");
        assertThat(b.labelsText()).isEqualTo("job=ml-api, severity=critical");
        assertThat(b.summary()).isEqualTo("The API is not answering Prometheus's scrapes");
    }

    @Test
    void aResolvedNotificationCountsFromEndsAt() throws Exception {
        NotificationsModel later = new NotificationsModel(FxThread.direct(),
                Clock.fixed(Instant.parse("2026-11-30T04:35:44Z"), ZoneOffset.UTC));
        later.receive(parse(Payloads.RESOLVED));

        Notification n = later.notifications().get(0);
        assertThat(n.delayText()).isEqualTo("2.5 s");
        assertThat(n.delaySentence()).isEqualTo("Arrived 2.5 s after the alert resolved.");
    }

    @Test
    void keepsAtMostItsCapacity() throws Exception {
        for (int i = 0; i < NotificationsModel.CAPACITY + 20; i++) {
            model.receive(parse(Payloads.firing("Alert" + i)));
        }

        assertThat(model.notifications()).hasSize(NotificationsModel.CAPACITY);
        assertThat(model.notifications().get(0).alertName()).isEqualTo("Alert" + (NotificationsModel.CAPACITY + 19));
        assertThat(model.notifications().get(NotificationsModel.CAPACITY - 1).alertName()).isEqualTo("Alert20");
    }

    @Test
    void countsGroupsWhoseLatestNotificationFires() throws Exception {
        assertThat(model.chipProperty().getValue().level()).isEqualTo(Chip.Level.IDLE);

        model.receive(parse(Payloads.firing("A")));
        model.receive(parse(Payloads.firing("B")));
        model.receive(parse(Payloads.firing("A"))); // a repeat: still one group
        assertThat(model.firingGroupsProperty().get()).isEqualTo(2);
        assertThat(model.chipProperty().getValue())
                .extracting(Chip::level, Chip::text).containsExactly(Chip.Level.DOWN, "notifications: 2 firing");

        model.receive(parse(Payloads.resolved("A")));
        assertThat(model.firingGroupsProperty().get()).isEqualTo(1);

        model.receive(parse(Payloads.resolved("B")));
        assertThat(model.firingGroupsProperty().get()).isZero();
        assertThat(model.chipProperty().getValue().text()).isEqualTo("notifications: 0 firing");
        assertThat(model.notifications()).extracting(Notification::status).containsExactly(AlertStatus.RESOLVED,
                AlertStatus.RESOLVED, AlertStatus.FIRING, AlertStatus.FIRING, AlertStatus.FIRING);
    }

    @Test
    void clearForgetsNotificationsAndFiringGroups() throws Exception {
        model.receive(parse(Payloads.firing("A")));

        model.clear();

        assertThat(model.notifications()).isEmpty();
        assertThat(model.firingGroupsProperty().get()).isZero();
    }

    @Test
    void aGroupOfSeveralSaysHowManyMore() throws Exception {
        String two = Payloads.FIRING.replace("\"truncatedAlerts\": 0", "\"truncatedAlerts\": 2");
        model.receive(parse(two));

        assertThat(model.notifications().get(0).summary())
                .isEqualTo("The API is not answering Prometheus's scrapes (+2 more alerts)");
    }
}
