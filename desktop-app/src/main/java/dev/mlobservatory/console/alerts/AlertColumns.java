package dev.mlobservatory.console.alerts;

import dev.mlobservatory.console.ui.TabParts;
import dev.mlobservatory.console.ui.TableCells;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * The Alerts table's columns, sized from the text they hold in the font on screen (presenter mode's larger type
 * too): a rule's name and its state never cut; the value and summary wrap; the summary only shown when there is
 * room for it (the detail pane has it anyway).
 */
final class AlertColumns {

    /** The widest "time in state" the clock writes: two units at most (Format.duration). */
    private static final String WIDEST_AGE = "for 59 m 59 s";
    private static final List<String> WIDEST_VALUES = List.of("100.0 %", "999 ms");

    private final TableView<AlertItem> table;
    private final Label fontSource;
    final TableColumn<AlertItem, StateCell.Shown> state = new TableColumn<>("State");
    final TableColumn<AlertItem, String> name = new TableColumn<>("Alert");
    final TableColumn<AlertItem, String> value = new TableColumn<>("Value");
    final TableColumn<AlertItem, String> summary = new TableColumn<>("Summary");
    private final InvalidationListener refit = o -> fit();
    private final ReadOnlyDoubleWrapper requiredWidth = new ReadOnlyDoubleWrapper(this, "requiredWidth", 0);
    /** The State column's width from which "inactive  for 59 m 59 s" fits on one line; narrower, the age goes under. */
    private final DoubleProperty stateOnOneLine = new SimpleDoubleProperty(this, "stateOnOneLine", 0);

    /** @param fontSource a label in the tab whose font is the table's (it follows presenter mode) */
    AlertColumns(TableView<AlertItem> table, Label fontSource) {
        this.table = table;
        this.fontSource = fontSource;
        state.setCellValueFactory(c -> Bindings.createObjectBinding(
                () -> new StateCell.Shown(c.getValue().getState(), c.getValue().ageProperty().get()),
                c.getValue().stateProperty(), c.getValue().ageProperty()));
        state.setCellFactory(c -> new StateCell(stateOnOneLine));
        name.setCellValueFactory(c -> c.getValue().nameProperty());
        name.setCellFactory(c -> TableCells.withTooltip());
        name.getStyleClass().add("alert-name");
        value.setCellValueFactory(c -> c.getValue().valueProperty());
        value.setCellFactory(c -> new WrappingCell(true));
        value.getStyleClass().add("numeric");
        // The active alert's labels say which instance or model version the alert is about.
        summary.setCellValueFactory(c -> Bindings.createStringBinding(
                () -> c.getValue().labelsProperty().get().isEmpty() ? c.getValue().summaryProperty().get()
                        : c.getValue().summaryProperty().get() + "  (" + c.getValue().labelsProperty().get() + ")",
                c.getValue().summaryProperty(), c.getValue().labelsProperty()));
        summary.setCellFactory(c -> new WrappingCell(false));
        // In the model's order, firing first: header clicks do not re-sort it.
        TabParts.columns(table, List.of(state, name, value, summary));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.getColumns().forEach(c -> c.setResizable(false));

        fontSource.fontProperty().addListener(refit);
        table.widthProperty().addListener(refit);
        table.getItems().addListener((ListChangeListener<AlertItem>) c -> {
            while (c.next()) {
                c.getRemoved().forEach(i -> i.valueProperty().removeListener(refit));
                c.getAddedSubList().forEach(i -> i.valueProperty().addListener(refit));
            }
            fit();
        });
        table.getItems().forEach(i -> i.valueProperty().addListener(refit));
        fit();
    }

    /** Width of the columns that must show in full: a pane beside the table must leave it this much. */
    ReadOnlyDoubleProperty requiredWidthProperty() {
        return requiredWidth.getReadOnlyProperty();
    }

    /**
     * Sizes every column from its widest text in the current font, and gives the summary what is left (or hides it
     * when that would squeeze it; the value column then takes the rest). Widths are set here, not by a resize
     * policy: a constrained policy keeps the widths of its first layout and would not follow presenter mode.
     */
    void fit() {
        Font font = fontSource.getFont();
        double em = font.getSize();
        double pad = em * 1.4; // the cell's own padding, and a little air
        Font bold = Font.font(font.getFamily(), FontWeight.BOLD, em);
        Font chip = Font.font(font.getFamily(), FontWeight.BOLD, em * 0.9);
        double chipWidth = width(chip, "inactive") + em * 0.9 * 1.5;
        double ageWidth = width(bold, WIDEST_AGE);
        double stateOne = Math.ceil(chipWidth + em * 0.5 + ageWidth + pad);
        double stacked = Math.ceil(Math.max(Math.max(chipWidth, ageWidth), width(bold, state.getText())) + pad);
        stateOnOneLine.set(stateOne);
        List<String> names = new ArrayList<>(List.of(name.getText()));
        List<String> values = new ArrayList<>(WIDEST_VALUES);
        values.add(value.getText());
        for (AlertItem item : table.getItems()) {
            names.add(item.getName());
            values.add(item.valueProperty().get());
        }
        double nameWidth = Math.ceil(widest(font, names) + pad);
        // A value may wrap between its number and a long unit ("0.17 requests/s"), never inside the number.
        double valueMin = Math.ceil(widest(font, WIDEST_VALUES) + pad);
        double valueWidth = Math.max(valueMin, Math.ceil(widest(font, values) + pad));
        double scrollBar = em * 1.5;
        requiredWidth.set(stacked + nameWidth + valueMin + scrollBar);

        double room = table.getWidth() - scrollBar;
        // "pending for 42 s" on one line while the summary keeps room for a line of its own; the age under the chip
        // when not (beside the detail pane at 1440 px, presenter mode at 1366 px).
        double stateWidth = room - nameWidth - valueWidth - stateOne >= em * 18 ? stateOne : stacked;
        double rest = room - stateWidth - nameWidth - valueWidth;
        boolean showSummary = table.getWidth() <= 0 || rest >= em * 12;
        size(state, stateWidth, stacked);
        size(name, nameWidth, nameWidth);
        size(value, showSummary ? valueWidth : valueWidth + Math.max(0, rest), valueMin);
        size(summary, Math.max(rest, em * 12), em * 12);
        summary.setVisible(showSummary);
    }

    private static void size(TableColumn<?, ?> column, double width, double min) {
        column.setMinWidth(min);
        column.setPrefWidth(Math.max(width, min));
    }

    private static double widest(Font font, List<String> texts) {
        return texts.stream().filter(t -> t != null).mapToDouble(t -> width(font, t)).max().orElse(0);
    }

    static double width(Font font, String text) {
        Text t = new Text(text);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }

    /** A text cell that wraps at the column's width and grows its row instead of cutting the text with "…". */
    static final class WrappingCell extends TableCell<AlertItem, String> {
        private final Text text = new Text();
        private final Tooltip tooltip = new Tooltip();

        WrappingCell(boolean right) {
            tooltip.setWrapText(true);
            tooltip.setMaxWidth(600);
            text.getStyleClass().add("wrapping-text");
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            if (right) {
                text.setTextAlignment(TextAlignment.RIGHT);
                setAlignment(Pos.CENTER_RIGHT);
            }
            tableColumnProperty().addListener((o, was, column) -> bindWidth(column));
            paddingProperty().addListener((o, was, now) -> bindWidth(getTableColumn()));
        }

        private void bindWidth(TableColumn<AlertItem, String> column) {
            text.wrappingWidthProperty().unbind();
            if (column != null) {
                text.wrappingWidthProperty().bind(column.widthProperty()
                        .subtract(snappedLeftInset() + snappedRightInset() + 2));
            }
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            boolean blank = empty || item == null;
            text.setText(blank ? "" : item);
            setGraphic(blank ? null : text);
            // What a screen reader (and a test) reads; only the wrapped text is drawn.
            setText(blank ? null : item);
            tooltip.setText(blank ? "" : item);
            setTooltip(blank || item.isEmpty() ? null : tooltip);
        }
    }

    /** The state as a coloured chip, and beside it how long ("for 42 s"), or under it when the column is narrow. */
    static final class StateCell extends TableCell<AlertItem, StateCell.Shown> {
        /** What the cell shows: the state and "for 42 s" (empty when not known). */
        record Shown(AlertState state, String age) {
        }

        private final Label chip = new Label();
        private final Label age = new Label();
        private final HBox oneLine = new HBox(6);
        private final VBox twoLines = new VBox(2);
        private final DoubleProperty oneLineFrom;

        StateCell(DoubleProperty oneLineFrom) {
            this.oneLineFrom = oneLineFrom;
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            age.getStyleClass().add("time-in-state");
            age.setMinWidth(Region.USE_PREF_SIZE);
            oneLine.setAlignment(Pos.CENTER_LEFT);
            twoLines.setAlignment(Pos.CENTER_LEFT);
            InvalidationListener arrange = o -> arrange();
            widthProperty().addListener(arrange);
            oneLineFrom.addListener(arrange);
        }

        private void arrange() {
            if (getGraphic() == null) {
                return;
            }
            Pane box = getWidth() >= oneLineFrom.get() || !age.isVisible() ? oneLine : twoLines;
            if (box.getChildren().isEmpty()) {
                box.getChildren().setAll(chip, age);
            }
            setGraphic(box);
        }

        @Override
        protected void updateItem(Shown item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
            } else {
                TableCells.show(chip, item.state().word());
                age.setText(item.age());
                age.setVisible(!item.age().isEmpty());
                age.setManaged(!item.age().isEmpty());
                setGraphic(oneLine);
                arrange();
                setText(item.age().isEmpty() ? item.state().word() : item.state().word() + " " + item.age());
            }
        }
    }
}
