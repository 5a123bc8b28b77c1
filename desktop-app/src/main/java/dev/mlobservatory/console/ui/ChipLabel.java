package dev.mlobservatory.console.ui;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;

/** A status chip: a rounded label coloured by its {@link Chip.Level}, with the why in a tooltip. */
public final class ChipLabel extends Label {

    private final Tooltip tooltip = new Tooltip();
    /** Held strongly: a binding passed in is otherwise only weakly referenced by what it observes, and GC'd. */
    private final ObservableValue<Chip> chip;

    public ChipLabel(ObservableValue<Chip> chip) {
        this.chip = chip;
        getStyleClass().add("chip");
        setTooltip(tooltip);
        show(chip.getValue());
        chip.addListener((o, a, b) -> show(b));
    }

    private void show(Chip chip) {
        if (chip == null) {
            return;
        }
        getStyleClass().removeAll("chip-ok", "chip-down", "chip-warn", "chip-idle");
        getStyleClass().add("chip-" + chip.level().name().toLowerCase(java.util.Locale.ROOT));
        setText(chip.text());
        tooltip.setText(chip.detail().isEmpty() ? chip.text() : chip.detail());
    }
}
