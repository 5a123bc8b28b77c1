package dev.mlobservatory.console.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlobservatory.console.prom.AlertRule;
import dev.mlobservatory.console.testing.OnFx;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The detail pane's part in silences (headless Monocle): "Silence…" hands the shown alert's labels to the window, and
 * the pane says whether the alert is silenced, again at each poll of the silences.
 */
@ExtendWith(ApplicationExtension.class)
class AlertDetailSilenceTest {

    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

    private Stage stage;
    private AlertDetail detail;
    private final SimpleIntegerProperty polls = new SimpleIntegerProperty();
    private volatile String note = "";
    private final List<Map<String, String>> silenced = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        detail = new AlertDetail();
        AlertRule rule = new AlertRule("APIDown", "firing", T0, 0, 60, "critical", "up{job=\"ml-api\"} == 0",
                Map.of(), Map.of(), Map.of("alertname", "APIDown", "job", "ml-api", "severity", "critical"));
        AlertItem item = new AlertItem("APIDown");
        item.update(new AlertTracker().observe(List.of(rule), T0).rows().get(0), ZoneId.of("UTC"), T0, Map.of());
        detail.show(item);
        stage.setScene(new Scene(detail, 500, 500));
        stage.sizeToScene();
        stage.show();
    }

    @Test
    void silenceHandsOverTheAlertsLabelsAndTheNoteFollowsThePolls() {
        assertThat(OnFx.read(() -> detail.silence.isVisible())).as("hidden until silences are wired").isFalse();

        OnFx.read(() -> {
            detail.setSilencing(polls, labels -> note, silenced::add);
            return null;
        });
        Label line = OnFx.read(() -> (Label) stage.getScene().getRoot().lookup("#alert-detail-silenced"));
        assertThat(OnFx.read(() -> detail.silence.isVisible())).isTrue();
        assertThat(OnFx.read(line::isVisible)).as("not silenced: no line").isFalse();

        OnFx.read(() -> {
            detail.silence.fire();
            return null;
        });
        assertThat(silenced).containsExactly(Map.of("alertname", "APIDown", "job", "ml-api", "severity", "critical"));

        note = "Silenced by maria until 10:42:00 ('demo'): no notification will be sent.";
        OnFx.read(() -> {
            polls.set(polls.get() + 1);
            return null;
        });
        assertThat(OnFx.read(line::getText)).isEqualTo(note);
        assertThat(OnFx.read(line::isVisible)).isTrue();
    }
}
