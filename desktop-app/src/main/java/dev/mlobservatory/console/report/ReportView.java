package dev.mlobservatory.console.report;

import dev.mlobservatory.console.ui.ChartPng;
import dev.mlobservatory.console.ui.SaveChart;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;

/**
 * The Export report button, its notes dialog and folder chooser, and the pictures: each tab in turn is shown and
 * the window photographed (on the FX thread, as JavaFX requires), then the model writes everything off it.
 */
public final class ReportView {

    /** A tab to photograph for the report, and what its picture is. */
    public record TabShot(Tab tab, ReportData.Picture picture) {
    }

    /** A folder that replaces the folder chooser, for scripts that drive the window (docs screenshots). */
    public static final String PRESET_FOLDER = "observatory.report.dir";

    private final ReportModel model;
    private final TabPane tabs;
    private final Supplier<List<TabShot>> shots;
    private final Button button = new Button("Export report…");
    private final Label progress = new Label();
    private Path lastParent;

    /** @param shots the tabs to photograph, asked at each export (captions depend on the stack's mode) */
    public ReportView(ReportModel model, TabPane tabs, Supplier<List<TabShot>> shots) {
        this.model = model;
        this.tabs = tabs;
        this.shots = shots;
        button.setId("export-report");
        button.setTooltip(new Tooltip("Hand in the lab: screenshots, queries, targets and notes in one folder (Ctrl+E)"));
        button.disableProperty().bind(model.runningProperty());
        button.setOnAction(e -> ask());
        progress.setId("report-progress");
        progress.textProperty().bind(model.progressProperty());
    }

    public Button button() {
        return button;
    }

    /** "step n of m" while exporting, then the result: for the window's status line. */
    public Label progress() {
        return progress;
    }

    /** The notes dialog, then the folder chooser, then the export (Ctrl+E and the button). */
    public void ask() {
        if (model.runningProperty().get() || button.getScene() == null) {
            return;
        }
        TextArea notes = new TextArea(model.notesProperty().get());
        notes.setId("report-notes");
        notes.setWrapText(true);
        notes.setPrefRowCount(12);
        notes.setPromptText("What metrics did you track, and why? How does monitoring help find problems in an ML "
                + "system? What went wrong on the way, and how did you fix it?");
        Label intro = new Label("What I tracked and why: this text goes into the report as you write it. Then "
                + "pick a folder (Ctrl+Enter): the report goes into a new folder inside it.");
        intro.setWrapText(true);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(button.getScene().getWindow());
        dialog.setTitle("Export report");
        ButtonType choose = new ButtonType("Choose folder…", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(choose, ButtonType.CANCEL);
        VBox content = new VBox(8, intro, notes);
        content.setPrefWidth(620);
        dialog.getDialogPane().setContent(content);
        // Enter makes a new line in the notes; Ctrl+Enter goes on, as it runs a query on the PromQL tab.
        notes.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && e.isShortcutDown()) {
                e.consume();
                ((Button) dialog.getDialogPane().lookupButton(choose)).fire();
            }
        });
        Platform.runLater(notes::requestFocus);
        if (dialog.showAndWait().orElse(ButtonType.CANCEL) != choose) {
            return;
        }
        model.notesProperty().set(notes.getText());
        String preset = System.getProperty(PRESET_FOLDER, "");
        if (!preset.isBlank()) {
            exportTo(Path.of(preset));
            return;
        }
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Folder for the report");
        File start = (lastParent != null ? lastParent : Path.of(System.getProperty("user.home"))).toFile();
        if (start.isDirectory()) {
            chooser.setInitialDirectory(start);
        }
        File folder = chooser.showDialog(button.getScene().getWindow());
        if (folder != null) {
            lastParent = folder.toPath();
            exportTo(folder.toPath());
        }
    }

    /**
     * Photographs each tab, puts back the tab that was shown, and has the model write the report into a new
     * folder inside {@code parent}. Completes with the report's folder; null when an export was already running.
     */
    public CompletableFuture<Path> exportTo(Path parent) {
        if (!model.begin()) {
            return CompletableFuture.completedFuture(null);
        }
        Scene scene = button.getScene() != null ? button.getScene() : tabs.getScene();
        Tab before = tabs.getSelectionModel().getSelectedItem();
        List<TabShot> todo = shots.get();
        List<ReportModel.Shot> taken = new ArrayList<>();
        CompletableFuture<Path> done = new CompletableFuture<>();
        takeNext(scene, todo, taken, () -> {
            tabs.getSelectionModel().select(before);
            model.export(parent, taken).whenComplete((folder, e) -> {
                if (e != null) {
                    done.completeExceptionally(e);
                } else {
                    done.complete(folder);
                }
            });
        }, done);
        return done;
    }

    private void takeNext(Scene scene, List<TabShot> todo, List<ReportModel.Shot> taken, Runnable then,
                          CompletableFuture<Path> done) {
        if (taken.size() == todo.size()) {
            then.run();
            return;
        }
        TabShot shot = todo.get(taken.size());
        tabs.getSelectionModel().select(shot.tab());
        // Two pulses: the tab's content is laid out in the first, and charts that draw on a pulse have drawn by
        // the second.
        afterPulses(scene, 2, () -> {
            try {
                // The export's own progress is not part of what the student hands in: hidden for the picture only,
                // within this one FX call, so the window never shows it gone.
                progress.setVisible(false);
                ChartPng.Pixels pixels;
                try {
                    pixels = SaveChart.capture(scene.getRoot());
                } finally {
                    progress.setVisible(true);
                }
                taken.add(new ReportModel.Shot(shot.picture(), pixels));
            } catch (RuntimeException e) {
                model.fail("Could not take the picture of the " + shot.tab().getText() + " tab: " + e.getMessage());
                done.completeExceptionally(e);
                return;
            }
            takeNext(scene, todo, taken, then, done);
        });
    }

    private static void afterPulses(Scene scene, int pulses, Runnable action) {
        int[] left = {pulses};
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            if (--left[0] == 0) {
                scene.removePostLayoutPulseListener(listener[0]);
                Platform.runLater(action); // not inside the pulse: a snapshot there would nest a layout pass
            } else {
                Platform.requestNextPulse();
            }
        };
        scene.addPostLayoutPulseListener(listener[0]);
        Platform.requestNextPulse();
    }
}
