package dev.mlobservatory.console.traffic;

import dev.mlobservatory.console.ui.Controls;
import atlantafx.base.theme.Styles;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The traffic side panel: rate, start/stop, the big Burst button, error ratio, model mix, drift, and a readout. */
public final class TrafficView extends VBox {

    private final TrafficModel model;
    private final Button startStop = new Button();
    private final Button burst = new Button();
    private final Label status = new Label();

    public TrafficView(TrafficModel model) {
        this.model = model;
        createView();
        initListeners();
    }

    private void createView() {
        setSpacing(6);
        setPadding(new Insets(10, 10, 0, 10));
        Spinner<Double> rate = Controls.spinner(model.rateProperty(), 1, TrafficModel.MAX_UI_RATE, 10);
        rate.setId("traffic-rate");
        rate.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(rate, Priority.ALWAYS);
        rate.getStyleClass().add("rate-spinner");
        startStop.setId("traffic-start");
        startStop.setMaxWidth(Double.MAX_VALUE);
        startStop.getStyleClass().add("traffic-start");
        HBox.setHgrow(startStop, Priority.ALWAYS);
        // Rate and Start share a row: in presenter mode at 1366×768 the whole side panel must fit without scrolling.
        HBox rateRow = new HBox(6, new Label("Rate"), rate, new Label("req/s"), startStop);
        rateRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        startStop.setTooltip(new Tooltip("Start or stop the test traffic (Ctrl+T)"));
        // The section's title says it is traffic: "Stop traffic" squeezed the rate to "10" while 100/s ran.
        startStop.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);

        burst.setId("traffic-burst");
        burst.getStyleClass().addAll("burst-button", Styles.DANGER);
        burst.setMaxWidth(Double.MAX_VALUE);
        burst.setTooltip(new Tooltip("Multiply the rate for a few seconds, then return (Ctrl+B)"));

        status.setWrapText(true);
        status.getStyleClass().addAll(Styles.TEXT_SMALL, "panel-note");
        status.setId("traffic-status");
        status.setTooltip(new Tooltip());
        status.getTooltip().textProperty().bind(status.textProperty());

        getChildren().addAll(
                Controls.section("Test traffic"),
                rateRow,
                burst,
                Controls.slider("Invalid requests", model.errorRatioProperty(), 0, 0.5,
                        v -> String.format(Locale.ROOT, "%.0f %%", v * 100)),
                Controls.slider("Model mix", model.v1ShareProperty(), 0, 1,
                        v -> String.format(Locale.ROOT, "v1 %.0f%% · v2 %.0f%%", v * 100, (1 - v) * 100)),
                Controls.section("Achieved"),
                readout(),
                status);
    }

    /** Two name/value pairs per row: five readouts in three rows, so the panel fits a projector's 768 lines. */
    private GridPane readout() {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(0);
        addReadout(grid, 0, 0, "rate", Bindings.createStringBinding(
                () -> String.format(Locale.ROOT, "%.0f/s", model.achievedRateProperty().get()), model.achievedRateProperty()));
        addReadout(grid, 2, 0, "sent", model.sentProperty().asString());
        addReadout(grid, 0, 1, "errors", model.errorsProperty().asString());
        addReadout(grid, 2, 1, "dropped", model.droppedProperty().asString());
        addReadout(grid, 0, 2, "p99 (client)", Bindings.createStringBinding(() -> {
            double v = model.p99MsProperty().get();
            return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.1f ms", v);
        }, model.p99MsProperty()));
        // The first value column keeps its width as numbers grow, so the second pair does not slide sideways.
        javafx.scene.layout.ColumnConstraints value = new javafx.scene.layout.ColumnConstraints();
        value.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        value.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(new javafx.scene.layout.ColumnConstraints(), value);
        return grid;
    }

    private static void addReadout(GridPane grid, int column, int row, String name,
                                   javafx.beans.value.ObservableValue<String> value) {
        Label v = new Label();
        v.textProperty().bind(value);
        v.getStyleClass().add("readout-value");
        v.setId("readout-" + name.split(" ")[0]);
        Label n = new Label(name);
        n.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        grid.add(n, column, row);
        grid.add(v, column + 1, row);
        if (column == 0 && row == 2) {
            GridPane.setColumnSpan(v, 3);
        }
    }

    private void initListeners() {
        startStop.textProperty().bind(Bindings.when(model.runningProperty()).then("■ Stop").otherwise("▶ Start"));
        startStop.setOnAction(e -> {
            if (model.runningProperty().get()) {
                model.stop();
            } else {
                model.start();
            }
        });
        burst.textProperty().bind(Bindings.createStringBinding(() -> String.format(Locale.ROOT,
                model.burstingProperty().get() ? "BURSTING ×%.0f…" : "BURST ×%.0f for %.0f s",
                model.burstFactorProperty().get(), model.burstSecondsProperty().get()),
                model.burstingProperty(), model.burstFactorProperty(), model.burstSecondsProperty()));
        burst.setOnAction(e -> model.burst());
        status.textProperty().bind(model.statusProperty());
    }
}
