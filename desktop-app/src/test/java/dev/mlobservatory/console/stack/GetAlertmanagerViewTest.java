package dev.mlobservatory.console.stack;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.Styles;
import dev.mlobservatory.console.concurrent.AppExecutor;
import dev.mlobservatory.console.concurrent.FxThread;
import dev.mlobservatory.console.install.DownloadClient;
import dev.mlobservatory.console.install.GetPrometheusModel;
import dev.mlobservatory.console.install.GetReleaseModel;
import dev.mlobservatory.console.install.Tool;
import dev.mlobservatory.console.install.ToolsFolder;
import dev.mlobservatory.console.prom.PrometheusClient;
import dev.mlobservatory.console.testing.LiveStack;
import dev.mlobservatory.console.testing.OnFx;
import dev.mlobservatory.console.testing.ReleaseMirror;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Stack tab's Get Alertmanager button while no Alertmanager is found: a failure and a Cancel shown as state, then
 * a download that ends with the button withdrawn once the install is found, its outcome still on screen.
 */
@ExtendWith(ApplicationExtension.class)
class GetAlertmanagerViewTest {

    @TempDir
    static Path home;
    private final ScheduledExecutorService executor = AppExecutor.create();
    private final OkHttpClient http = PrometheusClient.defaultHttp();
    private ReleaseMirror mirror;
    private ToolsFolder tools;
    private GetReleaseModel getAlertmanager;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        mirror = new ReleaseMirror(Tool.ALERTMANAGER);
        StackLog log = new StackLog(FxThread.javafx());
        tools = ToolsFolder.of(home);
        StackSetup setup = new StackSetup(executor, FxThread.javafx(), StackFiles.locate(home), log, tools);
        StackModel stack = new StackModel(executor, FxThread.javafx(), new ChildProcesses(home), home, http, setup,
                log);
        GetPrometheusModel getPrometheus = new GetPrometheusModel(executor, FxThread.javafx(),
                DownloadClient.of(http, Map.of()), tools, mirror::url, setup::probe);
        // As the console wires it until the Environment knows Alertmanager: found means downloaded.
        getAlertmanager = new GetReleaseModel(Tool.ALERTMANAGER, executor, FxThread.javafx(),
                DownloadClient.of(http, Map.of()), tools, mirror::url,
                () -> getAlertmanager.foundProperty().set(!tools.installedAlertmanagers().isEmpty()));
        getAlertmanager.foundProperty().set(false);
        SetupView view = new SetupView(stack, getPrometheus, new Diagnostics(stack, null, "test"));
        view.setGetAlertmanager(getAlertmanager);
        stage.setScene(new Scene(view, 1200, 800));
        stage.show();
    }

    @AfterEach
    void stop() {
        getAlertmanager.close();
        AppExecutor.shutdown(executor);
        mirror.close();
    }

    private static boolean visible(FxRobot robot, String id) {
        return OnFx.read(() -> {
            // Shown means shown on screen: the node and every parent up to the scene.
            for (Node n = robot.lookup(id).query(); n != null; n = n.getParent()) {
                if (!n.isVisible()) {
                    return false;
                }
            }
            return true;
        });
    }

    private static boolean focused(FxRobot robot, String id) {
        return OnFx.read(() -> robot.lookup(id).query().isFocused());
    }

    private static String text(FxRobot robot, String id) {
        return OnFx.read(() -> robot.lookup(id).queryAs(Labeled.class).getText());
    }

    @Test
    void failureThenCancelThenAnInstallThatWithdrawsTheButton(FxRobot robot) throws Exception {
        assertThat(visible(robot, "#stack-get-alertmanager")).isTrue();
        assertThat(text(robot, "#stack-get-alertmanager")).isEqualTo("Get Alertmanager 0.33");
        assertThat(visible(robot, "#stack-get-alertmanager-progress")).isFalse();
        assertThat(visible(robot, "#stack-get-alertmanager-status")).isFalse();

        mirror.mode(ReleaseMirror.Mode.HTML);
        robot.clickOn("#stack-get-alertmanager");
        LiveStack.await("the failure shown", 60, () -> OnFx.read(() -> getAlertmanager.failedProperty().get()));
        assertThat(text(robot, "#stack-get-alertmanager-status"))
                .startsWith(mirror.url() + " is not an Alertmanager release mirror");
        assertThat(OnFx.read(() -> robot.lookup("#stack-get-alertmanager-status").query().getStyleClass()))
                .contains(Styles.DANGER);
        assertThat(visible(robot, "#stack-get-alertmanager")).as("offered again").isTrue();

        mirror.mode(ReleaseMirror.Mode.STALLED);
        robot.clickOn("#stack-get-alertmanager");
        LiveStack.await("the download under way", 60,
                () -> text(robot, "#stack-get-alertmanager-status").startsWith("Downloading: "));
        assertThat(visible(robot, "#stack-get-alertmanager-progress")).isTrue();
        assertThat(text(robot, "#stack-get-alertmanager-name")).as("what the bar is for")
                .isEqualTo("Alertmanager 0.33.1");
        assertThat(visible(robot, "#stack-get-alertmanager")).as("no second download").isFalse();
        assertThat(focused(robot, "#stack-get-alertmanager-cancel")).as("the clicked button's focus, kept near")
                .isTrue();
        robot.clickOn("#stack-get-alertmanager-cancel");
        LiveStack.await("the cancel shown", 60,
                () -> text(robot, "#stack-get-alertmanager-status").equals("Cancelled; nothing was installed."));
        assertThat(visible(robot, "#stack-get-alertmanager-cancel")).isFalse();
        assertThat(visible(robot, "#stack-get-alertmanager-name")).isFalse();
        // Focus back on Get, not on the next field down, which would scroll the tab away from the status.
        assertThat(focused(robot, "#stack-get-alertmanager")).isTrue();
        try (var files = Files.list(tools.dir())) {
            assertThat(files).isEmpty();
        }

        mirror.mode(ReleaseMirror.Mode.NORMAL);
        robot.clickOn("#stack-get-alertmanager");
        Path dir = home.resolve("tools/alertmanager-0.33.1").toAbsolutePath();
        LiveStack.await("the install found", 60, () -> OnFx.read(() -> getAlertmanager.foundProperty().get()));
        assertThat(text(robot, "#stack-get-alertmanager-status"))
                .isEqualTo("Alertmanager 0.33.1 installed in " + dir + " (checksum verified).");
        assertThat(visible(robot, "#stack-get-alertmanager")).as("nothing left to get").isFalse();
        assertThat(visible(robot, "#stack-get-alertmanager-status")).as("the outcome stays").isTrue();
        assertThat(dir.resolve("alertmanager")).isExecutable();
        assertThat(stage.isShowing()).isTrue();
    }
}
