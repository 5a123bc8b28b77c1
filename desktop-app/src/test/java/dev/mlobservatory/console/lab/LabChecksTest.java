package dev.mlobservatory.console.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlobservatory.console.silence.Matcher;
import dev.mlobservatory.console.silence.Silence;
import dev.mlobservatory.console.silence.SilenceIndex;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The notification-and-silence step, from what the console holds: skipped without an Alertmanager, not yet until a
 * firing notification arrived and an active silence matches it.
 */
class LabChecksTest {

    private final LabChecks checks = new LabChecks(null);
    private static final Map<String, String> FIRING = Map.of("alertname", "HighErrorRate", "severity", "warning");

    private LabCheckResult silence(String alertmanager, List<Map<String, String>> firing, SilenceIndex index) {
        return checks.silence(new LabContext("http://127.0.0.1:8080", null, alertmanager, null, firing, index,
                "none was found on this machine. Get it on the Stack tab (Get Alertmanager)."));
    }

    private static Silence silence(String alertname, Silence.State state) {
        return new Silence("a1b2", List.of(Matcher.equal("alertname", alertname)), Instant.parse("2026-11-30T05:00:00Z"),
                Instant.parse("2026-11-30T07:00:00Z"), "maria", "demo", state);
    }

    @Test
    void withoutAlertmanagerTheStepIsSkippedAndSaysHowToGetOne() {
        LabCheckResult r = silence(null, List.of(), SilenceIndex.EMPTY);
        assertThat(r.outcome()).isEqualTo(LabCheckResult.Outcome.SKIPPED);
        assertThat(r.message()).isEqualTo("This stack has no Alertmanager, so nothing sends notifications: none was "
                + "found on this machine. Get it on the Stack tab (Get Alertmanager). Then stop and start the stack to do "
                + "this step.");
        LabCheckResult stopped = checks.silence(LabContext.NOTHING);
        assertThat(stopped.outcome()).as("no stack: not yet, not skipped").isEqualTo(LabCheckResult.Outcome.NOT_YET);
    }

    @Test
    void itWaitsForAFiringNotificationThenForASilenceThatMatchesIt() {
        String am = "http://127.0.0.1:9093";
        assertThat(silence(am, List.of(), SilenceIndex.EMPTY).message()).startsWith("No firing notification has arrived");

        LabCheckResult unsilenced = silence(am, List.of(FIRING), SilenceIndex.EMPTY);
        assertThat(unsilenced.outcome()).isEqualTo(LabCheckResult.Outcome.NOT_YET);
        assertThat(unsilenced.message()).isEqualTo("A notification for HighErrorRate arrived, but no active silence "
                + "matches it: select it on the Notifications tab and click Silence….");

        SilenceIndex other = new SilenceIndex(List.of(silence("APIDown", Silence.State.ACTIVE)), List.of());
        assertThat(silence(am, List.of(FIRING), other).passed()).isFalse();
        SilenceIndex expired = new SilenceIndex(List.of(silence("HighErrorRate", Silence.State.EXPIRED)), List.of());
        assertThat(silence(am, List.of(FIRING), expired).passed()).isFalse();

        SilenceIndex matching = new SilenceIndex(List.of(silence("HighErrorRate", Silence.State.ACTIVE)), List.of());
        LabCheckResult done = silence(am, List.of(FIRING), matching);
        assertThat(done.passed()).isTrue();
        assertThat(done.message()).isEqualTo("The HighErrorRate notification arrived, and the silence "
                + "alertname=\"HighErrorRate\" holds it.");
    }
}
