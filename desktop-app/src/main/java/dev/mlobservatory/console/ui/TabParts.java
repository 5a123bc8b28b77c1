package dev.mlobservatory.console.ui;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringExpression;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

/** The frame the Alerts and Targets tabs share, so the two look alike: title bar, table, placeholder, help line. */
public final class TabParts {

    private TabParts() {
    }

    /** Gives {@code tab} the tables' stylesheet, its padding, a title bar: {@code title} left, {@code status} right. */
    public static void frame(BorderPane tab, String title, Node... status) {
        tab.getStylesheets().add(TableCells.STYLESHEET);
        tab.setPadding(new Insets(8));
        Label titleLabel = new Label(title);
        titleLabel.getStyleClass().add(Styles.TITLE_4);
        HBox header = new HBox(12, titleLabel, new Spacer());
        header.getChildren().addAll(status);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(0, 0, 8, 0));
        tab.setTop(header);
    }

    /**
     * Styles {@code table} (striped, the last column taking the spare width) and shows {@code placeholder} when it
     * has no rows; {@code name} is its id and its style class, which the stylesheet and the tests look for.
     */
    public static void table(TableView<?> table, String name, Label placeholder) {
        table.setId(name);
        table.getStyleClass().addAll(name, Styles.STRIPED);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        placeholder.getStyleClass().addAll("tab-placeholder", Styles.TEXT_MUTED);
        table.setPlaceholder(placeholder);
    }

    /** Sets the table's columns; the model's order is the point of the table: no re-sorting by header clicks. */
    public static <S> void columns(TableView<S> table, Collection<? extends TableColumn<S, ?>> columns) {
        table.getColumns().setAll(columns);
        table.getColumns().forEach(c -> c.setSortable(false));
    }

    /**
     * Makes the column widths the table has now, written for 13 px type, grow and shrink with the window's type
     * ({@link Theme#fontSize}), so presenter mode does not cut every header to "Hea…". (The Alerts table sizes its
     * columns from their text instead.)
     */
    public static void followTypeSize(TableView<?> table) {
        Map<TableColumn<?, ?>, Double> base = new HashMap<>();
        table.getColumns().forEach(c -> base.put(c, c.getPrefWidth()));
        ChangeListener<Number> scale = (o, a, px) -> base.forEach((c, width) ->
                c.setPrefWidth(Math.round(width * px.doubleValue() / Theme.NORMAL_PX)));
        table.sceneProperty().addListener((o, before, scene) -> {
            if (before != null) {
                Theme.fontSize(before).removeListener(scale);
            }
            if (scene != null) {
                Theme.fontSize(scene).addListener(scale);
                scale.changed(null, null, Theme.fontSize(scene).get());
            }
        });
    }

    /** A column of text that {@code property} reads from each row. */
    public static <S> TableColumn<S, String> text(String title, Function<S, ObservableValue<String>> property,
                                           double prefWidth) {
        TableColumn<S, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> property.apply(c.getValue()));
        column.setPrefWidth(prefWidth);
        return column;
    }

    /** Makes the placeholder say why there are no rows, or {@code noRows} when the model has no reason to give. */
    public static void explain(Label placeholder, StringExpression why, String noRows) {
        placeholder.textProperty().bind(Bindings.when(why.isEmpty()).then(noRows).otherwise(why));
    }

    /** The small grey line under a table that says what its states mean. */
    public static Label help(String text) {
        Label help = new Label(text);
        help.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        help.setWrapText(true);
        help.setPadding(new Insets(6, 0, 0, 0));
        return help;
    }
}
