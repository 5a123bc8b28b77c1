package dev.mlobservatory.console.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlobservatory.api.testing.Tools;
import dev.mlobservatory.console.testing.LiveAlertmanager;
import dev.mlobservatory.console.testing.LiveStack;
import dev.mlobservatory.console.testing.SerialFx;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The receiver against the real Alertmanager (each version found): an alert posted to Alertmanager's API reaches
 * the console as a firing notification after group_wait, and as a resolved one once the alert ends.
 */
class ReceiverAlertmanagerLiveTest {

    static Stream<Tools.Versioned> alertmanagers() {
        return Tools.alertmanagerVersions().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("alertmanagers")
    void anAlertReachesTheConsoleFiringThenResolved(Tools.Versioned alertmanager) throws Exception {
        SerialFx fx = new SerialFx();
        NotificationsModel model = new NotificationsModel(fx);
        try (ConsoleReceiver receiver = new ConsoleReceiver(() -> 0, model::receive);
             LiveAlertmanager am = LiveAlertmanager.start(alertmanager, receiver.localUrl())) {
            Instant started = Instant.now().minusSeconds(2);

            am.postAlerts(alert(started, null));
            LiveStack.await("the firing notification", 30, fx.holds(() -> !model.notifications().isEmpty()));
            Notification firing = fx.read(() -> model.notifications().get(0));
            assertThat(firing.status()).isEqualTo(AlertStatus.FIRING);
            assertThat(firing.alertName()).isEqualTo("ReceiverLiveTest");
            assertThat(firing.labelsText()).isEqualTo("severity=warning");
            assertThat(firing.summary()).isEqualTo("posted by the live test");
            assertThat(firing.message().receiver()).isEqualTo("console");
            assertThat(firing.message().alerts().get(0).startsAt()).isEqualTo(started);
            // Posted 2 s after startsAt: it cannot arrive sooner. (Alertmanager counts group_wait from startsAt,
            // so this alert, older than group_wait, is sent at once.)
            assertThat(firing.delay()).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
            assertThat(fx.read(() -> model.firingGroupsProperty().get())).isEqualTo(1);

            am.postAlerts(alert(started, Instant.now().minusSeconds(1)));
            LiveStack.await("the resolved notification", 30,
                    fx.holds(() -> model.notifications().get(0).status() == AlertStatus.RESOLVED));
            Notification resolved = fx.read(() -> model.notifications().get(0));
            assertThat(resolved.alertName()).isEqualTo("ReceiverLiveTest");
            assertThat(resolved.message().alerts().get(0).endsAt()).isNotNull();
            assertThat(fx.read(() -> model.firingGroupsProperty().get())).isZero();
        }
    }

    /** One alert as Prometheus posts it to Alertmanager's API v2; {@code endsAt} null while it fires. */
    private static String alert(Instant startsAt, Instant endsAt) {
        return """
                [{"labels": {"alertname": "ReceiverLiveTest", "severity": "warning"},
                  "annotations": {"summary": "posted by the live test"},
                  "startsAt": "%s"%s,
                  "generatorURL": "http://127.0.0.1:9090/graph"}]
                """.formatted(startsAt, endsAt == null ? "" : ", \"endsAt\": \"" + endsAt + "\"");
    }
}
