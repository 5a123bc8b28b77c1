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
 * The "Get Prometheus 3.5 LTS" button with its progress bar, progress text and Cancel, on a {@link
 * GetPrometheusModel}. The banner and the Stack tab each have one, on the same model: a download started in one
 * shows in both.
 */
public final class GetPrometheusView extends VBox {

    private final GetPrometheusModel model;
    private final Button get = new Button("Get " + Release.DEFAULT_NAME);
    private final ProgressBar bar = new ProgressBar();
    private final Button cancel = new Button("Cancel");
    private final Label status = new Label();

    /**
     * @param offered whether the button is offered now (no Prometheus was found)
     * @param id prefix of the controls' ids, so two of these in one window stay apart
     */
    public GetPrometheusView(GetPrometheusModel model, ObservableBooleanValue offered, String id) {
        super(4);
        this.model = model;
        createView(id);
        initListeners(offered);
    }

    private void createView(String id) {
        get.setId(id + "-get-prometheus");
        get.getStyleClass().add(Styles.ACCENT);
        get.setTooltip(new Tooltip("Downloads the official Prometheus " + Release.DEFAULT_VERSION + " release for "
                + "this computer, checks its SHA-256 and installs it in the console's folder (no admin rights needed)"));
        get.setMinWidth(Region.USE_PREF_SIZE);
        bar.setId(id + "-get-prometheus-progress");
        bar.setPrefWidth(220);
        cancel.setId(id + "-get-prometheus-cancel");
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        status.setId(id + "-get-prometheus-status");
        status.setWrapText(true);
        HBox row = new HBox(8, get, bar, cancel);
        row.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(row, status);
    }

    private void initListeners(ObservableBooleanValue offered) {
        get.setOnAction(e -> model.get());
        cancel.setOnAction(e -> model.cancel());
        get.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> offered.get() && !model.runningProperty().get(), offered, model.runningProperty()));
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
        for (var node : java.util.List.of(get, bar, cancel, status)) {
            node.managedProperty().bind(node.visibleProperty());
        }
    }
}
