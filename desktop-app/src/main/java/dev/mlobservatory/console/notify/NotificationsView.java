package dev.mlobservatory.console.notify;

import atlantafx.base.theme.Styles;
import dev.mlobservatory.console.ui.Format;
import dev.mlobservatory.console.ui.TabParts;
import dev.mlobservatory.console.ui.TableCells;
import dev.mlobservatory.console.ui.Theme;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;

/**
 * The Notifications tab: what Alertmanager sent to the console, newest first (time, status, alert, labels, summary,
 * and how long after the alert started firing it arrived), the selected one in full beside the table, and what to do
 * when there is nothing (no Alertmanager, or no alert yet).
 */
public final class NotificationsView extends BorderPane {

    private static final String STYLESHEET =
            Objects.requireNonNull(NotificationsView.class.getResource("notify.css")).toExternalForm();

    private final NotificationsModel model;
    private final ObservableValue<String> alertmanagerUrl;
    private final ObservableValue<String> noAlertmanagerReason;
    private final ZoneId zone = ZoneId.systemDefault();
    private final TableView<Notification> table = new TableView<>();
    private final NotificationDetail detail = new NotificationDetail(zone);
    private final Label placeholder = new Label();
    private final Label firing = new Label();
    private final Button clear = new Button("Clear");
    private final MenuItem silenceItem = new MenuItem("Silence…");
    private Consumer<Map<String, String>> onSilence;
    /** True once the user chose a row: from then on the selection is theirs. */
    private boolean userPicked;

    /**
     * @param alertmanagerUrl      where Alertmanager runs; null when the stack has none
     * @param noAlertmanagerReason why there is none, in a short sentence (shown when the URL is null)
     */
    public NotificationsView(NotificationsModel model, ObservableValue<String> alertmanagerUrl,
                             ObservableValue<String> noAlertmanagerReason) {
        this.model = model;
        this.alertmanagerUrl = alertmanagerUrl;
        this.noAlertmanagerReason = noAlertmanagerReason;
        createView();
        initListeners();
    }

    private void createView() {
        clear.setId("notifications-clear");
        clear.setTooltip(new Tooltip("Forget the notifications received so far (Alertmanager keeps its alerts)"));
        TabParts.frame(this, "Notifications", firing, clear);
        getStylesheets().add(STYLESHEET);
        TabParts.table(table, "notifications-table", placeholder);
        table.getStyleClass().add(Styles.DENSE);
        // Right-click on a row: the same Silence… as the detail pane's, for the row under the pointer.
        silenceItem.setId("notifications-silence-menu");
        table.setContextMenu(new ContextMenu(silenceItem));
        // The delay beside the alert: it is the point of the tab. Time, status, alert and delay keep their whole
        // text in presenter mode (widths in em); labels and summary give way, with the full text in a tooltip.
        TableColumn<Notification, String> time = column("Time", n -> Format.localTime(n.receivedAt(), zone,
                Instant.now()), 90);
        TableColumn<Notification, String> status = statusColumn();
        TableColumn<Notification, String> alert = column("Alert", Notification::alertName, 130);
        TableColumn<Notification, String> delay = numeric(column("Delay", Notification::delayText, 70));
        TabParts.columns(table, List.of(time, status, alert, delay,
                withTooltip(column("Labels", Notification::labelsText, 200)),
                withTooltip(column("Summary", Notification::summary, 260))));
        TabParts.followTypeSize(table);
        minWidthInEm(time, 5.6);
        minWidthInEm(status, 6.8);
        minWidthInEm(alert, 6);
        minWidthInEm(delay, 4.5);
        SplitPane split = new SplitPane(table, detail);
        split.setDividerPositions(0.7);
        SplitPane.setResizableWithParent(detail, false);
        setCenter(split);
        setBottom(TabParts.help("Delay: from the alert's startsAt (when Prometheus says it started firing) to its "
                + "arrival here, mostly Alertmanager's group_wait. A resolved notification counts from endsAt. "
                + "A group is firing while its latest notification says so."));
    }

    private void initListeners() {
        table.setItems(model.notifications());
        firing.textProperty().bind(model.firingGroupsProperty().asString("%d firing"));
        model.firingGroupsProperty().addListener((o, a, n) -> emphasise(n.intValue() > 0));
        emphasise(model.firingGroupsProperty().get() > 0);
        clear.setOnAction(e -> model.clear());
        silenceItem.disableProperty().bind(detail.silence.disableProperty()
                .or(table.getSelectionModel().selectedItemProperty().isNull()));
        silenceItem.setOnAction(e -> {
            Notification n = table.getSelectionModel().getSelectedItem();
            if (n != null && onSilence != null) {
                onSilence.accept(NotificationDetail.matchers(n));
            }
        });
        clear.disableProperty().bind(Bindings.isEmpty(model.notifications()));
        table.getSelectionModel().selectedItemProperty().addListener((o, was, n) -> detail.show(n));
        table.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> userPicked = true);
        table.addEventFilter(KeyEvent.KEY_PRESSED, e -> userPicked = true);
        // Until the user picks a row, the detail pane follows the newest notification.
        model.notifications().addListener((ListChangeListener<Notification>) c -> {
            if ((!userPicked || table.getSelectionModel().isEmpty()) && !model.notifications().isEmpty()) {
                table.getSelectionModel().selectFirst();
            }
        });
        alertmanagerUrl.addListener((o, a, b) -> explain());
        model.receiverUrlProperty().addListener((o, a, b) -> explain());
        noAlertmanagerReason.addListener((o, a, b) -> explain());
        explain();
    }

    /**
     * Lets the detail say when a silence holds the selected group back.
     *
     * @param changed fires when the silences change
     * @param note the sentence for a group's common labels, empty when it is not silenced
     */
    public void setSilencing(Observable changed, Function<Map<String, String>, String> note) {
        detail.setSilencing(changed, note);
    }

    /** What "Silence…" does with the selected group's labels (the silences feature opens its dialog with them). */
    public void setOnSilence(Consumer<Map<String, String>> action) {
        onSilence = action;
        detail.setOnSilence(action);
        explain();
    }

    /** The placeholder and the Silence button say what is missing. */
    private void explain() {
        String url = alertmanagerUrl.getValue();
        if (url == null) {
            String reason = noAlertmanagerReason.getValue();
            placeholder.setText("No Alertmanager in this stack"
                    + (reason == null || reason.isBlank() ? "." : ": " + reason.strip())
                    + "\nNotifications reach the console only through Alertmanager: Prometheus sends it the alerts "
                    + "that fire, Alertmanager groups them and posts them here.");
            detail.silenceDisabled("Silences are kept by Alertmanager, and this stack has none");
        } else {
            placeholder.setText("No notifications yet. Alerts reach here through Alertmanager at " + url + ":\n"
                    + "when a rule fires (try Kill API: APIDown fires after its 'for'), Alertmanager waits group_wait, "
                    + "then posts the group to this console" + receiverNote() + ".");
            detail.silenceDisabled(onSilence == null ? "Silences are not available in this console" : null);
        }
    }

    private String receiverNote() {
        String receiver = model.receiverUrlProperty().get();
        return receiver == null ? "" : " (" + receiver + ")";
    }

    private void emphasise(boolean on) {
        firing.getStyleClass().removeAll(Styles.DANGER, Styles.TEXT_MUTED, Styles.TEXT_BOLD);
        firing.getStyleClass().addAll(on ? new String[] {Styles.DANGER, Styles.TEXT_BOLD}
                : new String[] {Styles.TEXT_MUTED});
    }

    private static TableColumn<Notification, String> column(String title, Function<Notification, String> text,
                                                            double width) {
        return TabParts.text(title, n -> new ReadOnlyStringWrapper(text.apply(n)), width);
    }

    /** Keeps {@code column} at least {@code em} of the window's type wide, in normal and presenter mode alike. */
    private void minWidthInEm(TableColumn<Notification, String> column, double em) {
        table.sceneProperty().addListener((o, before, scene) -> {
            column.minWidthProperty().unbind();
            if (scene != null) {
                column.minWidthProperty().bind(Theme.fontSize(scene).multiply(em));
            }
        });
    }

    private static TableColumn<Notification, String> withTooltip(TableColumn<Notification, String> c) {
        c.setCellFactory(col -> TableCells.withTooltip());
        return c;
    }

    private static TableColumn<Notification, String> numeric(TableColumn<Notification, String> c) {
        c.getStyleClass().add("numeric");
        return c;
    }

    /** Firing in red, resolved in green, as a word as well as a colour. */
    private static TableColumn<Notification, String> statusColumn() {
        TableColumn<Notification, String> c = column("Status", n -> n.status().word(), 90);
        c.setCellFactory(col -> new TableCell<>() {
            private final Label chip = new Label();

            {
                setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
                chip.getStyleClass().add(TableCells.CHIP);
            }

            @Override
            protected void updateItem(String word, boolean empty) {
                super.updateItem(word, empty);
                chip.getStyleClass().removeAll("firing", "resolved");
                if (empty || word == null) {
                    setGraphic(null);
                    setText(null);
                } else {
                    chip.setText(word);
                    chip.getStyleClass().add(word);
                    setGraphic(chip);
                    setText(word);
                }
            }
        });
        return c;
    }
}
