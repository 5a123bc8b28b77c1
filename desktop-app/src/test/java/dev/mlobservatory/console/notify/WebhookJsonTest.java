package dev.mlobservatory.console.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Alertmanager's webhook JSON read into records; every bad body refused with a line that names what is wrong. */
class WebhookJsonTest {

    @Test
    void readsAlertmanagersPayload() throws Exception {
        WebhookMessage m = WebhookJson.parse(Payloads.bytes(Payloads.FIRING));

        assertThat(m.version()).isEqualTo("4");
        assertThat(m.status()).isEqualTo(AlertStatus.FIRING);
        assertThat(m.receiver()).isEqualTo("console");
        assertThat(m.groupKey()).isEqualTo("{}:{alertname=\"APIDown\"}");
        assertThat(m.alertName()).isEqualTo("APIDown");
        assertThat(m.groupLabels()).containsExactly(Map.entry("alertname", "APIDown"));
        assertThat(m.commonLabels()).containsOnlyKeys("alertname", "job", "severity");
        assertThat(m.externalUrl()).isEqualTo("http://127.0.0.1:9093");
        assertThat(m.alerts()).hasSize(1);
        WebhookAlert a = m.alerts().get(0);
        assertThat(a.status()).isEqualTo(AlertStatus.FIRING);
        assertThat(a.startsAt()).isEqualTo(Instant.parse("2026-11-30T04:35:01.123456789Z"));
        assertThat(a.endsAt()).as("Go's zero time means: not ended").isNull();
        assertThat(a.summary()).isEqualTo("The API is not answering Prometheus's scrapes");
        assertThat(a.generatorUrl()).contains("g0.expr=").contains("&g0.tab=1");
        assertThat(a.fingerprint()).isEqualTo("1a30ba71cca2921f");
    }

    @Test
    void readsAResolvedNotificationWithAnOffsetTime() throws Exception {
        WebhookMessage m = WebhookJson.parse(Payloads.bytes(Payloads.RESOLVED));

        assertThat(m.status()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(m.alerts().get(0).endsAt()).isEqualTo(Instant.parse("2026-11-30T04:35:41.5Z"));
    }

    @Test
    void ignoresFieldsItDoesNotKnowAndToleratesOptionalOnesMissing() throws Exception {
        String lean = """
                {"version":"4","groupKey":"g","status":"firing","receiver":"r","future":{"x":1},
                 "alerts":[{"status":"firing","labels":{"alertname":"A"},"startsAt":"2026-11-30T04:35:01Z"}]}
                """;
        WebhookMessage m = WebhookJson.parse(Payloads.bytes(lean));

        assertThat(m.alertName()).isEqualTo("A");
        assertThat(m.truncatedAlerts()).isZero();
        assertThat(m.commonLabels()).isEmpty();
        assertThat(m.alerts().get(0).annotations()).isEmpty();
    }

    static Stream<Arguments> badBodies() {
        String f = Payloads.FIRING;
        return Stream.of(
                Arguments.of("", "the body is empty"),
                Arguments.of("not json", "the body is not JSON"),
                Arguments.of("{\"version\": \"4\",", "the body is not JSON"),
                Arguments.of("[1, 2]", "the body must be a JSON object"),
                Arguments.of("null", "the body must be a JSON object"),
                Arguments.of(f.replace("\"version\": \"4\"", "\"version\": \"3\""), "version must be \"4\", got \"3\""),
                Arguments.of(f.replace("\"version\": \"4\",", ""), "version must be \"4\", got nothing"),
                Arguments.of(f.replace("\"version\": \"4\"", "\"version\": 4"), "version must be a string"),
                Arguments.of(f.replace("\"groupKey\": \"{}:{alertname=\\\"APIDown\\\"}\",", ""),
                        "groupKey is missing"),
                Arguments.of(f.replace("\"receiver\": \"console\",", ""), "receiver is missing"),
                Arguments.of(f.replaceFirst("\"status\": \"firing\"", "\"status\": \"burning\""),
                        "status must be \"firing\" or \"resolved\", got \"burning\""),
                Arguments.of(f.replace("\"startsAt\": \"2026-11-30T04:35:01.123456789Z\",", ""),
                        "alerts[0]: alert startsAt is missing"),
                Arguments.of(f.replace("2026-11-30T04:35:01.123456789Z", "yesterday"),
                        "alerts[0].startsAt is not an RFC 3339 time: \"yesterday\""),
                Arguments.of(f.replace("2026-11-30T04:35:01.123456789Z", "2026-11-30 04:35:01"),
                        "alerts[0].startsAt is not an RFC 3339 time"),
                Arguments.of(f.replace("\"fingerprint\": \"1a30ba71cca2921f\"", "\"fingerprint\": 7"),
                        "alerts[0].fingerprint must be a string"),
                Arguments.of(f.replace("\"severity\": \"critical\"}", "\"severity\": 2}"),
                        "alerts[0].labels.severity must be a string"),
                Arguments.of(f.substring(0, f.indexOf("\"alerts\"")) + "\"alerts\": [], "
                        + f.substring(f.indexOf("\"groupLabels\"")), "alerts is missing or empty"),
                Arguments.of(f.replace("\"truncatedAlerts\": 0", "\"truncatedAlerts\": -1"),
                        "truncatedAlerts must be 0 or more, got -1"),
                Arguments.of(f.replace("\"truncatedAlerts\": 0", "\"truncatedAlerts\": \"many\""),
                        "truncatedAlerts must be a whole number"));
    }

    @ParameterizedTest
    @MethodSource("badBodies")
    void refusesABadBodyWithOneLineThatSaysWhy(String body, String reason) {
        assertThatThrownBy(() -> WebhookJson.parse(Payloads.bytes(body)))
                .isInstanceOf(BadWebhookException.class)
                .hasMessageContaining(reason)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").hasSizeLessThan(260));
    }
}
