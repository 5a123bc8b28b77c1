package dev.mlobservatory.console.chaos;

import atlantafx.base.theme.Styles;
import dev.mlobservatory.console.stack.StackModel;
import dev.mlobservatory.console.stack.StackPhase;
import dev.mlobservatory.console.traffic.TrafficModel;
import dev.mlobservatory.console.ui.Controls;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Chaos panel: slow model, failure %, which version, input drift (through the traffic engine), and the
 * Kill API / Restart API buttons that make APIDown happen on cue.
 */
public final class ChaosView extends VBox {

    private final ChaosModel chaos;
    private final StackModel stack;
    private final TrafficModel traffic;
    private final Button kill = new Button("Kill API");
    private final Button restart = new Button("Restart API");
    private final Button reset = new Button("No faults");
    private final ChoiceBox<ChaosModel.Target> target = new ChoiceBox<>();
    private final Label status = new Label();

    public ChaosView(ChaosModel chaos, StackModel stack, TrafficModel traffic) {
        this.chaos = chaos;
        this.stack = stack;
        this.traffic = traffic;
        createView();
        initListeners();
    }

    private void createView() {
        setSpacing(6);
        setPadding(new Insets(0, 10, 6, 10));
        target.getItems().setAll(ChaosModel.Target.values());
        target.setId("chaos-target");
        kill.setId("chaos-kill");
        kill.getStyleClass().add(Styles.DANGER);
        kill.setTooltip(new Tooltip("Stop the API as a crash would: the target goes down and APIDown goes pending, then fires after 1 m"));
        restart.setId("chaos-restart");
        restart.setTooltip(new Tooltip("Start the API again on the same port"));
        reset.setId("chaos-reset");
        reset.setTooltip(new Tooltip("Remove every injected fault and the input drift"));
        for (Button b : new Button[] {kill, restart, reset}) {
            b.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(b, Priority.ALWAYS);
        }
        // Which version the faults hit sits on the title row, and the three buttons share one row: the panel has
        // to fit 1366×768 in presenter mode without a scroll bar.
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label affects = new Label("on");
        Label section = Controls.section("Classroom chaos");
        section.setMinWidth(Region.USE_PREF_SIZE);
        affects.setMinWidth(Region.USE_PREF_SIZE);
        HBox title = new HBox(6, section, gap, affects, target);
        title.setAlignment(javafx.geometry.Pos.BOTTOM_LEFT);
        target.setTooltip(new Tooltip("Which model version the slow model and the failures affect"));
        status.setWrapText(true);
        // A note of fixed height at the bottom: a longer message never pushes a control or adds a scroll bar.
        status.getStyleClass().addAll(Styles.TEXT_SMALL, "panel-note", "panel-note-tall");
        status.setId("chaos-status");
        status.setTooltip(new Tooltip());
        status.getTooltip().textProperty().bind(status.textProperty());
        getChildren().addAll(
                title,
                Controls.slider("Slow model", chaos.latencyMsProperty(), 0, ChaosModel.MAX_LATENCY_MS,
                        v -> String.format(Locale.ROOT, "+%.0f ms", v)),
                Controls.slider("Failures", chaos.errorPercentProperty(), 0, 100,
                        v -> String.format(Locale.ROOT, "%.0f %%", v)),
                Controls.slider("Input drift", traffic.driftProperty(), 0, 3,
                        v -> String.format(Locale.ROOT, "%.1f σ", v)),
                new HBox(6, kill, restart, reset),
                status);
    }

    private void initListeners() {
        target.valueProperty().bindBidirectional(chaos.targetProperty());
        var notRunning = stack.phaseProperty().isNotEqualTo(StackPhase.RUNNING);
        kill.disableProperty().bind(notRunning.or(stack.apiUpProperty().not()));
        restart.disableProperty().bind(notRunning.or(stack.apiUpProperty()));
        kill.setOnAction(e -> stack.killApi());
        restart.setOnAction(e -> stack.restartApi());
        reset.setOnAction(e -> {
            chaos.reset();
            traffic.driftProperty().set(0);
        });
        status.textProperty().bind(chaos.statusProperty());
    }
}
