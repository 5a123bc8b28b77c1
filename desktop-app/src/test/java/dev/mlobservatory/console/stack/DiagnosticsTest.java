package dev.mlobservatory.console.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlobservatory.console.concurrent.AppExecutor;
import dev.mlobservatory.console.concurrent.FxThread;
import dev.mlobservatory.console.install.ToolsFolder;
import dev.mlobservatory.console.prom.PrometheusClient;
import dev.mlobservatory.console.testing.LiveStack;
import java.nio.file.Path;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Copy diagnostics": what a teacher needs to help from a distance, in one text. */
class DiagnosticsTest {

    @TempDir
    Path home;
    private final ScheduledExecutorService executor = AppExecutor.create();

    @AfterEach
    void stop() {
        AppExecutor.shutdown(executor);
    }

    @Test
    void theReportNamesVersionsWhatWasFoundThePortsAndTheLastLogLines() throws Exception {
        StackLog log = new StackLog(FxThread.direct());
        StackSetup setup = new StackSetup(executor, FxThread.direct(), StackFiles.locate(home), log,
                ToolsFolder.of(home));
        StackModel stack = new StackModel(executor, FxThread.direct(), new ChildProcesses(home), home,
                PrometheusClient.defaultHttp(), setup, log);
        setup.portsProperty().set(new StackPorts(18080, 19090, 13000));
        setup.probe();
        LiveStack.await("the environment probe", 30, () -> setup.environment() != null);
        log.append("a line of the stack log", false);

        String text = new Diagnostics(stack, null, "ML Observatory 9.9").text();

        assertThat(text).startsWith("ML Observatory diagnostics, ")
                .contains("App:                ML Observatory 9.9")
                .contains("Java:               " + System.getProperty("java.version"))
                .contains("OS:                 " + System.getProperty("os.name"))
                .contains("Prometheus:         ")
                .contains("Docker:             ")
                .contains("Ports:              API 18080, Prometheus 19090, Grafana 13000")
                .contains("Stack:              STOPPED")
                .contains("Log file:           (could not be written)")
                .contains("a line of the stack log")
                .contains("Recent warnings and errors: none");
    }
}
