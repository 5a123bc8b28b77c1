package dev.mlobservatory.console.ui;

import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** The Series | Value table of a PromQL result, one look for the PromQL tab and for Explain: monospace, values right. */
public final class ResultTable {

    private ResultTable() {
    }

    /**
     * Gives {@code table} its two columns. Series names are long and values short: the constrained policy shares the
     * width in the proportion of {@code valueShare} (of 1000) for the values, the rest for the series.
     */
    public static <R> void columns(TableView<R> table, Function<R, String> series, Function<R, String> value,
                                   int valueShare) {
        if (valueShare <= 0 || valueShare >= 1000) {
            throw new IllegalArgumentException("valueShare must be between 0 and 1000, got " + valueShare);
        }
        TableColumn<R, String> seriesColumn = new TableColumn<>("Series");
        seriesColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(series.apply(c.getValue())));
        seriesColumn.setStyle("-fx-font-family: monospace;");
        TableColumn<R, String> valueColumn = new TableColumn<>("Value");
        valueColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        valueColumn.setStyle("-fx-alignment: CENTER-RIGHT; -fx-font-family: monospace;");
        seriesColumn.setPrefWidth(1000 - valueShare);
        valueColumn.setPrefWidth(valueShare);
        table.getColumns().setAll(List.of(seriesColumn, valueColumn));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
    }
}
