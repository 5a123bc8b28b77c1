package dev.mlobservatory.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlobservatory.api.testing.Tools;
import dev.mlobservatory.console.testing.LiveStack;
import dev.mlobservatory.console.testing.OnFx;
import java.util.List;
import javafx.application.Application;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The whole console, headless on Monocle, as a student uses it: start the stack, fire traffic, burst, then close
 * the window — after which no process it started may be alive.
 */
class ConsoleAppTest {

    private final FxRobot robot = new FxRobot();
    private Application app;

    @BeforeEach
    void open() throws Exception {
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(ConsoleApp.class);
    }

    @AfterEach
    void close() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
    }

    private String text(String id) {
        return OnFx.read(() -> robot.lookup(id).queryAs(Labeled.class).getText());
    }

    private boolean visible(String id) {
        return OnFx.read(() -> robot.lookup(id).query().isVisible());
    }

    private void awaitText(String id, String contains, int seconds) throws InterruptedException {
        LiveStack.await(id + " to say '" + contains + "'", seconds, () -> {
            try {
                return text(id).contains(contains);
            } catch (Exception e) {
                return false;
            }
        });
    }

    private void selectTab(String id) {
        OnFx.read(() -> {
            TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
            tabs.getSelectionModel().select(tabs.getTabs().stream()
                    .filter(t -> id.equals(t.getId())).findFirst().orElseThrow());
            return null;
        });
    }

    @Test
    void startTrafficBurstAndCloseLeavesNothingRunning() throws Exception {
        Tools.require("prometheus");
        LiveStack.await("the environment probe", 30, () -> OnFx.read(() -> !robot.lookup("#stack-start").queryButton().isDisabled()));

        robot.clickOn("#stack-start");
        awaitText("#chip-api", "API up", 60);
        awaitText("#chip-prometheus", "targets 3/3 up", 60);
        List<ProcessHandle> children = ProcessHandle.current().children()
                .filter(p -> p.info().command().orElse("").endsWith("prometheus")).toList();
        assertThat(children).hasSize(1);

        // Alerts tab → Open in PromQL: the rule's expression lands in the PromQL editor, runs, and that tab shows.
        selectTab("tab-alerts");
        // Until a rule is picked the pane shows the first row's; with the stack just up every rule is inactive.
        awaitText("#alert-detail-expression", " ", 30);
        String expression = text("#alert-detail-expression");
        OnFx.read(() -> {
            robot.lookup("#alert-detail-open").queryButton().fire();
            return null;
        });
        assertThat(OnFx.read(() -> robot.lookup(".tab-pane").queryAs(TabPane.class).getSelectionModel()
                .getSelectedItem().getId())).isEqualTo("tab-promql");
        assertThat(OnFx.read(() -> robot.lookup("#query-editor").queryAs(TextInputControl.class).getText()))
                .isEqualTo(expression).isNotBlank();

        // Alerts tab → Explain: the same expression, explained over the PromQL tab's result; a query run shows its own
        // result again.
        selectTab("tab-alerts");
        OnFx.read(() -> {
            robot.lookup("#alert-detail-explain").queryButton().fire();
            return null;
        });
        assertThat(OnFx.read(() -> robot.lookup(".tab-pane").queryAs(TabPane.class).getSelectionModel()
                .getSelectedItem().getId())).isEqualTo("tab-promql");
        assertThat(visible("#explain-view")).isTrue();
        awaitText("#explain-message", " ", 10);
        OnFx.read(() -> {
            robot.lookup("#query-run").queryButton().fire();
            return null;
        });
        assertThat(visible("#explain-view")).isFalse();

        robot.clickOn("#traffic-start");
        LiveStack.await("requests sent", 20, () -> {
            try {
                return Long.parseLong(text("#readout-sent")) > 20;
            } catch (Exception e) {
                return false;
            }
        });
        robot.clickOn("#traffic-burst");
        awaitText("#traffic-burst", "BURSTING", 5);
        assertThat(text("#status-line")).startsWith("Running. Local: API on 127.0.0.1:");

        // The Chaos panel's Kill API / Restart API: the API chip follows.
        robot.clickOn("#chaos-kill");
        awaitText("#chip-api", "API down", 15);
        robot.clickOn("#chaos-restart");
        awaitText("#chip-api", "API up", 15);

        // Prometheus killed behind the console's back: the status line says how it ended, one click restarts it.
        children.get(0).destroyForcibly();
        awaitText("#status-line", "exited with code 137", 30);
        LiveStack.await("the Restart Prometheus button", 10, () -> visible("#stack-restart-prometheus"));
        robot.clickOn("#stack-restart-prometheus");
        awaitText("#chip-prometheus", "targets 3/3 up", 60);
        LiveStack.await("the button gone again", 10, () -> !visible("#stack-restart-prometheus"));

        FxToolkit.cleanupApplication(app); // what closing the window does: ConsoleApp.stop()
        app = null;

        assertThat(children.get(0).isAlive()).isFalse();
        assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().orElse("").endsWith("prometheus"))).isEmpty();
    }

    @Test
    void theMissingPrometheusBannerIsHiddenWhenPrometheusIsInstalled() throws Exception {
        Tools.require("prometheus");
        LiveStack.await("the environment probe", 30, () -> OnFx.read(() -> !robot.lookup("#stack-start").queryButton().isDisabled()));

        assertThat(OnFx.read(() -> robot.lookup("#missing-prometheus-banner").queryAs(Label.class).isVisible())).isFalse();
        assertThat(OnFx.read(() -> robot.lookup("#open-grafana").queryButton().isDisabled())).isTrue();
    }
}
