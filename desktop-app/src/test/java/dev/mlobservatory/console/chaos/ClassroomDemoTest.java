package dev.mlobservatory.console.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlobservatory.api.testing.Tools;
import dev.mlobservatory.console.concurrent.AppExecutor;
import dev.mlobservatory.console.concurrent.FxThread;
import dev.mlobservatory.console.install.ToolsFolder;
import dev.mlobservatory.console.prom.AlertRule;
import dev.mlobservatory.console.prom.PrometheusClient;
import dev.mlobservatory.console.stack.ChildProcesses;
import dev.mlobservatory.console.stack.Ports;
import dev.mlobservatory.console.stack.StackFiles;
import dev.mlobservatory.console.stack.StackLog;
import dev.mlobservatory.console.stack.StackModel;
import dev.mlobservatory.console.stack.StackPorts;
import dev.mlobservatory.console.stack.StackSetup;
import dev.mlobservatory.console.testing.LiveStack;
import dev.mlobservatory.console.traffic.TrafficModel;
import java.nio.file.Path;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's classroom demo, scripted, with the console's own models and the real prometheus binary at the
 * repository's real intervals (API scraped every 5 s, rules evaluated every 5 s): turn on failures and
 * HighErrorRate goes pending within one evaluation interval of the errors showing in a rate; kill the API and
 * APIDown goes pending.
 */
class ClassroomDemoTest {

    @TempDir
    Path home;

    @Test
    void failuresRaiseHighErrorRateAndKillingTheApiRaisesApiDown() throws Exception {
        Tools.require("prometheus");
        ScheduledExecutorService executor = AppExecutor.create();
        ChildProcesses children = new ChildProcesses(home);
        StackLog log = new StackLog(FxThread.direct());
        StackSetup setup = new StackSetup(executor, FxThread.direct(), StackFiles.locate(home), log,
                ToolsFolder.of(home));
        StackModel stack = new StackModel(executor, FxThread.direct(), children, home, PrometheusClient.defaultHttp(),
                setup, log);
        TrafficModel traffic = new TrafficModel(executor, FxThread.direct(), stack.apiUrlProperty());
        ChaosModel chaos = new ChaosModel(executor, FxThread.direct(), PrometheusClient.defaultHttp(),
                stack.apiUrlProperty(), stack.apiUpProperty());
        try {
            setup.portsProperty().set(new StackPorts(Ports.any(), Ports.any(), Ports.any()));
            setup.probe();
            LiveStack.await("the probe", 30, () -> setup.environment() != null);
            stack.start();
            LiveStack.await("the stack", 60, () -> stack.state().running());
            // One value, read once: the phase and the client it implies come together.
            PrometheusClient prometheus = stack.state().prometheus();
            assertThat(prometheus).as("Prometheus of the running stack").isNotNull();

            // Step 1: traffic, healthy. Step 2: 50% of predictions fail.
            traffic.rateProperty().set(40);
            traffic.start();
            chaos.errorPercentProperty().set(50);
            LiveStack.await("HighErrorRate pending or firing", 45, () -> state(prometheus, "HighErrorRate") != null);
            assertThat(state(prometheus, "APIDown")).isNull();

            // Step 3: kill the API. The target goes down and APIDown goes pending at the next evaluation.
            stack.killApi();
            LiveStack.await("the API stopped", 10, () -> !stack.state().apiUp());
            LiveStack.await("APIDown pending", 30, () -> "pending".equals(state(prometheus, "APIDown")));

            // Step 4: restart; the target comes back.
            stack.restartApi();
            LiveStack.await("APIDown resolved", 30, () -> state(prometheus, "APIDown") == null);
        } finally {
            traffic.close();
            stack.stopNow();
            children.close();
            AppExecutor.shutdown(executor);
        }
        assertThat(children.alive()).isEmpty();
    }

    /** "pending" or "firing", or null when the rule is inactive (or Prometheus did not answer). */
    private static String state(PrometheusClient prometheus, String alert) {
        try {
            return prometheus.alertRules().stream().filter(r -> r.name().equals(alert)).map(AlertRule::state)
                    .filter(s -> !s.equals("inactive")).findFirst().orElse(null);
        } catch (Exception e) {
            return null;
        }
    }
}
