package dev.mlobservatory.console.stack;

import atlantafx.base.theme.Styles;
import dev.mlobservatory.console.ui.ChipLabel;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;

/** The stack's toolbar: mode, Start/Stop with progress, and the status chips. */
public final class StackBar extends FlowPane {

    private final StackModel model;
    private final StackSetup setup;
    private final StackHealth health;
    private final ComboBox<StackMode> mode = new ComboBox<>();
    private final Button start = new Button("▶ Start stack");
    private final Button stop = new Button("■ Stop");
    private final ProgressIndicator progress = new ProgressIndicator();
    /** Shown only after the console's own Prometheus died: one click brings it back with its data. */
    private final Button restartPrometheus = new Button("⟳ Restart Prometheus");

    public StackBar(StackModel model, StackHealth health, Node... extraChips) {
        this.model = model;
        this.setup = model.setup();
        this.health = health;
        createView(extraChips);
        initListeners();
    }

    private void createView(Node... extraChips) {
        // A flow, not a row: in presenter mode the chips wrap to a second line instead of being cut to "A…".
        setHgap(8);
        setVgap(6);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(0, 4, 0, 4));
        mode.getItems().setAll(StackMode.values());
        mode.setId("stack-mode");
        mode.setTooltip(new Tooltip("Local: API in this program + your prometheus binary. Docker: the compose stack with Grafana."));
        start.setId("stack-start");
        start.getStyleClass().add(Styles.ACCENT);
        start.setTooltip(new Tooltip("Start the API and Prometheus (Ctrl+S)"));
        stop.setId("stack-stop");
        stop.setTooltip(new Tooltip("Stop everything the console started (Ctrl+Shift+S)"));
        progress.setPrefSize(22, 22);
        restartPrometheus.setId("stack-restart-prometheus");
        restartPrometheus.getStyleClass().add(Styles.DANGER);
        ChipLabel api = new ChipLabel(health.apiChipProperty());
        api.setId("chip-api");
        ChipLabel prom = new ChipLabel(health.prometheusChipProperty());
        prom.setId("chip-prometheus");
        ChipLabel grafana = new ChipLabel(health.grafanaChipProperty());
        grafana.setId("chip-grafana");
        getChildren().addAll(mode, start, stop, progress, api, prom, restartPrometheus, grafana);
        getChildren().addAll(extraChips);
        getChildren().forEach(n -> {
            if (n instanceof javafx.scene.control.Control c) {
                c.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
        });
    }

    private void initListeners() {
        mode.valueProperty().bindBidirectional(setup.modeProperty());
        BooleanBinding busy = Bindings.createBooleanBinding(() -> model.phaseProperty().get().busy(), model.phaseProperty());
        BooleanBinding up = Bindings.createBooleanBinding(() -> model.phaseProperty().get() == StackPhase.RUNNING,
                model.phaseProperty());
        mode.disableProperty().bind(busy.or(up));
        start.disableProperty().bind(busy.or(up).or(setup.environmentProperty().isNull()));
        stop.disableProperty().bind(model.phaseProperty().isEqualTo(StackPhase.STOPPED)
                .or(model.phaseProperty().isEqualTo(StackPhase.STOPPING)));
        progress.visibleProperty().bind(busy.or(setup.probingProperty()));
        progress.managedProperty().bind(progress.visibleProperty());
        restartPrometheus.visibleProperty().bind(model.prometheusExitProperty().isNotNull());
        restartPrometheus.managedProperty().bind(restartPrometheus.visibleProperty());
        model.prometheusExitProperty().addListener((o, a, why) ->
                restartPrometheus.setTooltip(why == null ? null : new Tooltip(why + "\nStart it again on the same port; "
                        + "its data folder is kept.")));
        restartPrometheus.setOnAction(e -> model.restartPrometheus());
        start.setOnAction(e -> model.start());
        stop.setOnAction(e -> model.stop());
    }
}
