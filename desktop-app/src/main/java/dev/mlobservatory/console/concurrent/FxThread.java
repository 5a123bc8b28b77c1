package dev.mlobservatory.console.concurrent;

import javafx.application.Platform;

/**
 * Where presentation models publish state. The application passes {@link #javafx()}; model tests pass
 * {@link #direct()} so they run without an FX toolkit.
 */
@FunctionalInterface
public interface FxThread {

    void run(Runnable action);

    /** Runs on the JavaFX application thread (right away when already on it). */
    static FxThread javafx() {
        return action -> {
            if (Platform.isFxApplicationThread()) {
                action.run();
            } else {
                Platform.runLater(action);
            }
        };
    }

    /** Runs on the calling thread: for tests of models without a toolkit. */
    static FxThread direct() {
        return Runnable::run;
    }
}
