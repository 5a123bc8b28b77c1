package dev.mlobservatory.console.query;

import atlantafx.base.theme.Styles;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.VBox;

/**
 * The sandbox's side panel: the lab's example queries, the cheat-sheet and this session's history, one click
 * from the editor. Examples run when clicked; a history entry is only put back in the editor.
 */
final class QuerySidePane extends TabPane {

    /** Room for the vertical scroll bar, which takes width from the cells when the list overflows. */
    private static final double SCROLLBAR_ALLOWANCE = 16;

    final ListView<ExampleQueries.Example> examples = new ListView<>();
    final ListView<ExampleQueries.Example> cheatSheet = new ListView<>();
    final ListView<String> history = new ListView<>();

    QuerySidePane(QueryModel model) {
        setId("query-side");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);

        examples.setId("query-examples");
        examples.getItems().setAll(model.examples());
        onActivate(examples, e -> model.runExample(e));
        examples.setCellFactory(v -> new ExampleCell());
        // Cell heights depend on the width (wrapped text): measure again when the panel is resized.
        examples.widthProperty().addListener((obs, old, now) -> examples.refresh());

        cheatSheet.setId("query-cheatsheet");
        cheatSheet.getItems().setAll(model.cheatSheet());
        onActivate(cheatSheet, e -> model.runExample(e));
        cheatSheet.setCellFactory(v -> new ExampleCell());
        cheatSheet.widthProperty().addListener((obs, old, now) -> cheatSheet.refresh());

        history.setId("query-history");
        history.setItems(model.history());
        history.setPlaceholder(new Label("Queries you run appear here, newest first."));
        onActivate(history, model::restore);
        history.setCellFactory(v -> new HistoryCell());

        Tab ex = new Tab("Lab examples", examples);
        ex.setId("query-tab-examples");
        Tab cs = new Tab("Cheat sheet", cheatSheet);
        cs.setId("query-tab-cheatsheet");
        Tab hi = new Tab("History", history);
        hi.setId("query-tab-history");
        getTabs().setAll(ex, cs, hi);
    }

    /**
     * A click or Enter on an item acts on it. A selection listener would not do: clicking the item that is
     * already selected must run it again.
     */
    private static <T> void onActivate(ListView<T> list, Consumer<T> action) {
        list.setOnMouseClicked(e -> {
            T item = list.getSelectionModel().getSelectedItem();
            if (e.getButton() == MouseButton.PRIMARY && item != null) {
                action.accept(item);
            }
        });
        list.setOnKeyPressed(e -> {
            T item = list.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && item != null) {
                action.accept(item);
                e.consume();
            }
        });
    }

    /** Title, the query in monospace, and the one-line explanation; wraps to the panel's width. */
    private static final class ExampleCell extends ListCell<ExampleQueries.Example> {
        private final Label title = new Label();
        private final Label promql = new Label();
        private final Label explanation = new Label();
        private final VBox box = new VBox(2, title, promql, explanation);
        private final Tooltip tooltip = new Tooltip();

        ExampleCell() {
            title.getStyleClass().add(Styles.TEXT_BOLD);
            promql.setStyle("-fx-font-family: monospace;");
            promql.getStyleClass().add(Styles.TEXT_SMALL);
            explanation.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            for (Label l : new Label[] {title, promql, explanation}) {
                l.setWrapText(true);
            }
            box.setPadding(new Insets(2, 0, 6, 0));
            // A zero preferred width lets the labels wrap to the list's width instead of widening it.
            setPrefWidth(0);
        }

        /**
         * The height the labels need when wrapped at the list's width. ListCell asks its graphic for a height
         * without a width, and a wrapping label answers that with one line: the text would be cut off.
         */
        @Override
        protected double computePrefHeight(double width) {
            if (getGraphic() == null || getListView() == null) {
                return super.computePrefHeight(width);
            }
            // Laid out, the cell is given its width; measured up front, assume the list's width minus a scroll bar.
            double outer = width > 0 ? width : getListView().getWidth() - SCROLLBAR_ALLOWANCE;
            double w = outer - snappedLeftInset() - snappedRightInset();
            return box.prefHeight(Math.max(50, w)) + snappedTopInset() + snappedBottomInset();
        }

        @Override
        protected void updateItem(ExampleQueries.Example item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setTooltip(null);
            } else {
                title.setText(item.title());
                promql.setText(item.promql());
                explanation.setText(item.explanation());
                setGraphic(box);
                tooltip.setText("Click to run: " + item.promql());
                setTooltip(tooltip);
            }
        }
    }

    private static final class HistoryCell extends ListCell<String> {
        HistoryCell() {
            setStyle("-fx-font-family: monospace;");
            setWrapText(true);
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item);
        }
    }
}
