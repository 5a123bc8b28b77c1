package dev.mlobservatory.console.silence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the model checks before anything goes to Alertmanager, and how it reads Alertmanager's answers. */
class SilenceRequestTest {

    private static final List<Matcher> ONE = List.of(Matcher.equal("alertname", "APIDown"));

    @Test
    void aSilenceNeedsAMatcher() {
        assertThatThrownBy(() -> new SilenceRequest(List.of(), Duration.ofMinutes(5), "demo", "maria"))
                .hasMessage("Add at least one matcher, for example alertname=\"APIDown\".");
    }

    @Test
    void theDurationIsFromAMinuteToADay() {
        assertThatThrownBy(() -> new SilenceRequest(ONE, Duration.ofSeconds(30), "demo", "maria"))
                .hasMessage("The duration must be from 1 minute to 24 hours, not 30s.");
        assertThatThrownBy(() -> new SilenceRequest(ONE, Duration.ofHours(25), "demo", "maria"))
                .hasMessage("The duration must be from 1 minute to 24 hours, not 25h.");
        assertThat(new SilenceRequest(ONE, Duration.ofMinutes(1), "demo", "maria").duration()).hasMinutes(1);
        assertThat(new SilenceRequest(ONE, Duration.ofHours(24), "demo", "maria").duration()).hasHours(24);
    }

    @Test
    void aCommentIsRequired() {
        assertThatThrownBy(() -> new SilenceRequest(ONE, Duration.ofMinutes(5), "  ", "maria"))
                .hasMessage("Write a comment: why this alert is silenced (it shows in the list).");
    }

    @Test
    void theAuthorDefaultsToTheOsUser() {
        assertThat(new SilenceRequest(ONE, Duration.ofMinutes(5), "demo", " ").createdBy())
                .isEqualTo(System.getProperty("user.name"));
        assertThat(new SilenceRequest(ONE, Duration.ofMinutes(5), "demo", " maria ").createdBy()).isEqualTo("maria");
    }

    @Test
    void aMatcherNeedsALabelName() {
        assertThatThrownBy(() -> new Matcher(" ", Matcher.Op.EQUAL, "x"))
                .hasMessage("A matcher needs a label name (for example alertname).");
    }

    @Test
    void durationsAreWrittenAsPrometheusWritesThem() {
        assertThat(SilenceRequest.parseDuration("30m")).isEqualTo(Duration.ofMinutes(30));
        assertThat(SilenceRequest.parseDuration(" 1h30m ")).isEqualTo(Duration.ofMinutes(90));
        assertThat(SilenceRequest.parseDuration("2H")).isEqualTo(Duration.ofHours(2));
        assertThat(SilenceRequest.parseDuration("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThatThrownBy(() -> SilenceRequest.parseDuration("half an hour"))
                .hasMessage("Write the duration like 30m, 2h or 1h30m (not 'half an hour').");
        assertThatThrownBy(() -> SilenceRequest.parseDuration("99999999999999999999h"))
                .hasMessageContaining("far too long");
        assertThat(SilenceRequest.text(Duration.ofMinutes(90))).isEqualTo("1h30m");
        assertThat(SilenceRequest.text(Duration.ofMinutes(5))).isEqualTo("5m");
    }

    @Test
    void labelsAreMatchedAsAlertmanagerDoes() {
        Map<String, String> labels = Map.of("alertname", "APIDown", "severity", "critical");
        assertThat(Matcher.equal("alertname", "APIDown").matches(labels)).isTrue();
        assertThat(new Matcher("severity", Matcher.Op.NOT_EQUAL, "warning").matches(labels)).isTrue();
        assertThat(new Matcher("alertname", Matcher.Op.REGEX, "API.*").matches(labels)).isTrue();
        assertThat(new Matcher("alertname", Matcher.Op.REGEX, "API").matches(labels)).as("whole value").isFalse();
        assertThat(new Matcher("job", Matcher.Op.NOT_REGEX, "api").matches(labels)).as("missing is empty").isTrue();
        assertThat(new Matcher("alertname", Matcher.Op.REGEX, "(").matches(labels)).as("bad regex").isFalse();
        assertThat(Matcher.Op.of(true, false)).isEqualTo(Matcher.Op.NOT_REGEX);
        assertThat(new Matcher("summary", Matcher.Op.EQUAL, "say \"hi\"").toString())
                .isEqualTo("summary=\"say \\\"hi\\\"\"");
    }

    @Test
    void anAlertIsSilencedByTheSilenceAlertmanagerNamesElseByOneThatMatches() {
        Instant now = Instant.parse("2026-11-30T10:00:00Z");
        Silence named = new Silence("a-1", List.of(Matcher.equal("alertname", "APIDown")), now,
                now.plusSeconds(2520), "maria", "demo", Silence.State.ACTIVE);
        Silence other = new Silence("b-2", List.of(new Matcher("severity", Matcher.Op.REGEX, ".+")), now,
                now.plusSeconds(60), "", "", Silence.State.ACTIVE);
        Silence expired = new Silence("c-3", List.of(Matcher.equal("alertname", "HighLatency")), now,
                now.plusSeconds(60), "x", "y", Silence.State.EXPIRED);
        AmAlert apiDown = new AmAlert(Map.of("alertname", "APIDown"), "suppressed", List.of("a-1"), List.of(), now);
        SilenceIndex index = new SilenceIndex(List.of(other, named, expired), List.of(apiDown));

        assertThat(index.silencing(Map.of("alertname", "APIDown", "severity", "critical"))).contains(named);
        assertThat(index.note(Map.of("alertname", "APIDown"), ZoneOffset.UTC, now))
                .isEqualTo("Silenced by maria until 10:42:00 ('demo'): no notification will be sent.");
        assertThat(index.silencing(Map.of("alertname", "HighErrorRate", "severity", "warning"))).contains(other);
        assertThat(index.note(Map.of("alertname", "HighErrorRate", "severity", "warning"), ZoneOffset.UTC, now))
                .isEqualTo("Silenced until 10:01:00: no notification will be sent.");
        assertThat(index.note(Map.of("alertname", "HighLatency"), ZoneOffset.UTC, now)).isEmpty();
    }

    @Test
    void alertmanagersRefusalsAreReadAsItWritesThem() {
        assertThat(AlertmanagerClient.message(400, "\"invalid silence: bad\"\n")).isEqualTo("invalid silence: bad");
        assertThat(AlertmanagerClient.message(422, "{\"code\":612,\"message\":\"matchers in body should have at "
                + "least 1 items\"}")).isEqualTo("matchers in body should have at least 1 items");
        assertThat(AlertmanagerClient.message(502, "Bad gateway\n<html>")).isEqualTo("Bad gateway");
        assertThat(AlertmanagerClient.message(404, "")).isEqualTo("HTTP 404");
    }
}
