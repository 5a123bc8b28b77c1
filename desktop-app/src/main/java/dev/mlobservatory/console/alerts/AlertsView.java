package dev.mlobservatory.console.alerts;

import static dev.mlobservatory.console.ui.TabParts.text;

import atlantafx.base.theme.Styles;
import dev.mlobservatory.console.ui.TabParts;
import dev.mlobservatory.console.ui.TableCells;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The Alerts tab: the rule table (firing first, time in state, rows lit on change) and the alert timeline. */
public final class AlertsView extends BorderPane {

    static final PseudoClass CHANGED = PseudoClass.getPseudoClass("changed");

    private final AlertsModel model;
    private final TableView<AlertItem> table = new TableView<>();
    private final ListView<AlertTransition> timeline = new ListView<>();
    private final Label placeholder = new Label();
    private final Label firing = new Label();
    private final Label pending = new Label();

    public AlertsView(AlertsModel model) {
        this.model = model;
        createView();
        initListeners();
    }

    private void createView() {
        TabParts.frame(this, "Alert rules", firing, pending);
        TabParts.table(table, "alerts-table", placeholder);

        TableColumn<AlertItem, AlertState> state = new TableColumn<>("State");
        state.setCellValueFactory(c -> c.getValue().stateProperty());
        state.setCellFactory(c -> TableCells.chip(AlertState::word));
        state.setPrefWidth(90);
        TableColumn<AlertItem, String> since = text("Time in state", AlertItem::timeInStateProperty, 140);
        since.getStyleClass().add("time-in-state");
        TableColumn<AlertItem, String> value = text("Value", AlertItem::valueProperty, 80);
        value.getStyleClass().add("numeric");
        TableColumn<AlertItem, String> forColumn = text("for", AlertItem::forDurationProperty, 55);
        forColumn.getStyleClass().add("numeric");
        TableColumn<AlertItem, String> summary = new TableColumn<>("Summary");
        // The active alert's labels say which instance or model version the alert is about.
        summary.setCellValueFactory(c -> Bindings.createStringBinding(
                () -> c.getValue().labelsProperty().get().isEmpty() ? c.getValue().summaryProperty().get()
                        : c.getValue().summaryProperty().get() + "  (" + c.getValue().labelsProperty().get() + ")",
                c.getValue().summaryProperty(), c.getValue().labelsProperty()));
        summary.setCellFactory(c -> TableCells.withTooltip());
        summary.setPrefWidth(320);
        // In the model's order, firing first: header clicks do not re-sort it.
        TabParts.columns(table, List.of(state,
                text("Alert", AlertItem::nameProperty, 170),
                text("Severity", AlertItem::severityProperty, 80),
                text("Active since", AlertItem::activeSinceProperty, 110),
                since, value, forColumn, summary));
        table.setRowFactory(t -> new AlertRow());

        timeline.setId("alerts-timeline");
        timeline.getStyleClass().addAll("alert-timeline", Styles.DENSE);
        timeline.setPlaceholder(new Label("No change seen yet: state changes appear here as they happen."));
        timeline.setCellFactory(l -> new TransitionCell());
        Label timelineTitle = new Label("Alert timeline");
        timelineTitle.getStyleClass().add(Styles.TEXT_BOLD);
        VBox timelineBox = new VBox(4, timelineTitle, timeline);
        VBox.setVgrow(timeline, Priority.ALWAYS);

        SplitPane split = new SplitPane(table, timelineBox);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.7);
        setCenter(split);

        setBottom(TabParts.help("pending: the rule's condition is true, for less than its 'for'.  "
                + "firing: true for longer than 'for'.  Prometheus evaluates the rules every evaluation_interval."));
    }

    private void initListeners() {
        table.setItems(model.alerts());
        timeline.setItems(model.timeline());
        TabParts.explain(placeholder, model.messageProperty(), "No alert rule yet.");
        firing.textProperty().bind(model.firingCountProperty().asString("%d firing"));
        pending.textProperty().bind(model.pendingCountProperty().asString("%d pending"));
        model.firingCountProperty().addListener((o, a, n) -> emphasise(firing, n.intValue() > 0, Styles.DANGER));
        model.pendingCountProperty().addListener((o, a, n) -> emphasise(pending, n.intValue() > 0, Styles.WARNING));
        emphasise(firing, model.firingCountProperty().get() > 0, Styles.DANGER);
        emphasise(pending, model.pendingCountProperty().get() > 0, Styles.WARNING);
        // The newest change is the one to look at: keep it in view.
        model.timeline().addListener((ListChangeListener<AlertTransition>) c -> {
            if (!timeline.getItems().isEmpty()) {
                timeline.scrollTo(timeline.getItems().size() - 1);
            }
        });
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

    /** "14:03:12  HighErrorRate  inactive → pending", in the colour of the new state. */
    private final class TransitionCell extends ListCell<AlertTransition> {
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
