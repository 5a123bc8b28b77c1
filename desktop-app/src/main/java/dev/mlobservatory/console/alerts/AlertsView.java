package dev.mlobservatory.console.alerts;

import atlantafx.base.theme.Styles;
import dev.mlobservatory.console.ui.TabParts;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.Observable;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Alerts tab: the rule table (firing first, rows lit on change), the selected rule in full beside it (its
 * expression, with "Open in PromQL" and "Explain"), and the alert timeline under the table, kept at its newest entry.
 */
public final class AlertsView extends BorderPane {

    static final PseudoClass CHANGED = PseudoClass.getPseudoClass("changed");
    private static final String STYLESHEET =
            Objects.requireNonNull(AlertsView.class.getResource("alerts.css")).toExternalForm();

    private final AlertsModel model;
    private final TableView<AlertItem> table = new TableView<>();
    private final ListView<AlertTransition> timeline = new ListView<>();
    private final AlertDetail detail = new AlertDetail();
    private final Label placeholder = new Label();
    private final Label firing = new Label();
    private final Label pending = new Label();
    private SplitPane left;
    /** True once the user chose a row (click or key): from then on the selection is theirs. */
    private boolean userPicked;

    public AlertsView(AlertsModel model) {
        this.model = model;
        createView();
        initListeners();
    }

    private void createView() {
        TabParts.frame(this, "Alert rules", firing, pending);
        getStylesheets().add(STYLESHEET);
        TabParts.table(table, "alerts-table", placeholder);
        // Six rules fit without a scroll bar in presenter mode at 1366×768.
        table.getStyleClass().add(Styles.DENSE);
        table.setRowFactory(t -> new AlertRow());

        timeline.setId("alerts-timeline");
        timeline.getStyleClass().addAll("alert-timeline", Styles.DENSE);
        Label noChange = new Label("No change seen yet: state changes appear here as they happen.");
        noChange.setWrapText(true);
        timeline.setPlaceholder(noChange);
        timeline.setCellFactory(l -> new TransitionCell());
        Label timelineTitle = new Label("Alert timeline");
        timelineTitle.getStyleClass().add(Styles.TEXT_BOLD);
        VBox timelineBox = new VBox(4, timelineTitle, timeline);
        VBox.setVgrow(timeline, Priority.ALWAYS);

        SplitPane left = new SplitPane(table, timelineBox);
        left.setOrientation(Orientation.VERTICAL);
        left.setDividerPositions(0.7);
        SplitPane split = new SplitPane(left, detail);
        split.setDividerPositions(0.64);
        SplitPane.setResizableWithParent(detail, false);
        setCenter(split);
        this.left = left;

        setBottom(TabParts.help("pending: the rule's condition is true, for less than its 'for'.  "
                + "firing: true for longer than 'for'.  Prometheus evaluates the rules every evaluation_interval."));
    }

    private void initListeners() {
        table.setItems(model.alerts());
        // The count labels share the table's font: the columns size themselves from it.
        AlertColumns columns = new AlertColumns(table, firing);
        // The table never gets narrower than its state, name and value need: the detail pane gives way.
        left.minWidthProperty().bind(columns.requiredWidthProperty());
        timeline.setItems(model.timeline());
        TimelineFollow.install(timeline);
        TabParts.explain(placeholder, model.messageProperty(), "No alert rule yet.");
        firing.textProperty().bind(model.firingCountProperty().asString("%d firing"));
        pending.textProperty().bind(model.pendingCountProperty().asString("%d pending"));
        model.firingCountProperty().addListener((o, a, n) -> emphasise(firing, n.intValue() > 0, Styles.DANGER));
        model.pendingCountProperty().addListener((o, a, n) -> emphasise(pending, n.intValue() > 0, Styles.WARNING));
        emphasise(firing, model.firingCountProperty().get() > 0, Styles.DANGER);
        emphasise(pending, model.pendingCountProperty().get() > 0, Styles.WARNING);

        table.getSelectionModel().selectedItemProperty().addListener((o, was, item) -> detail.show(item));
        // Until the user picks a rule, the detail pane shows the first, the most urgent: the rule that just turned
        // pending moves to the top and shows itself. Once picked, a rule stays shown wherever it moves.
        table.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> userPicked = true);
        table.addEventFilter(KeyEvent.KEY_PRESSED, e -> userPicked = true);
        model.alerts().addListener((ListChangeListener<AlertItem>) c -> {
            if ((!userPicked || table.getSelectionModel().isEmpty()) && !model.alerts().isEmpty()) {
                table.getSelectionModel().selectFirst();
            }
        });
    }

    /**
     * What "Open in PromQL" does with the selected rule's expression: the window puts it in the PromQL tab's
     * editor, runs it and shows that tab (this package knows nothing of that tab).
     */
    public void setOnOpenInPromQL(Consumer<String> action) {
        detail.setOnOpen(action);
    }

    /**
     * What "Explain" does with the selected rule's expression: the window puts it in the PromQL tab's editor and
     * explains it there, part by part.
     */
    public void setOnExplain(Consumer<String> action) {
        detail.setOnExplain(action);
    }

    /**
     * Silences, from Alertmanager: a "Silence…" button that hands the selected alert's labels (alertname, severity,
     * job, instance…) to {@code action}, and in the detail what {@code note} says of them ("Silenced by … until …"),
     * asked again whenever {@code changed} changes. The window wires this; the tab knows nothing of Alertmanager.
     */
    public void setSilencing(Observable changed, Function<Map<String, String>, String> note,
                             Consumer<Map<String, String>> action) {
        detail.setSilencing(changed, note, action);
    }

    private static void emphasise(Label label, boolean on, String style) {
        label.getStyleClass().removeAll(style, Styles.TEXT_MUTED, Styles.TEXT_BOLD);
        label.getStyleClass().addAll(on ? new String[] {style, Styles.TEXT_BOLD} : new String[] {Styles.TEXT_MUTED});
    }

    /** A row that lights up (in its new state's colour) while its rule's change is recent. */
    private static final class AlertRow extends TableRow<AlertItem> {
        private static final PseudoClass[] STATES = {PseudoClass.getPseudoClass("firing"),
                PseudoClass.getPseudoClass("pending"), PseudoClass.getPseudoClass("inactive")};
        private final ChangeListener<Object> restyle = (o, a, b) -> restyle();
        private AlertItem watched;

        @Override
        protected void updateItem(AlertItem item, boolean empty) {
            super.updateItem(item, empty);
            if (watched != null) {
                watched.highlightedProperty().removeListener(restyle);
                watched.stateProperty().removeListener(restyle);
            }
            watched = empty ? null : item;
            if (watched != null) {
                watched.highlightedProperty().addListener(restyle);
                watched.stateProperty().addListener(restyle);
            }
            restyle();
        }

        private void restyle() {
            pseudoClassStateChanged(CHANGED, watched != null && watched.isHighlighted());
            for (AlertState s : AlertState.values()) {
                pseudoClassStateChanged(STATES[s.ordinal()], watched != null && watched.getState() == s);
            }
        }
    }

    /** "14:03:12  HighErrorRate  inactive → pending", in the colour of the new state; wraps when narrow. */
    private final class TransitionCell extends ListCell<AlertTransition> {
        TransitionCell() {
            setWrapText(true);
            // The list's width, not the text's: long lines wrap instead of scrolling sideways.
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(AlertTransition item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("firing", "pending", "inactive");
            if (empty || item == null) {
                setText(null);
            } else {
                setText(item.line(model.zone()));
                getStyleClass().add(item.to().word());
            }
        }
    }
}
