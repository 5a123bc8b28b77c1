package dev.mlobservatory.console.install;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A "Get Prometheus 3.5 LTS" or "Get Alertmanager 0.33" button with its progress bar, progress text and Cancel, on a
 * {@link GetReleaseModel}. For Prometheus the banner and the Stack tab each have one, on the same model: a download
 * started in one shows in both.
 */
public class GetReleaseView extends VBox {

    private final GetReleaseModel model;
    private final Button get = new Button();
    /** While the button is away, says what the bar is for: the Stack tab can show two downloads at once. */
    private final Label name = new Label();
    private final ProgressBar bar = new ProgressBar();
    private final Button cancel = new Button("Cancel");
    private final Label status = new Label();

    /**
     * @param offered whether the button is offered now (the tool was not found)
     * @param id prefix of the controls' ids, so two of these in one window stay apart: {@code <id>-get-<tool>…}
     */
    public GetReleaseView(GetReleaseModel model, ObservableBooleanValue offered, String id) {
        super(4);
        this.model = model;
        createView(id);
        initListeners(offered);
    }

    private void createView(String id) {
        Tool tool = model.tool();
        String prefix = id + "-get-" + tool.name();
        get.setText("Get " + tool.offerName());
        get.setId(prefix);
        get.getStyleClass().add(Styles.ACCENT);
        get.setTooltip(new Tooltip("Downloads the official " + tool.displayName() + " " + tool.defaultVersion()
                + " release for this computer, checks its SHA-256 and installs it in the console's folder (no admin "
                + "rights needed)"));
        get.setMinWidth(Region.USE_PREF_SIZE);
        name.setText(tool.displayName() + " " + tool.defaultVersion());
        name.setId(prefix + "-name");
        name.getStyleClass().add(Styles.TEXT_BOLD);
        name.setMinWidth(Region.USE_PREF_SIZE);
        bar.setId(prefix + "-progress");
        bar.setPrefWidth(220);
        cancel.setId(prefix + "-cancel");
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        status.setId(prefix + "-status");
        status.setWrapText(true);
        HBox row = new HBox(8, get, name, bar, cancel);
        row.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(row, status);
    }

    private void initListeners(ObservableBooleanValue offered) {
        get.setOnAction(e -> model.get());
        cancel.setOnAction(e -> model.cancel());
        get.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> offered.get() && !model.runningProperty().get(), offered, model.runningProperty()));
        name.visibleProperty().bind(model.runningProperty());
        bar.visibleProperty().bind(model.runningProperty());
        cancel.visibleProperty().bind(model.runningProperty());
        bar.progressProperty().bind(model.progressProperty());
        status.textProperty().bind(model.statusProperty());
        status.visibleProperty().bind(model.statusProperty().isNotEmpty());
        model.failedProperty().addListener((o, was, failed) -> {
            if (failed) {
                status.getStyleClass().add(Styles.DANGER);
            } else {
                status.getStyleClass().remove(Styles.DANGER);
            }
        });
        // The focused button hides when a download starts or ends: hand focus to the other one, or JavaFX gives it
        // to the next field down and the Stack tab's scroll pane jumps there, away from the status just shown.
        model.runningProperty().addListener((o, was, running) -> {
            if (running && get.isFocused()) {
                cancel.requestFocus();
            } else if (!running && cancel.isFocused() && get.isVisible()) {
                get.requestFocus();
            }
        });
        for (var node : java.util.List.of(get, name, bar, cancel, status)) {
            node.managedProperty().bind(node.visibleProperty());
        }
    }
}
