package dev.mlobservatory.console.silence;

import dev.mlobservatory.console.ui.Theme;
import java.util.Map;
import java.util.function.Supplier;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The new-silence window: the form, prefilled from an alert's labels, over the console's window; it closes itself
 * once Alertmanager has the silence, and stays open with the reason when it is refused.
 */
public final class SilenceDialog {

    private final SilenceForm form;
    private final Supplier<Window> owner;
    private Stage stage;

    /** @param owner the window the dialog opens over (asked at each opening: the console's scene comes later) */
    public SilenceDialog(SilencesModel model, Supplier<Window> owner) {
        this.form = new SilenceForm(model);
        this.owner = owner;
        form.setOnDone(() -> {
            if (stage != null) {
                stage.hide();
            }
        });
    }

    /** Opens the dialog with one matcher per label ({@code alertname} first); an empty map gives one blank row. */
    public void openFor(Map<String, String> labels) {
        form.fill(labels == null ? Map.of() : labels);
        if (stage == null) {
            stage = new Stage();
            stage.setTitle("New silence");
            Window parent = owner.get();
            if (parent != null) {
                stage.initOwner(parent);
                stage.initModality(Modality.WINDOW_MODAL);
            }
            Scene scene = new Scene(form);
            if (parent != null && parent.getScene() != null) {
                // The console's stylesheets and its type size (presenter mode), so the form reads like the window.
                scene.getStylesheets().setAll(parent.getScene().getStylesheets());
            }
            stage.setScene(scene);
        }
        Window parent = owner.get();
        if (parent != null && parent.getScene() != null && parent.getScene().getRoot() != null) {
            // The window's type size (presenter mode), and a width to match.
            form.setStyle(parent.getScene().getRoot().getStyle());
            form.setPrefWidth(SilenceForm.WIDTH_EM * Theme.fontSize(parent.getScene()).get());
        }
        stage.show();
        stage.sizeToScene();
        stage.toFront();
        form.comment.requestFocus();
    }

    /** True while the dialog is open. */
    public boolean isShowing() {
        return stage != null && stage.isShowing();
    }

    SilenceForm form() {
        return form;
    }
}
