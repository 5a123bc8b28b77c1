package dev.mlobservatory.console.ui;

import java.util.Locale;
import java.util.function.DoubleFunction;
import javafx.beans.property.DoubleProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** Small builders for the labelled controls the side panels repeat. */
public final class Controls {

    private Controls() {
    }

    public static Label section(String text) {
        Label l = new Label(text.toUpperCase(Locale.ROOT));
        l.getStyleClass().add("section-title");
        l.setPadding(new Insets(4, 0, 0, 0));
        return l;
    }

    /** A slider bound both ways to {@code value}, with a caption that shows the value as {@code format} says. */
    public static VBox slider(String caption, DoubleProperty value, double min, double max, DoubleFunction<String> format) {
        Slider slider = new Slider(min, max, value.get());
        slider.valueProperty().bindBidirectional(value);
        Label name = new Label(caption);
        Label shown = new Label(format.apply(value.get()));
        value.addListener((o, a, b) -> shown.setText(format.apply(b.doubleValue())));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox head = new HBox(name, gap, shown);
        return new VBox(0, head, slider);
    }

    /**
     * An editable number spinner bound both ways to {@code value}. Text that is not a number in range is refused
     * (the field returns to the last good value) instead of throwing from the converter.
     */
    public static Spinner<Double> spinner(DoubleProperty value, double min, double max, double step) {
        SpinnerValueFactory.DoubleSpinnerValueFactory factory =
                new SpinnerValueFactory.DoubleSpinnerValueFactory(min, max, value.get(), step);
        factory.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double v) {
                return v == null ? "" : (v == Math.rint(v) ? String.valueOf(v.longValue()) : String.format(Locale.ROOT, "%.1f", v));
            }

            @Override
            public Double fromString(String text) {
                try {
                    double v = Double.parseDouble(text.trim().replace(',', '.'));
                    return Double.isFinite(v) && v >= min && v <= max ? v : factory.getValue();
                } catch (NumberFormatException e) {
                    return factory.getValue();
                }
            }
        });
        Spinner<Double> spinner = new Spinner<>(factory);
        spinner.setEditable(true);
        factory.valueProperty().addListener((o, a, b) -> {
            if (b != null && b != value.get()) {
                value.set(b);
            }
        });
        value.addListener((o, a, b) -> factory.setValue(b.doubleValue()));
        // Commit typed text when focus leaves, not only on Enter.
        spinner.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                spinner.increment(0);
            }
        });
        return spinner;
    }
}
