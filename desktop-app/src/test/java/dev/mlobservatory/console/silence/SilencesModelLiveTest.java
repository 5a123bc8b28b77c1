package dev.mlobservatory.console.silence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlobservatory.console.concurrent.AppExecutor;
import dev.mlobservatory.console.prom.PrometheusClient;
import dev.mlobservatory.console.stack.Ports;
import dev.mlobservatory.console.testing.LiveAlertmanager;
import dev.mlobservatory.console.testing.LiveStack;
import dev.mlobservatory.console.testing.SerialFx;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleStringProperty;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Silences model against the real Alertmanager 0.33.1: no Alertmanager, then one; a silence created through the
 * model, listed, named as the reason an alert is muted, and expired; refusals, the model's and Alertmanager's, as
 * outcomes; an Alertmanager gone as one line.
 */
class SilencesModelLiveTest {

    private static final OkHttpClient HTTP = PrometheusClient.defaultHttp();
    private static LiveAlertmanager am;

    private final SerialFx fx = new SerialFx();
    private final SimpleStringProperty url = new SimpleStringProperty();
    private ScheduledExecutorService executor;
    private SilencesModel model;

    @BeforeAll
    static void startAlertmanager() throws Exception {
        // A webhook nobody listens on: these tests look at silences, not notifications.
        am = LiveAlertmanager.start("http://127.0.0.1:" + Ports.any() + "/webhook");
    }

    @AfterAll
    static void stopAlertmanager() {
        if (am != null) {
            am.close();
        }
    }

    @BeforeEach
    void startModel() {
        executor = AppExecutor.create();
        model = new SilencesModel(executor, fx, HTTP, url, Duration.ofMillis(200));
        model.start();
    }

    @AfterEach
    void stopModel() {
        model.stop();
        AppExecutor.shutdown(executor);
    }

    private SilencesModel.Outcome outcome(java.util.concurrent.CompletableFuture<SilencesModel.Outcome> f)
            throws Exception {
        return f.get(20, TimeUnit.SECONDS);
    }

    @Test
    void withoutAlertmanagerItSaysHowToGetOneThenFollowsTheOneThatComes() throws Exception {
        LiveStack.await("the no-Alertmanager message", 10,
                fx.holds(() -> model.messageProperty().get().equals(SilencesModel.NO_ALERTMANAGER)));
        assertThat(fx.read(() -> model.reachableProperty().get())).isFalse();
        SilencesModel.Outcome refused = outcome(model.create(List.of(Matcher.equal("alertname", "X")),
                Duration.ofMinutes(5), "demo", "maria"));
        assertThat(refused.ok()).isFalse();
        assertThat(refused.text()).isEqualTo(SilencesModel.NO_ALERTMANAGER);

        fx.run(() -> url.set(am.url));
        LiveStack.await("Alertmanager reached", 10, fx.holds(() -> model.reachableProperty().get()));
        assertThat(fx.read(() -> model.sourceProperty().get()))
                .isEqualTo("Alertmanager " + am.binary.version() + " at " + am.url);
    }

    @Test
    void aSilenceMadeHereIsListedNamedOnItsAlertAndExpired() throws Exception {
        fx.run(() -> url.set(am.url));
        Map<String, String> labels = Map.of("alertname", "ModelDemo", "severity", "warning", "job", "ml-api");
        SilencesModel.Outcome made = outcome(model.create(List.of(Matcher.equal("alertname", "ModelDemo"),
                Matcher.equal("job", "ml-api")), Duration.ofMinutes(15), " demo ", "maria"));
        assertThat(made.ok()).as(made.text()).isTrue();
        assertThat(made.text()).startsWith("Silenced alertname=\"ModelDemo\", job=\"ml-api\" until ");
        assertThat(fx.read(() -> model.outcomeProperty().get())).isEqualTo(made);

        am.postAlerts("[" + LiveAlertmanager.alert("alertname", "ModelDemo", "severity", "warning", "job", "ml-api")
                + "]");
        LiveStack.await("the alert muted by the new silence", 20,
                fx.holds(() -> model.indexProperty().get().alerts().stream()
                        .anyMatch(a -> a.alertname().equals("ModelDemo") && a.suppressed())));
        Silence listed = fx.read(() -> model.silences().stream()
                .filter(s -> s.matcherText().equals("alertname=\"ModelDemo\", job=\"ml-api\"")).findFirst()
                .orElseThrow());
        assertThat(listed.comment()).isEqualTo("demo");
        assertThat(listed.createdBy()).isEqualTo("maria");
        assertThat(fx.read(() -> model.ends(listed))).matches("until \\d\\d:\\d\\d:\\d\\d \\(in 1[45] m \\d+ s\\)");
        assertThat(fx.read(() -> model.note(labels)))
                .matches("Silenced by maria until \\d\\d:\\d\\d:\\d\\d \\('demo'\\): no notification will be sent\\.");

        SilencesModel.Outcome expired = outcome(model.expire(listed.id()));
        assertThat(expired.ok()).as(expired.text()).isTrue();
        assertThat(expired.text()).isEqualTo("Expired the silence " + SilencesModel.shortId(listed.id())
                + ": its alerts notify again.");
        LiveStack.await("the silence out of the list, among the expired", 20, fx.holds(() ->
                model.silences().stream().noneMatch(s -> s.id().equals(listed.id()))
                        && model.expired().stream().anyMatch(s -> s.id().equals(listed.id()))));
        LiveStack.await("the alert no longer said silenced", 20, fx.holds(() -> model.note(labels).isEmpty()));
    }

    @Test
    void badInputIsRefusedWithAClearMessageAndAlertmanagersWordsPassThrough() throws Exception {
        fx.run(() -> url.set(am.url));
        SilencesModel.Outcome noComment = outcome(model.create(List.of(Matcher.equal("alertname", "X")),
                Duration.ofMinutes(5), "", "maria"));
        assertThat(noComment).isEqualTo(new SilencesModel.Outcome(false,
                "Write a comment: why this alert is silenced (it shows in the list)."));
        assertThat(fx.read(() -> model.outcomeProperty().get())).as("the form's to show, not the list's").isNull();

        SilencesModel.Outcome badRegex = outcome(model.create(List.of(new Matcher("job", Matcher.Op.REGEX, "api(")),
                Duration.ofMinutes(5), "demo", "maria"));
        assertThat(badRegex.ok()).isFalse();
        assertThat(badRegex.text()).startsWith("Alertmanager said: invalid silence: invalid label matcher 0")
                .contains("missing closing )").doesNotContain("\n", "Exception");
    }

    @Test
    void anAlertmanagerThatIsGoneIsOneLine() throws Exception {
        String nowhere = "http://127.0.0.1:" + Ports.any();
        fx.run(() -> url.set(nowhere));
        LiveStack.await("the unreachable message", 10, fx.holds(() -> model.messageProperty().get().equals(
                "Alertmanager at " + nowhere + " is not reachable (connection refused). Retrying every few seconds.")));
        assertThat(fx.read(() -> model.silences())).isEmpty();
        SilencesModel.Outcome o = outcome(model.expire("00000000-0000-4000-8000-000000000000"));
        assertThat(o.text()).isEqualTo("Alertmanager at " + nowhere + " is not reachable (connection refused).");
    }
}
