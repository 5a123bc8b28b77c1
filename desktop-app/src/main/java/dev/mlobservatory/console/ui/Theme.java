package dev.mlobservatory.console.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Scene;

/** Light or dark AtlantaFX theme, the console's own stylesheet, and presenter mode (larger type for a projector). */
public final class Theme {

    private static final String CSS = Objects.requireNonNull(Theme.class.getResource("console.css")).toExternalForm();

    private Theme() {
    }

    public static void apply(Scene scene, boolean dark, boolean presenter) {
        Application.setUserAgentStylesheet(dark
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        if (!scene.getStylesheets().contains(CSS)) {
            scene.getStylesheets().add(CSS);
        }
        scene.getRoot().getStyleClass().remove("presenter");
        if (presenter) {
            scene.getRoot().getStyleClass().add("presenter");
        }
    }
}
