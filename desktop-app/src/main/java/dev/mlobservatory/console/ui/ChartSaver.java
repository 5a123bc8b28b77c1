package dev.mlobservatory.console.ui;

import dev.mlobservatory.console.concurrent.FxThread;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * A tab's "Save PNG": writes a chart's pixels on the executor ({@link ChartPng#write}) and says how it went in a
 * line the tab shows ("Saved …", or why not), and remembers the folder for the next save.
 */
public final class ChartSaver {

    /**
     * The folder of the last PNG saved in this run of the console, shared by every tab: a teacher saving charts for
     * a slide saves them all to one place. Not kept across restarts.
     */
    private static final AtomicReference<Path> LAST_FOLDER = new AtomicReference<>();

    private final Executor executor;
    private final FxThread fx;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(this, "failed");

    public ChartSaver(Executor executor, FxThread fx) {
        this.executor = executor;
        this.fx = fx;
    }

    /** Where the file chooser opens: the last folder saved to, else Pictures in the home folder, else home. */
    public Path folder() {
        Path last = LAST_FOLDER.get();
        if (last != null && Files.isDirectory(last)) {
            return last;
        }
        Path home = Path.of(System.getProperty("user.home"));
        Path pictures = home.resolve("Pictures");
        return Files.isDirectory(pictures) ? pictures : home;
    }

    /**
     * Writes {@code pixels} to {@code target} on the executor; the message says "Saving…", then where it went or
     * why it could not. Call on the FX thread; the future completes after the message is published (tests).
     */
    public CompletableFuture<Void> save(ChartPng.Pixels pixels, Path target) {
        show("Saving " + target.getFileName() + "…", false);
        CompletableFuture<Void> shown = new CompletableFuture<>();
        try {
            executor.execute(() -> write(pixels, target, shown));
        } catch (RejectedExecutionException e) {
            show("Could not save the chart: the console is shutting down.", true);
            shown.complete(null);
        }
        return shown;
    }

    private void write(ChartPng.Pixels pixels, Path target, CompletableFuture<Void> shown) {
        String text;
        boolean failure;
        try {
            ChartPng.write(pixels, target);
            LAST_FOLDER.set(target.toAbsolutePath().getParent());
            text = "Saved " + target.toAbsolutePath();
            failure = false;
        } catch (Exception e) {
            // Whatever went wrong (a full disk, a folder gone, no permission) is the user's to fix: say it.
            text = ChartPng.failure(target, e);
            failure = true;
        }
        String said = text;
        boolean bad = failure;
        fx.run(() -> {
            show(said, bad);
            shown.complete(null);
        });
    }

    private void show(String text, boolean failure) {
        message.set(text);
        failed.set(failure);
    }

    /** Shows {@code text} as a failure, e.g. when there was no picture to take (FX thread). */
    public void fail(String text) {
        show(text, true);
    }

    /** "Saved /home/ana/Pictures/latency-….png", "Could not save the chart: …", or empty before any save. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Whether the message is a failure (shown in red). */
    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }
}
