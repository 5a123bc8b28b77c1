package dev.mlobservatory.console.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.Locale;
import java.util.Objects;
import javafx.application.Application;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.scene.Scene;

/**
 * Light or dark AtlantaFX theme, the console's own stylesheet, and presenter mode (larger type for a projector).
 * The root font size is set here, not in the stylesheet, so that what is sized in pixels in code (table columns)
 * can follow it through {@link #fontSize(Scene)}.
 */
public final class Theme {

    private static final String CSS = Objects.requireNonNull(Theme.class.getResource("console.css")).toExternalForm();
    /** The type size everything in em is relative to, and what pixel sizes in code are written for. */
    public static final double NORMAL_PX = 13;
    static final double PRESENTER_PX = 19;
    /** Presenter type in a window under {@link #COMPACT_BELOW_PX} high: a 1366×768 projector must fit. */
    static final double PRESENTER_COMPACT_PX = 17;
    static final double COMPACT_BELOW_PX = 850;
    private static final String STATE = Theme.class.getName();

    private Theme() {
    }

    /** What one scene is showing: presenter mode or not, and the root font size that follows from it. */
    private static final class State {
        boolean presenter;
        final ReadOnlyDoubleWrapper fontSize = new ReadOnlyDoubleWrapper(NORMAL_PX);
    }

    public static void apply(Scene scene, boolean dark, boolean presenter) {
        Application.setUserAgentStylesheet(dark
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        if (!scene.getStylesheets().contains(CSS)) {
            scene.getStylesheets().add(CSS);
        }
        State state = state(scene);
        state.presenter = presenter;
        fit(scene, state);
    }

    /** The scene's root font size in px: 13, or presenter mode's 19 (17 in a low window). */
    public static ReadOnlyDoubleProperty fontSize(Scene scene) {
        return state(scene).fontSize.getReadOnlyProperty();
    }

    private static State state(Scene scene) {
        Object known = scene.getProperties().get(STATE);
        if (known instanceof State s) {
            return s;
        }
        State s = new State();
        scene.getProperties().put(STATE, s);
        scene.heightProperty().addListener((o, a, h) -> fit(scene, s));
        return s;
    }

    private static void fit(Scene scene, State state) {
        double px = !state.presenter ? NORMAL_PX
                : scene.getHeight() > 0 && scene.getHeight() < COMPACT_BELOW_PX ? PRESENTER_COMPACT_PX : PRESENTER_PX;
        var classes = scene.getRoot().getStyleClass();
        classes.remove("presenter");
        if (state.presenter) {
            classes.add("presenter");
        }
        scene.getRoot().setStyle(String.format(Locale.ROOT, "-fx-font-size: %.0fpx;", px));
        state.fontSize.set(px);
    }
}
