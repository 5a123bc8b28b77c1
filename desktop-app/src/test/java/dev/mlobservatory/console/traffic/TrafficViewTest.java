package dev.mlobservatory.console.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlobservatory.console.concurrent.AppExecutor;
import dev.mlobservatory.console.concurrent.FxThread;
import dev.mlobservatory.console.testing.OnFx;
import dev.mlobservatory.console.ui.Theme;
import java.util.concurrent.ScheduledExecutorService;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The traffic panel shows the rate the engine is asked for, whole: with "Stop traffic" beside it the rate field was
 * squeezed until "100" read "10" while 100 req/s ran (--traffic 100).
 */
@ExtendWith(ApplicationExtension.class)
class TrafficViewTest {

    private final ScheduledExecutorService executor = AppExecutor.create();
    private TrafficModel model;
    private Scene scene;

    @Start
    void start(Stage stage) {
        model = new TrafficModel(executor, FxThread.javafx(), new SimpleStringProperty(null));
        // Laid out as the window lays it out: the side panel at its preferred width, beside the tabs.
        ScrollPane side = new ScrollPane(new TrafficView(model));
        side.setFitToWidth(true);
        side.getStyleClass().addAll("traffic-side", "side-panel");
        Scene scene = new Scene(new BorderPane(new Label("tabs"), null, null, null, side), 1366, 768);
        Theme.apply(scene, false, false);
        this.scene = scene;
        stage.setScene(scene);
        stage.sizeToScene();
        stage.show();
    }

    @AfterEach
    void stop() {
        AppExecutor.shutdown(executor);
    }

    @ParameterizedTest(name = "presenter {0}")
    @ValueSource(booleans = {false, true})
    void theWidestRateShowsWholeInTheSpinner(boolean presenter, FxRobot robot) {
        robot.interact(() -> {
            Theme.apply(scene, false, presenter);
            model.rateProperty().set(TrafficModel.MAX_UI_RATE); // "5000", set from outside as --traffic does
        });

        double[] room = OnFx.read(() -> {
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            Spinner<?> rate = robot.lookup("#traffic-rate").queryAs(Spinner.class);
            TextField editor = rate.getEditor();
            Text text = (Text) editor.lookup(".text");
            assertThat(editor.getText()).isEqualTo("5000");
            assertThat(text.getText()).isEqualTo("5000");
            Insets pad = editor.getInsets();
            return new double[] {text.getLayoutBounds().getWidth(), editor.getWidth() - pad.getLeft() - pad.getRight()};
        });
        assertThat(room[0]).as("the text's width within the field's (%s)", room[1]).isLessThanOrEqualTo(room[1]);
    }
}
