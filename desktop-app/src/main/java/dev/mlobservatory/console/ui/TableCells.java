package dev.mlobservatory.console.ui;

import java.util.function.Function;
import java.util.function.UnaryOperator;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;

/** Cells of the Alerts and Targets tables (coloured state chips, long texts with a tooltip) and their stylesheet. */
public final class TableCells {

    public static final String STYLESHEET = TableCells.class.getResource("tables.css").toExternalForm();
    public static final String CHIP = "state-chip";
    private static final String[] KINDS = {"firing", "pending", "inactive", "up", "down", "unknown"};

    private TableCells() {
    }

    /** Makes {@code chip} show {@code word} in the colour of that word ("firing" red, "up" green…). */
    public static void show(Label chip, String word) {
        chip.setText(word);
        chip.getStyleClass().removeAll(KINDS);
        if (!chip.getStyleClass().contains(CHIP)) {
            chip.getStyleClass().add(CHIP);
        }
        chip.getStyleClass().add(word);
    }

    /** A table cell that shows its value as a chip; {@code word} turns the value into its text. */
    public static <S, T> TableCell<S, T> chip(Function<T, String> word) {
        return new TableCell<>() {
            private final Label chip = new Label();

            {
                setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            }

            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    setText(null);
                } else {
                    show(chip, word.apply(item));
                    setGraphic(chip);
                    // The text is what a screen reader (and a test) reads; only the chip is drawn.
                    setText(chip.getText());
                }
            }
        };
    }

    /** A text cell whose full text is also its tooltip: summaries and scrape errors are often cut by the column. */
    public static <S> TableCell<S, String> withTooltip() {
        return withTooltip(UnaryOperator.identity());
    }

    /** A text cell that shows {@code shown} of its value, and the whole value in a tooltip. */
    public static <S> TableCell<S, String> withTooltip(UnaryOperator<String> shown) {
        return new TableCell<>() {
            private final Tooltip tooltip = new Tooltip();

            {
                tooltip.setWrapText(true);
                tooltip.setMaxWidth(600);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                boolean blank = empty || item == null || item.isEmpty();
                setText(blank ? null : shown.apply(item));
                tooltip.setText(blank ? "" : item);
                setTooltip(blank ? null : tooltip);
            }
        };
    }
}
