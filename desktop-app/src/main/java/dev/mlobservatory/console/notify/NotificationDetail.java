package dev.mlobservatory.console.notify;

import atlantafx.base.theme.Styles;
import dev.mlobservatory.console.ui.Format;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The selected notification in full, beside the table: its alert and status, when it arrived and how long after the
 * alert started firing, and every alert of the group with its labels, texts and times; "Silence…" for the group.
 */
final class NotificationDetail extends ScrollPane {

    private final ZoneId zone;
    private final Label none = new Label("Select a notification to see its alerts, their labels and times.");
    final Button silence = new Button("Silence…");
    private final VBox content = new VBox(8);
    private Notification shown;
    private Consumer<Map<String, String>> onSilence;
    /** "Silenced by maria until 10:42 ('demo'): no notification will be sent."; hidden when not silenced. */
    private final Label silenced = new Label();
    private Function<Map<String, String>, String> silenceNote = labels -> "";
    private Observable silencesChanged;

    NotificationDetail(ZoneId zone) {
        this.zone = zone;
        setId("notification-detail");
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        none.getStyleClass().add(Styles.TEXT_MUTED);
        none.setWrapText(true);
        silence.setId("notification-silence");
        silence.setMinWidth(Region.USE_PREF_SIZE);
        silence.setOnAction(e -> {
            if (shown != null && onSilence != null) {
                onSilence.accept(matchers(shown));
            }
        });
        content.setPadding(new Insets(4, 8, 8, 8));
        silenced.setId("notification-detail-silenced");
        silenced.setWrapText(true);
        silenced.setMinHeight(Region.USE_PREF_SIZE);
        silenced.getStyleClass().addAll("silenced", Styles.WARNING);
        silenced.managedProperty().bind(silenced.textProperty().isNotEmpty());
        silenced.visibleProperty().bind(silenced.textProperty().isNotEmpty());
        show(null);
    }

    /**
     * Says, under the group's status, when a silence now holds its alerts back: why no repeat or resolved
     * notification of a silenced group arrives.
     *
     * @param changed fires when the silences change
     * @param note the sentence for a group's labels, empty when none of its alerts is silenced
     */
    void setSilencing(Observable changed, Function<Map<String, String>, String> note) {
        silencesChanged = changed;
        silenceNote = note;
        show(shown);
    }

    /** What the group's labels are silenced with: its common labels, which every alert of the group has. */
    static Map<String, String> matchers(Notification n) {
        Map<String, String> common = n.message().commonLabels();
        return common.isEmpty() ? n.message().alerts().get(0).labels() : common;
    }

    void setOnSilence(Consumer<Map<String, String>> action) {
        onSilence = action;
    }

    /** Why Silence… is disabled, or null when it is not. */
    void silenceDisabled(String why) {
        silence.setDisable(why != null);
        silence.setTooltip(new Tooltip(why != null ? why
                : "Silence this group's alerts in Alertmanager: matchers are its common labels"));
    }

    void show(Notification n) {
        shown = n;
        if (n == null) {
            VBox hint = new VBox(none);
            hint.setPadding(new Insets(8));
            setContent(hint);
            return;
        }
        Instant now = Instant.now();
        content.getChildren().clear();
        Label title = wrapped(n.alertName().isEmpty() ? "(no alertname)" : n.alertName());
        title.setId("notification-detail-name");
        title.getStyleClass().add(Styles.TITLE_4);
        Label status = wrapped(n.status().word() + " · received " + Format.localTime(n.receivedAt(), zone, now)
                + " · " + n.message().alerts().size() + (n.message().alerts().size() == 1 ? " alert" : " alerts")
                + (n.message().truncatedAlerts() > 0 ? " (+" + n.message().truncatedAlerts() + " left out)" : ""));
        status.getStyleClass().add(n.status() == AlertStatus.FIRING ? Styles.DANGER : Styles.SUCCESS);
        Label delay = wrapped(n.delaySentence());
        delay.setId("notification-detail-delay");
        delay.getStyleClass().add(Styles.TEXT_BOLD);
        Label why = wrapped(n.status() == AlertStatus.FIRING
                ? "startsAt is when Prometheus says the alert started firing; Alertmanager holds a new group until "
                + "group_wait after it (for more alerts of the same group), then sends the first notification."
                : "endsAt is when Prometheus saw the alert resolved; Alertmanager sends it at the group's next "
                + "group_interval.");
        why.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        silenced.textProperty().unbind();
        Map<String, String> group = matchers(n);
        silenced.textProperty().bind(silencesChanged == null ? Bindings.createStringBinding(() -> "")
                : Bindings.createStringBinding(() -> silenceNote.apply(group), silencesChanged));
        content.getChildren().addAll(title, status, silenced, delay, why, silence);
        if (!n.message().groupLabels().isEmpty()) {
            content.getChildren().add(wrapped("Grouped by: " + Notification.text(n.message().groupLabels())));
        }
        int i = 1;
        for (WebhookAlert a : n.message().alerts()) {
            Label head = wrapped("Alert " + i++ + " · " + a.status().word());
            head.getStyleClass().add(Styles.TEXT_BOLD);
            StringBuilder body = new StringBuilder();
            a.labels().forEach((k, v) -> body.append(k).append('=').append(v).append('\n'));
            a.annotations().forEach((k, v) -> body.append(k).append(": ").append(v).append('\n'));
            body.append("started firing ").append(Format.localTime(a.startsAt(), zone, now));
            if (a.endsAt() != null) {
                body.append(", ").append(a.status() == AlertStatus.RESOLVED ? "resolved " : "ends ")
                        .append(Format.localTime(a.endsAt(), zone, now));
            }
            Label text = wrapped(body.toString());
            text.getStyleClass().add("alert-text");
            content.getChildren().addAll(head, text);
        }
        setContent(content);
    }

    private static Label wrapped(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }
}
