package dev.mlobservatory.console.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlobservatory.console.concurrent.AppExecutor;
import dev.mlobservatory.console.concurrent.FxThread;
import dev.mlobservatory.console.prom.PrometheusClient;
import dev.mlobservatory.console.stack.Ports;
import dev.mlobservatory.console.targets.TargetsModel;
import dev.mlobservatory.console.targets.TargetsView;
import dev.mlobservatory.console.testing.OnFx;
import java.util.concurrent.ScheduledExecutorService;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Without a Prometheus, or with one that does not answer, both tables say so in place of rows. */
@ExtendWith(ApplicationExtension.class)
class PlaceholderViewTest {

    private final ScheduledExecutorService executor = AppExecutor.create();
    private final SimpleObjectProperty<PrometheusClient> prometheus = new SimpleObjectProperty<>(null);
    private AlertsModel alerts;
    private TargetsModel targets;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        alerts = new AlertsModel(executor, FxThread.javafx(), prometheus);
        targets = new TargetsModel(executor, FxThread.javafx(), prometheus);
        Scene scene = new Scene(new VBox(new AlertsView(alerts), new TargetsView(targets)), 1000, 700);
        dev.mlobservatory.console.ui.Theme.apply(scene, false, false); // as the app styles it
        stage.setScene(scene);
        stage.sizeToScene(); // the primary stage is shared: a test that resized it must not resize this one
        stage.show();
    }

    @AfterEach
    void stop() {
        AppExecutor.shutdown(executor);
    }

    /** The table's placeholder text, read on the FX thread (the table is the FX thread's). */
    private static String placeholder(FxRobot robot, String table) {
        return OnFx.read(() -> {
            TableView<?> view = robot.lookup("#" + table).queryAs(TableView.class);
            Label label = (Label) view.getPlaceholder();
            return label.isVisible() && label.getScene() != null ? label.getText() : null;
        });
    }

    @Test
    void noPrometheusSaysHowToGetOne(FxRobot robot) {
        alerts.refresh();
        targets.refresh();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(placeholder(robot, "alerts-table"))
                .isEqualTo("Prometheus is not running: press ▶ Start stack (top left) to see alert rules.");
        assertThat(placeholder(robot, "targets-table"))
                .isEqualTo("Prometheus is not running: press ▶ Start stack (top left) to see its scrape targets.");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("0/0 up").tryQuery()).isPresent();
    }

    @Test
    void anUnreachablePrometheusIsNamed(FxRobot robot) {
        String nobody = "http://127.0.0.1:" + Ports.any();
        prometheus.set(new PrometheusClient(nobody, PrometheusClient.defaultHttp()));
        alerts.refresh();
        targets.refresh();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(placeholder(robot, "alerts-table"))
                .startsWith("Prometheus at " + nobody + " is not reachable (connection refused)");
        assertThat(placeholder(robot, "targets-table"))
                .startsWith("Prometheus at " + nobody + " is not reachable (connection refused)");
    }
}
