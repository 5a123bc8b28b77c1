package dev.mlobservatory.console.alerts;

import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;

/** The coloured state labels of the Alerts and Targets tables, and the stylesheet that colours them. */
final class Chips {

    static final String STYLESHEET = Chips.class.getResource("alerts.css").toExternalForm();
    static final String CHIP = "state-chip";
    private static final String[] KINDS = {"firing", "pending", "inactive", "up", "down", "unknown"};

    private Chips() {
    }

    /** Makes {@code chip} show {@code word} in the colour of that word ("firing" red, "up" green…). */
    static void show(Label chip, String word) {
        chip.setText(word);
        chip.getStyleClass().removeAll(KINDS);
        if (!chip.getStyleClass().contains(CHIP)) {
            chip.getStyleClass().add(CHIP);
        }
        chip.getStyleClass().add(word);
    }

    /** A table cell that shows its value as a chip; {@code word} turns the value into its text. */
    static <S, T> TableCell<S, T> cell(java.util.function.Function<T, String> word) {
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
}
