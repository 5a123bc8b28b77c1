package dev.mlobservatory.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlobservatory.console.concurrent.FxThread;
import dev.mlobservatory.console.testing.OnFx;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxToolkit;

/**
 * Presenter mode on the projectors a class has (1366×768 and 1440×900): every control of the side panel is in
 * sight without scrolling, and F5 on and off leaves the toolbar where it was, so a click lands where the mouse is.
 */
class PresenterLayoutTest {

    @TempDir
    Path home;
    private Console console;
    private Stage stage;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() {
        OnFx.read(() -> {
            if (stage != null) {
                stage.close();
            }
            if (console != null) {
                console.close();
            }
            return null;
        }, 60);
    }

    private Scene open(double width, double height, boolean presenter) {
        return OnFx.read(() -> {
            console = new Console(home, FxThread.javafx());
            ConsoleWindow window = new ConsoleWindow(console, url -> { }, false, presenter);
            Scene scene = new Scene(window.root(), width, height);
            window.attach(scene);
            stage = new Stage();
            stage.setScene(scene);
            stage.show();
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            return scene;
        }, 60); // the whole console is built here: slow on a busy machine, and only a hang should fail
    }

    @ParameterizedTest(name = "{0}×{1}, presenter {2}")
    @CsvSource({"1366, 768, true", "1440, 900, true", "1366, 768, false", "1440, 900, false"})
    void everySideControlIsInSightWithoutScrolling(double width, double height, boolean presenter) {
        Scene scene = open(width, height, presenter);

        List<String> outOfSight = OnFx.read(() -> {
            ScrollPane side = (ScrollPane) scene.lookup(".side-panel");
            Bounds viewport = side.localToScene(side.getBoundsInLocal());
            List<String> cut = new ArrayList<>();
            for (Node control : controls(side.getContent())) {
                Bounds b = control.localToScene(control.getBoundsInLocal());
                if (b.getMaxY() > viewport.getMaxY() + 0.5 || b.getMaxX() > viewport.getMaxX() + 0.5) {
                    cut.add(describe(control) + " ends at y " + Math.round(b.getMaxY()) + " > " + Math.round(viewport.getMaxY()));
                }
            }
            double content = side.getContent().getLayoutBounds().getHeight();
            if (content > side.getViewportBounds().getHeight() + 0.5) {
                cut.add("the panel is " + Math.round(content) + " px high in a " + Math.round(side.getViewportBounds().getHeight())
                        + " px view: it scrolls");
            }
            return cut;
        });

        assertThat(outOfSight).isEmpty();
    }

    @ParameterizedTest(name = "{0}×{1}, presenter {2}")
    @CsvSource({"1366, 768, true", "1440, 900, true", "1440, 900, false"})
    void noButtonIsCutShortOnAnyTab(double width, double height, boolean presenter) {
        Scene scene = open(width, height, presenter);

        List<String> cut = OnFx.read(() -> {
            List<String> found = new ArrayList<>();
            TabPane main = mainTabs(scene);
            for (Tab tab : main.getTabs()) {
                main.getSelectionModel().select(tab);
                scene.getRoot().applyCss();
                scene.getRoot().layout();
                for (Node n : controls(scene.getRoot())) {
                    if (isShowing(n)) {
                        shortened(n).forEach(text -> found.add(tab.getText() + ": " + describe(n) + " reads '" + text + "'"));
                    }
                }
            }
            return found;
        });

        assertThat(cut).isEmpty();
    }

    @ParameterizedTest(name = "{0}×{1}")
    @CsvSource({"1366, 768", "1440, 900"})
    void presenterOnAndOffLeavesTheToolbarWhereItWas(double width, double height) {
        Scene scene = open(width, height, false);
        double[] before = toolbar(scene);

        OnFx.read(() -> {
            ((ButtonBase) scene.lookup("#toggle-presenter")).fire();
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            ((ButtonBase) scene.lookup("#toggle-presenter")).fire();
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            return null;
        });

        assertThat(toolbar(scene)).containsExactly(before);
    }

    /** The scene x of the mode box's right edge and of Start and Stop. */
    private static double[] toolbar(Scene scene) {
        return OnFx.read(() -> new double[] {
                right(scene.lookup("#stack-mode")), left(scene.lookup("#stack-start")), left(scene.lookup("#stack-stop"))});
    }

    private static double left(Node n) {
        return Math.round(n.localToScene(n.getBoundsInLocal()).getMinX());
    }

    private static double right(Node n) {
        return Math.round(n.localToScene(n.getBoundsInLocal()).getMaxX());
    }

    private static TabPane mainTabs(Scene scene) {
        for (Node n : scene.getRoot().lookupAll(".tab-pane")) {
            TabPane pane = (TabPane) n;
            if (pane.getTabs().stream().anyMatch(t -> "tab-live".equals(t.getId()))) {
                return pane;
            }
        }
        throw new AssertionError("no main tab pane");
    }

    /** The texts a control shows cut short ("Inst…"): its own, or its button cell's for a choice or combo box. */
    private static List<String> shortened(Node control) {
        List<String> cut = new ArrayList<>();
        List<Labeled> labels = new ArrayList<>();
        if (control instanceof Labeled l) {
            labels.add(l);
        } else {
            control.lookupAll(".label").forEach(n -> {
                if (n instanceof Labeled l) {
                    labels.add(l);
                }
            });
        }
        for (Labeled l : labels) {
            if (l.getText() != null && !l.getText().isEmpty() && l.lookup(".text") instanceof Text shown
                    && !shown.getText().equals(l.getText())) {
                cut.add(shown.getText());
            }
        }
        return cut;
    }

    /** Visible all the way up: a control on a tab that is not selected is not shown. */
    private static boolean isShowing(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static List<Node> controls(Node root) {
        List<Node> found = new ArrayList<>();
        if (root instanceof ButtonBase || root instanceof Slider || root instanceof Spinner || root instanceof ChoiceBox
                || root instanceof ComboBox) {
            found.add(root);
        } else if (root instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> found.addAll(controls(c)));
        }
        return found;
    }

    private static String describe(Node n) {
        return n.getId() != null ? "#" + n.getId() : n.getClass().getSimpleName()
                + (n instanceof ButtonBase b ? " '" + b.getText() + "'" : "");
    }
}
