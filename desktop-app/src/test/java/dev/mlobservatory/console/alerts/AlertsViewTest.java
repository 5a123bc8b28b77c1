package dev.mlobservatory.console.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlobservatory.console.concurrent.AppExecutor;
import dev.mlobservatory.console.concurrent.FxThread;
import dev.mlobservatory.console.prom.PrometheusClient;
import dev.mlobservatory.console.targets.TargetsModel;
import dev.mlobservatory.console.targets.TargetsView;
import dev.mlobservatory.console.testing.LiveStack;
import dev.mlobservatory.console.testing.OnFx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ScheduledExecutorService;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.PseudoClass;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableRow;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Alerts and Targets tabs on screen (headless Monocle) against the real prometheus: rows with their chips,
 * then the API killed: APIDown's chip turns "pending", its row lights up, the timeline says so, ml-api goes "down".
 */
@ExtendWith(ApplicationExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AlertsViewTest {

    private static final PseudoClass CHANGED = PseudoClass.getPseudoClass("changed");
    private static LiveStack stack;
    private static ScheduledExecutorService executor;

    private Stage stage;
    private AlertsModel alerts;
    private TargetsModel targets;

    @BeforeAll
    static void startStack() throws Exception {
        stack = LiveStack.start();
        executor = AppExecutor.create();
    }

    @AfterAll
    static void stopStack() {
        if (executor != null) {
            AppExecutor.shutdown(executor);
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        SimpleObjectProperty<PrometheusClient> prometheus = new SimpleObjectProperty<>(stack.client);
        alerts = new AlertsModel(executor, FxThread.javafx(), prometheus, Duration.ofMillis(300));
        targets = new TargetsModel(executor, FxThread.javafx(), prometheus, Duration.ofMillis(300));
        // Within Monocle's 1280x800 headless screen: a larger window fails to paint (BufferOverflowException).
        Scene scene = new Scene(new VBox(new AlertsView(alerts), new TargetsView(targets)), 1200, 780);
        dev.mlobservatory.console.ui.Theme.apply(scene, false, false); // as the app styles it
        stage.setScene(scene);
        stage.show();
        alerts.start();
        targets.start();
    }

    @AfterEach
    void stopModels() {
        alerts.stop();
        targets.stop();
    }

    private static <T> T fx(Callable<T> what) {
        return OnFx.read(what);
    }

    /** The row of {@code table} whose item's toString starts with {@code name}, on the FX thread. */
    private static TableRow<?> row(FxRobot robot, String table, String name) {
        return robot.lookup("#" + table + " .table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(r -> r.getItem() != null && r.getItem().toString().startsWith(name + " "))
                .findFirst().orElse(null);
    }

    private static String chip(FxRobot robot, String table, String name) {
        return fx(() -> {
            TableRow<?> row = row(robot, table, name);
            Node chip = row == null ? null : row.lookup(".state-chip");
            return chip instanceof Label label && label.isVisible() ? label.getText() : null;
        });
    }

    @Test
    @Order(1)
    void rulesAndTargetsShowAsRowsWithChips(FxRobot robot) throws Exception {
        LiveStack.await("HighErrorRate's chip", 30, () -> "inactive".equals(chip(robot, "alerts-table", "HighErrorRate")));
        LiveStack.await("ml-api's chip", 30, () -> "up".equals(chip(robot, "targets-table", "ml-api")));

        assertThat(chip(robot, "alerts-table", "APIDown")).isEqualTo("inactive");
        assertThat(chip(robot, "alerts-table", "HighLatency")).isEqualTo("inactive");
        assertThat(fx(() -> row(robot, "alerts-table", "HighErrorRate").lookup(".state-chip").getStyleClass()))
                .contains("state-chip", "inactive");
        LiveStack.await("both targets up", 30, () -> "up".equals(chip(robot, "targets-table", "prometheus"))
                && fx(() -> robot.lookup("2/2 up").tryQuery().isPresent()));
        assertThat(fx(() -> robot.lookup("0 firing").tryQuery().isPresent())).isTrue();
    }

    @Test
    @Order(2)
    void theApiKilledLightsUpApiDownAndTheTimeline(FxRobot robot) throws Exception {
        LiveStack.await("rules on screen", 30, () -> chip(robot, "alerts-table", "APIDown") != null);

        stack.api.server.close();

        LiveStack.await("APIDown's chip pending", 60, () -> "pending".equals(chip(robot, "alerts-table", "APIDown")));
        assertThat(fx(() -> row(robot, "alerts-table", "APIDown").getPseudoClassStates())).contains(CHANGED);
        LiveStack.await("the timeline line", 10, () -> fx(() -> robot.lookup("#alerts-timeline .list-cell")
                .queryAllAs(ListCell.class).stream()
                .anyMatch(c -> c.getText() != null && c.getText().endsWith("APIDown  inactive → pending"))));
        LiveStack.await("ml-api down", 30, () -> "down".equals(chip(robot, "targets-table", "ml-api")));
        assertThat(fx(() -> robot.lookup("1/2 up").tryQuery().isPresent())).isTrue();
        assertThat(fx(() -> robot.lookup("1 pending").tryQuery().isPresent()
                || robot.lookup("2 pending").tryQuery().isPresent())).isTrue();

        // A picture of the tabs mid-demo, for a human to look at (not compared).
        Path png = Path.of("target", "alerts-view.png");
        Files.createDirectories(png.getParent());
        ImageIO.write(SwingFXUtils.fromFXImage(fx(() -> stage.getScene().snapshot(null)), null), "png", png.toFile());
    }
}
