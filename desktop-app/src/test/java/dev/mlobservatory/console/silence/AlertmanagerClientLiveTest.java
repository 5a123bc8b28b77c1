package dev.mlobservatory.console.silence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlobservatory.console.prom.PrometheusClient;
import dev.mlobservatory.console.prom.UnreachableException;
import dev.mlobservatory.console.stack.Ports;
import dev.mlobservatory.console.testing.LiveAlertmanager;
import dev.mlobservatory.console.testing.LiveStack;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The client against the real Alertmanager 0.33.1: silences created, listed, muting a posted alert and expired; its
 * refusals in its own words; a notification that a silence holds back while another alert's goes through.
 */
class AlertmanagerClientLiveTest {

    private static final OkHttpClient HTTP = PrometheusClient.defaultHttp();
    private static WebhookRecorder webhook;
    private static LiveAlertmanager am;
    private static AlertmanagerClient client;

    @BeforeAll
    static void start() throws Exception {
        webhook = new WebhookRecorder();
        am = LiveAlertmanager.start(webhook.url());
        client = new AlertmanagerClient(am.url, HTTP);
    }

    @AfterAll
    static void stop() {
        if (am != null) {
            am.close();
        }
        if (webhook != null) {
            webhook.close();
        }
    }

    private static AmAlert alert(String name) throws Exception {
        return client.alerts().stream().filter(a -> a.alertname().equals(name)).findFirst().orElse(null);
    }

    private static Silence silence(String id) throws Exception {
        return client.silences().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void versionIsTheBinarys() throws Exception {
        assertThat(client.version()).isEqualTo(am.binary.version());
    }

    @Test
    void aSilenceIsListedMutesItsAlertAndOnceExpiredLetsItNotifyAgain() throws Exception {
        Instant now = Instant.now();
        String id = client.create(List.of(Matcher.equal("alertname", "Muted"), new Matcher("severity",
                Matcher.Op.REGEX, "warn.*")), now, now.plus(Duration.ofMinutes(15)), "maria", "demo");

        Silence listed = silence(id);
        assertThat(listed.state()).isEqualTo(Silence.State.ACTIVE);
        assertThat(listed.createdBy()).isEqualTo("maria");
        assertThat(listed.comment()).isEqualTo("demo");
        assertThat(listed.matcherText()).isEqualTo("alertname=\"Muted\", severity=~\"warn.*\"");
        assertThat(Duration.between(listed.startsAt(), listed.endsAt())).isBetween(Duration.ofMinutes(14),
                Duration.ofMinutes(15));

        am.postAlerts("[" + LiveAlertmanager.alert("alertname", "Muted", "severity", "warning") + ","
                + LiveAlertmanager.alert("alertname", "NotMuted", "severity", "warning") + "]");
        LiveStack.await("Muted suppressed", 20, () -> {
            try {
                AmAlert a = alert("Muted");
                return a != null && a.suppressed();
            } catch (Exception notYet) {
                return false;
            }
        });
        assertThat(alert("Muted").silencedBy()).containsExactly(id);
        assertThat(alert("NotMuted").state()).isEqualTo("active");
        assertThat(alert("NotMuted").silencedBy()).isEmpty();

        client.expire(id);
        assertThat(silence(id).state()).isEqualTo(Silence.State.EXPIRED);
        LiveStack.await("Muted active again", 20, () -> {
            try {
                return "active".equals(alert("Muted").state());
            } catch (Exception notYet) {
                return false;
            }
        });
        assertThat(alert("Muted").silencedBy()).isEmpty();
    }

    @Test
    void aSilenceHoldsBackTheNextNotificationWhileAnotherAlertsGoesThrough() throws Exception {
        Instant now = Instant.now();
        client.create(List.of(Matcher.equal("alertname", "Hushed")), now, now.plus(Duration.ofMinutes(5)), "test",
                "a silence suppresses the next notification");
        // The silenced alert first: its group's wait ends before the loud one's, so once the loud notification has
        // arrived the silenced one would have too.
        am.postAlerts("[" + LiveAlertmanager.alert("alertname", "Hushed", "severity", "critical") + "]");
        LiveStack.await("Hushed held by Alertmanager", 20, () -> {
            try {
                return alert("Hushed") != null;
            } catch (Exception notYet) {
                return false;
            }
        });
        am.postAlerts("[" + LiveAlertmanager.alert("alertname", "Loud", "severity", "critical") + "]");

        LiveStack.await("Loud's notification", 30, () -> webhook.received("Loud"));

        assertThat(webhook.received("Hushed")).as("notifications: %s", webhook.bodies()).isFalse();
        assertThat(alert("Hushed").suppressed()).isTrue();
    }

    @Test
    void aBadRegexIsRefusedInAlertmanagersWords() {
        Instant now = Instant.now();
        assertThatThrownBy(() -> client.create(List.of(new Matcher("alertname", Matcher.Op.REGEX, "(")), now,
                now.plusSeconds(600), "test", "bad"))
                .isInstanceOf(AlertmanagerException.class)
                .hasMessageStartingWith("invalid silence: invalid label matcher 0")
                .hasMessageContaining("invalid regular expression")
                .hasMessageNotContaining("\n");
    }

    @Test
    void matchersThatMatchEverythingAreRefused() {
        Instant now = Instant.now();
        assertThatThrownBy(() -> client.create(List.of(Matcher.equal("alertname", "")), now, now.plusSeconds(600),
                "test", "empty"))
                .isInstanceOf(AlertmanagerException.class)
                .hasMessageContaining("at least one matcher must not match the empty string");
        assertThatThrownBy(() -> client.create(List.of(), now, now.plusSeconds(600), "test", "none"))
                .isInstanceOf(AlertmanagerException.class)
                .hasMessage("matchers in body should have at least 1 items");
    }

    @Test
    void expiringAnUnknownSilenceSaysSo() {
        String id = "00000000-0000-4000-8000-000000000000";
        assertThatThrownBy(() -> client.expire(id)).isInstanceOf(AlertmanagerException.class)
                .hasMessage("Alertmanager has no silence " + id + " (already gone?)");
    }

    @Test
    void nothingListeningIsOneLine() {
        AlertmanagerClient nowhere = new AlertmanagerClient("http://127.0.0.1:" + Ports.any(), HTTP);
        assertThatThrownBy(nowhere::silences).isInstanceOf(UnreachableException.class)
                .hasMessageMatching("Alertmanager at http://127\\.0\\.0\\.1:\\d+ is not reachable \\(connection refused\\)");
    }
}
