package dev.mlobservatory.console.ui;

import atlantafx.base.theme.Styles;
import java.io.File;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.transform.Transform;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * "Save PNG" for any chart: a button and a right-click menu entry that ask where (a file chooser, named after the
 * chart and the time), photograph the chart and hand the picture to a {@link ChartSaver}; and the line that says
 * how it went.
 */
public final class SaveChart {

    static final String BUTTON_TEXT = "Save PNG…";

    private SaveChart() {
    }

    /** A "Save PNG…" button for {@code chart}; {@code title} names the file. */
    public static Button button(Node chart, Supplier<String> title, ChartSaver saver) {
        Button save = new Button(BUTTON_TEXT);
        save.setTooltip(new Tooltip("Save this chart as a PNG image, e.g. for a slide or a report"));
        save.setOnAction(e -> ask(chart, title.get(), saver));
        return save;
    }

    /** Right-click on {@code chart} offers "Save chart as PNG…". */
    public static void contextMenu(Node chart, Supplier<String> title, ChartSaver saver) {
        MenuItem item = new MenuItem("Save chart as PNG…");
        item.setOnAction(e -> ask(chart, title.get(), saver));
        ContextMenu menu = new ContextMenu(item);
        chart.setOnContextMenuRequested(e -> {
            menu.show(chart, e.getScreenX(), e.getScreenY());
            e.consume();
        });
    }

    /**
     * {@code chart} with a small "Save PNG…" button over its top-right corner and the right-click entry: for a tab of
     * several charts, each with its own button.
     */
    public static StackPane overlay(Region chart, String title, ChartSaver saver) {
        Button save = button(chart, () -> title, saver);
        save.getStyleClass().addAll(Styles.SMALL, Styles.BUTTON_OUTLINED);
        // As tall as the chart's title line, so it sits beside the title and not over the newest data.
        save.setStyle("-fx-font-size: 0.8em; -fx-padding: 0 6 0 6;");
        save.setId(chart.getId() == null ? null : chart.getId() + "-save-png");
        contextMenu(chart, () -> title, saver);
        StackPane cell = new StackPane(chart, save);
        StackPane.setAlignment(save, Pos.TOP_RIGHT);
        StackPane.setMargin(save, new Insets(2, 4, 0, 0));
        cell.setMinSize(0, 0); // as small as the chart may be
        return cell;
    }

    /** The saver's message: muted after a save, red when it failed, absent before the first. */
    public static Label status(ChartSaver saver) {
        Label status = new Label();
        status.getStyleClass().add(Styles.TEXT_SMALL);
        status.setWrapText(true);
        status.textProperty().bind(saver.messageProperty());
        status.visibleProperty().bind(saver.messageProperty().isNotEmpty());
        status.managedProperty().bind(status.visibleProperty());
        Runnable style = () -> {
            status.getStyleClass().removeAll(Styles.DANGER, Styles.TEXT_MUTED);
            status.getStyleClass().add(saver.failedProperty().get() ? Styles.DANGER : Styles.TEXT_MUTED);
        };
        saver.failedProperty().addListener((obs, old, now) -> style.run());
        style.run();
        return status;
    }

    /** Asks where to save (the last folder, a name from the title and the time), then saves there. FX thread. */
    static void ask(Node chart, String title, ChartSaver saver) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save chart as PNG");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        chooser.setInitialDirectory(saver.folder().toFile());
        chooser.setInitialFileName(ChartPng.fileName(title, LocalDateTime.now()));
        Window owner = chart.getScene() == null ? null : chart.getScene().getWindow();
        File chosen = chooser.showSaveDialog(owner);
        if (chosen == null) {
            return; // cancelled
        }
        Path target = chosen.getName().toLowerCase(java.util.Locale.ROOT).endsWith(".png")
                ? chosen.toPath() : chosen.toPath().resolveSibling(chosen.getName() + ".png");
        saveTo(chart, target, saver);
    }

    /** Photographs {@code chart} now and has {@code saver} write it to {@code target}. FX thread. */
    public static CompletableFuture<Void> saveTo(Node chart, Path target, ChartSaver saver) {
        ChartPng.Pixels pixels;
        try {
            pixels = capture(chart);
        } catch (IllegalArgumentException e) {
            saver.fail("Could not save the chart: it is not on screen.");
            return CompletableFuture.completedFuture(null);
        }
        return saver.save(pixels, target);
    }

    /**
     * The pixels of {@code node} as drawn now, on its background colour (ChartFX draws on a transparent canvas, a
     * PNG viewer would show white or a checkerboard behind dark-theme text), at the screen's scale. FX thread.
     */
    public static ChartPng.Pixels capture(Node node) {
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(backgroundOf(node));
        Window window = node.getScene() == null ? null : node.getScene().getWindow();
        double scale = window == null ? 1 : Math.max(1, window.getOutputScaleX());
        if (scale != 1) {
            params.setTransform(Transform.scale(scale, scale)); // a HiDPI screen's sharpness, not half of it
        }
        WritableImage image = node.snapshot(params, null);
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[Math.max(0, w * h)];
        if (w > 0 && h > 0) {
            image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        }
        return new ChartPng.Pixels(w, h, argb);
    }

    /** The first opaque background colour from {@code node} up through its parents; white when there is none. */
    static Color backgroundOf(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof Region r && r.getBackground() != null) {
                for (BackgroundFill fill : r.getBackground().getFills()) {
                    if (fill.getFill() instanceof Color c && c.getOpacity() == 1) {
                        return c;
                    }
                }
            }
            if (n instanceof Parent && n.getParent() == null && n.getScene() != null
                    && n.getScene().getFill() instanceof Color c && c.getOpacity() == 1) {
                return c;
            }
        }
        return Color.WHITE;
    }
}
