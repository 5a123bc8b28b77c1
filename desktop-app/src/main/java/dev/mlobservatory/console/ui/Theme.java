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

    /** Below this window height presenter mode uses slightly smaller type: a 1366×768 projector must fit. */
    static final double COMPACT_BELOW_PX = 850;
    private static final String COMPACT = "presenter-compact";

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
        if (!scene.getProperties().containsKey(COMPACT)) {
            scene.getProperties().put(COMPACT, Boolean.TRUE);
            scene.heightProperty().addListener((o, a, h) -> fit(scene));
        }
        fit(scene);
    }

    private static void fit(Scene scene) {
        var classes = scene.getRoot().getStyleClass();
        boolean compact = scene.getHeight() > 0 && scene.getHeight() < COMPACT_BELOW_PX;
        if (compact && !classes.contains(COMPACT)) {
            classes.add(COMPACT);
        } else if (!compact) {
            classes.remove(COMPACT);
        }
    }
}
