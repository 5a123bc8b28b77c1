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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.ScheduledExecutorService;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.PseudoClass;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;
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
 * The Alerts and Targets tabs on screen (headless Monocle) against the real prometheus: rows with their chips, the
 * selected rule's detail pane and its "Open in PromQL", the timeline kept at its newest entry unless the user
 * scrolled away, then the API killed: APIDown's chip turns "pending", its row lights up, the timeline says so,
 * ml-api goes "down".
 */
@ExtendWith(ApplicationExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AlertsViewTest {

    private static final PseudoClass CHANGED = PseudoClass.getPseudoClass("changed");
    private static LiveStack stack;
    private static ScheduledExecutorService executor;

    private static final String FLOWER =
            "{\"sepal_length\":5.1,\"sepal_width\":3.5,\"petal_length\":1.4,\"petal_width\":0.2}";

    private Stage stage;
    private AlertsView alertsView;
    /** What "Open in PromQL" handed to the window. */
    private final List<String> opened = new CopyOnWriteArrayList<>();
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
        alertsView = new AlertsView(alerts);
        alertsView.setOnOpenInPromQL(opened::add);
        Scene scene = new Scene(new VBox(alertsView, new TargetsView(targets)), 1200, 780);
        dev.mlobservatory.console.ui.Theme.apply(scene, false, false); // as the app styles it
        stage.setScene(scene);
        stage.sizeToScene(); // the primary stage is shared: a test that resized it must not resize this one
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

    private static String text(FxRobot robot, String id) {
        return fx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    @Test
    @Order(2)
    void theSelectedRuleShowsItsExpressionDescriptionAndLiveRatioAndOpensInPromQL(FxRobot robot) throws Exception {
        for (int i = 0; i < 20; i++) {
            stack.api.postJson("/v1/predict", FLOWER);
        }
        LiveStack.await("rules on screen", 30, () -> chip(robot, "alerts-table", "HighErrorRate") != null);
        robot.clickOn(fx(() -> row(robot, "alerts-table", "HighErrorRate")));

        LiveStack.await("HighErrorRate in the detail pane", 10,
                () -> "HighErrorRate".equals(text(robot, "#alert-detail-name")));
        assertThat(text(robot, "#alert-detail-expression"))
                .isEqualTo("sum(rate(ml_predictions_total{status=\"error\"}[5m])) / sum(rate(ml_predictions_total[5m])) > 0.1");
        assertThat(text(robot, "#alert-detail-description")).as("an inactive rule: its template, no placeholder")
                .isEqualTo("When it fires: … of prediction requests failed over the last 5 minutes (threshold 10%).");
        assertThat(text(robot, "#alert-detail-summary")).isEqualTo("High prediction error rate detected");
        // Healthy traffic: both ratios read 0 % once Prometheus has two scrapes of it in each window.
        LiveStack.await("the rule's and the live ratio", 30, () -> "0 %".equals(text(robot, "#alert-detail-rule-value"))
                && "0 %".equals(text(robot, "#alert-detail-live-value")));
        assertThat(text(robot, "#alert-detail-lag-note")).startsWith("The rule averages 5 minutes");
        assertThat(fx(() -> robot.lookup("#alert-detail-comparison").query().isVisible())).isTrue();

        fx(() -> {
            robot.lookup("#alert-detail-open").queryButton().fire();
            return null;
        });
        assertThat(opened).containsExactly(
                "sum(rate(ml_predictions_total{status=\"error\"}[5m])) / sum(rate(ml_predictions_total[5m])) > 0.1");

        // A rule without a live_query has no comparison; its summary names no placeholder either.
        robot.clickOn(fx(() -> row(robot, "alerts-table", "ModelVersionNotAnswering")));
        LiveStack.await("ModelVersionNotAnswering in the detail pane", 10,
                () -> "ModelVersionNotAnswering".equals(text(robot, "#alert-detail-name")));
        assertThat(text(robot, "#alert-detail-summary")).isEqualTo("A model version answers no prediction");
        assertThat(fx(() -> robot.lookup("#alert-detail-comparison").query().isVisible())).isFalse();
    }

    /** The timeline's list flow: which entries are on screen. */
    private static VirtualFlow<?> timelineFlow(FxRobot robot) {
        return (VirtualFlow<?>) robot.lookup("#alerts-timeline .virtual-flow").query();
    }

    private void addTransitions(int from, int count) {
        fx(() -> {
            List<AlertTransition> more = new ArrayList<>();
            for (int i = from; i < from + count; i++) {
                more.add(new AlertTransition(Instant.now(), "Rule" + i, AlertState.INACTIVE, AlertState.PENDING));
            }
            alerts.record(more);
            return null;
        });
    }

    /**
     * True once the list has laid out all its entries (at least {@code atLeast}) and shows entry {@code index}
     * (0 = oldest; -1 = the newest). Counted from the list, not fixed: the live stack behind the model may record a
     * real transition of its own at any time.
     */
    private static boolean laidOutShowing(FxRobot robot, ListView<?> list, int atLeast, int index) {
        return fx(() -> {
            VirtualFlow<?> flow = timelineFlow(robot);
            int size = list.getItems().size();
            int shown = index < 0 ? size - 1 : index;
            return size >= atLeast && flow.getCellCount() == size && flow.getFirstVisibleCell() != null
                    && flow.getFirstVisibleCell().getIndex() <= shown && flow.getLastVisibleCell().getIndex() >= shown;
        });
    }

    @Test
    @Order(3)
    void theTimelineFollowsItsNewestEntryUnlessTheUserScrolledAway(FxRobot robot) throws Exception {
        ListView<?> list = fx(() -> robot.lookup("#alerts-timeline").queryListView());

        addTransitions(0, 60);
        LiveStack.await("the newest of 60 entries on screen", 10, () -> laidOutShowing(robot, list, 60, -1));

        // The user scrolls back to the oldest entries: new ones arrive below, out of sight, and the place is kept.
        fx(() -> {
            list.scrollTo(0);
            return null;
        });
        LiveStack.await("the oldest entry on screen", 10, () -> laidOutShowing(robot, list, 60, 0));
        int before = fx(() -> list.getItems().size());
        addTransitions(60, 5);
        LiveStack.await("5 more entries laid out", 10, () -> laidOutShowing(robot, list, before + 5, 0));
        assertThat(laidOutShowing(robot, list, before + 5, -1)).as("the newest not forced into view").isFalse();

        // Back at the end, the list follows again: the user drags the scroll bar to the bottom (position 1).
        fx(() -> {
            timelineFlow(robot).setPosition(1.0);
            return null;
        });
        LiveStack.await("the end on screen", 10, () -> laidOutShowing(robot, list, before + 5, -1));
        int atEnd = fx(() -> list.getItems().size());
        addTransitions(65, 3);
        LiveStack.await("the newest of 3 more on screen", 10, () -> laidOutShowing(robot, list, atEnd + 3, -1));
    }

    @Test
    @Order(4)
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
