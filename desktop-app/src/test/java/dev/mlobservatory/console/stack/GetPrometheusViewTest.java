package dev.mlobservatory.console.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlobservatory.console.concurrent.AppExecutor;
import dev.mlobservatory.console.concurrent.FxThread;
import dev.mlobservatory.console.install.DownloadClient;
import dev.mlobservatory.console.install.GetPrometheusModel;
import dev.mlobservatory.console.install.ToolsFolder;
import dev.mlobservatory.console.prom.PrometheusClient;
import dev.mlobservatory.console.testing.LiveStack;
import dev.mlobservatory.console.testing.OnFx;
import dev.mlobservatory.console.testing.ReleaseMirror;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
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
 * The Stack tab without a usable Prometheus: the Get button is offered, a click shows the download and its outcome,
 * and the next probe names the download as the Prometheus in use.
 */
@ExtendWith(ApplicationExtension.class)
class GetPrometheusViewTest {

    @TempDir
    static Path home;
    private final ScheduledExecutorService executor = AppExecutor.create();
    private final OkHttpClient http = PrometheusClient.defaultHttp();
    private ReleaseMirror mirror;
    private StackSetup setup;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        mirror = new ReleaseMirror();
        StackLog log = new StackLog(FxThread.javafx());
        ToolsFolder tools = ToolsFolder.of(home);
        setup = new StackSetup(executor, FxThread.javafx(), StackFiles.locate(home), log, tools);
        StackModel stack = new StackModel(executor, FxThread.javafx(), new ChildProcesses(home), home, http, setup, log);
        GetPrometheusModel getPrometheus = new GetPrometheusModel(executor, FxThread.javafx(),
                DownloadClient.of(http, Map.of()), tools, mirror::url, setup::probe);
        // A set path that exists but does not run counts as no Prometheus, whatever is on the PATH.
        Path broken = home.resolve("broken-prometheus");
        Files.writeString(broken, "#!/bin/sh\nexit 126\n");
        Files.setPosixFilePermissions(broken, PosixFilePermissions.fromString("rwxr-xr-x"));
        setup.prometheusPathProperty().set(broken.toString());
        stage.setScene(new Scene(new SetupView(stack, getPrometheus, new Diagnostics(stack, null, "test")), 1200, 800));
        stage.show();
        setup.probe();
    }

    @AfterEach
    void stop() {
        AppExecutor.shutdown(executor);
        mirror.close();
    }

    private static boolean visible(FxRobot robot, String id) {
        return OnFx.read(() -> robot.lookup(id).query().isVisible());
    }

    private static String text(FxRobot robot, String id) {
        return OnFx.read(() -> robot.lookup(id).queryAs(Labeled.class).getText());
    }

    @Test
    void theButtonInstallsAndTheNextProbeUsesTheDownload(FxRobot robot) throws Exception {
        LiveStack.await("the Get button offered", 30, () -> visible(robot, "#stack-get-prometheus"));
        assertThat(visible(robot, "#stack-get-prometheus-progress")).isFalse();

        robot.clickOn("#stack-get-prometheus");
        LiveStack.await("the download to end", 60,
                () -> text(robot, "#stack-get-prometheus-status").contains("installed in"));
        assertThat(text(robot, "#stack-get-prometheus-status")).isEqualTo("Prometheus 3.5.3 installed in "
                + home.resolve("tools/prometheus-3.5.3").toAbsolutePath() + " (checksum verified).");
        assertThat(visible(robot, "#stack-get-prometheus-cancel")).isFalse();

        OnFx.read(() -> {
            setup.prometheusPathProperty().set("");
            setup.probe();
            return null;
        });
        LiveStack.await("the download named on the Stack tab", 30,
                () -> text(robot, "#found-prometheus").endsWith("(downloaded by the console)"));
        assertThat(text(robot, "#found-prometheus")).startsWith(home.resolve("tools/prometheus-3.5.3/prometheus")
                .toAbsolutePath() + " — prometheus, version ");
        assertThat(visible(robot, "#stack-get-prometheus")).as("nothing left to get").isFalse();
        assertThat(stage.isShowing()).isTrue();
    }
}
