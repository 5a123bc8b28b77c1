package dev.mlobservatory.console.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlobservatory.console.concurrent.FxThread;
import dev.mlobservatory.console.testing.OnFx;
import dev.mlobservatory.console.ui.ChipLabel;
import dev.mlobservatory.console.ui.Theme;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Notifications tab on screen (headless Monocle): what it says without Alertmanager and before any
 * notification, a firing then a resolved notification in the table with their detail and the chip, and Silence…
 * handing the group's labels to whoever opens the dialog.
 */
@ExtendWith(ApplicationExtension.class)
class NotificationsViewTest {

    private final SimpleStringProperty alertmanager = new SimpleStringProperty(null);
    private final SimpleStringProperty reason = new SimpleStringProperty("Alertmanager is not installed.");
    private final List<Map<String, String>> silenced = new CopyOnWriteArrayList<>();
    private NotificationsModel model;
    private NotificationsView view;
    private ChipLabel chip;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        // 11.2 s after the payload's startsAt.
        model = new NotificationsModel(FxThread.javafx(),
                Clock.fixed(Instant.parse("2026-11-30T04:35:12.323456789Z"), ZoneOffset.UTC));
        view = new NotificationsView(model, alertmanager, reason);
        view.setOnSilence(silenced::add);
        chip = new ChipLabel(model.chipProperty());
        Scene scene = new Scene(new VBox(chip, view), 1100, 600);
        Theme.apply(scene, false, false);
        stage.setScene(scene);
        stage.sizeToScene();
        stage.show();
    }

    private String placeholder(FxRobot robot) {
        return OnFx.read(() -> {
            TableView<?> table = robot.lookup("#notifications-table").queryAs(TableView.class);
            Label label = (Label) table.getPlaceholder();
            return label.isVisible() && label.getScene() != null ? label.getText() : null;
        });
    }

    private static String cell(FxRobot robot, int column) {
        return OnFx.read(() -> {
            @SuppressWarnings("unchecked")
            TableView<Notification> table = robot.lookup("#notifications-table").queryAs(TableView.class);
            Object v = table.getColumns().get(column).getCellData(0);
            return v == null ? null : v.toString();
        });
    }

    @Test
    void saysWhenThereIsNoAlertmanagerAndWhatToDoBeforeTheFirstNotification(FxRobot robot) {
        assertThat(placeholder(robot)).startsWith("No Alertmanager in this stack: Alertmanager is not installed.")
                .contains("Notifications reach the console only through Alertmanager");

        OnFx.read(() -> {
            alertmanager.set("http://127.0.0.1:9093");
            return null;
        });

        assertThat(placeholder(robot)).startsWith("No notifications yet. Alerts reach here through Alertmanager at "
                + "http://127.0.0.1:9093:").contains("group_wait");
    }

    @Test
    void silenceIsOfferedOnlyWithAnAlertmanager(FxRobot robot) throws Exception {
        model.receive(WebhookJson.parse(Payloads.bytes(Payloads.FIRING)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(OnFx.read(() -> robot.lookup("#notification-silence").queryAs(Button.class).isDisabled()))
                .isTrue();

        OnFx.read(() -> {
            alertmanager.set("http://127.0.0.1:9093");
            return null;
        });

        assertThat(OnFx.read(() -> robot.lookup("#notification-silence").queryAs(Button.class).isDisabled()))
                .isFalse();
    }

    @Test
    void showsFiringThenResolvedWithTheDelayAndTheChip(FxRobot robot) throws Exception {
        OnFx.read(() -> {
            alertmanager.set("http://127.0.0.1:9093");
            return null;
        });
        model.receive(WebhookJson.parse(Payloads.bytes(Payloads.FIRING)));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(cell(robot, 1)).isEqualTo("firing");
        assertThat(cell(robot, 2)).isEqualTo("APIDown");
        assertThat(cell(robot, 3)).isEqualTo("11.2 s");
        assertThat(cell(robot, 4)).isEqualTo("job=ml-api, severity=critical");
        assertThat(cell(robot, 5)).isEqualTo("The API is not answering Prometheus's scrapes");
        assertThat(OnFx.read(() -> robot.lookup("#notification-detail-delay").queryAs(Label.class).getText()))
                .isEqualTo("Arrived 11.2 s after the alert started firing.");
        assertThat(OnFx.read(() -> robot.lookup(".state-chip").queryAs(Label.class).getStyleClass()))
                .contains("firing");
        assertThat(OnFx.read(chip::getText)).isEqualTo("notifications: 1 firing");
        assertThat(OnFx.read(() -> chip.getStyleClass())).contains("chip-down");

        OnFx.read(() -> {
            robot.lookup("#notification-silence").queryAs(Button.class).fire();
            return null;
        });
        assertThat(silenced).containsExactly(Map.of("alertname", "APIDown", "job", "ml-api",
                "severity", "critical"));
        // The row's context menu offers the same.
        OnFx.read(() -> {
            @SuppressWarnings("unchecked")
            TableView<Notification> table = robot.lookup("#notifications-table").queryAs(TableView.class);
            MenuItem item = table.getContextMenu().getItems().get(0);
            assertThat(item.isDisable()).isFalse();
            item.fire();
            return null;
        });
        assertThat(silenced).hasSize(2).last().isEqualTo(silenced.get(0));

        model.receive(WebhookJson.parse(Payloads.bytes(Payloads.RESOLVED)));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(cell(robot, 1)).isEqualTo("resolved");
        assertThat(OnFx.read(chip::getText)).isEqualTo("notifications: 0 firing");
        assertThat(OnFx.read(() -> robot.lookup("#notification-detail-name").queryAs(Label.class).getText()))
                .isEqualTo("APIDown");
    }

    @Test
    void theDetailSaysWhenASilenceHoldsTheGroupBack(FxRobot robot) throws Exception {
        SimpleStringProperty silences = new SimpleStringProperty("none");
        OnFx.read(() -> {
            alertmanager.set("http://127.0.0.1:9093");
            view.setSilencing(silences, labels -> silences.get().equals("none") ? ""
                    : "Silenced by maria until 10:42:00 ('demo'): " + labels.get("alertname") + " sends nothing.");
            return null;
        });
        model.receive(WebhookJson.parse(Payloads.bytes(Payloads.FIRING)));
        WaitForAsyncUtils.waitForFxEvents();
        Label note = OnFx.read(() -> robot.lookup("#notification-detail-silenced").queryAs(Label.class));
        assertThat(OnFx.read(note::isVisible)).isFalse();

        OnFx.read(() -> {
            silences.set("one");
            return null;
        });

        assertThat(OnFx.read(note::isVisible)).isTrue();
        assertThat(OnFx.read(note::getText))
                .isEqualTo("Silenced by maria until 10:42:00 ('demo'): APIDown sends nothing.");
    }

    @Test
    void clearEmptiesTheTable(FxRobot robot) throws Exception {
        model.receive(WebhookJson.parse(Payloads.bytes(Payloads.FIRING)));
        WaitForAsyncUtils.waitForFxEvents();

        OnFx.read(() -> {
            robot.lookup("#notifications-clear").queryAs(Button.class).fire();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(OnFx.read(() -> model.notifications().size())).isZero();
        assertThat(OnFx.read(chip::getText)).isEqualTo("notifications: 0 firing");
        assertThat(OnFx.read(() -> robot.lookup("#notifications-clear").queryAs(Button.class).isDisabled())).isTrue();
    }
}
