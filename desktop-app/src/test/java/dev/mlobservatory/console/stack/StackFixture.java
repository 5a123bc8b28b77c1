package dev.mlobservatory.console.stack;

import dev.mlobservatory.console.concurrent.AppExecutor;
import dev.mlobservatory.console.concurrent.FxThread;
import dev.mlobservatory.console.install.ToolsFolder;
import dev.mlobservatory.console.prom.PrometheusClient;
import java.nio.file.Path;
import java.util.concurrent.ScheduledExecutorService;
import okhttp3.OkHttpClient;

/**
 * A Local stack's model as the console wires it, on free ports, in a test's home folder: the tests of starting,
 * stopping, downloading and diagnosing share it. {@link #close()} stops whatever it started.
 */
final class StackFixture implements AutoCloseable {

    final ScheduledExecutorService executor = AppExecutor.create();
    final OkHttpClient http = PrometheusClient.defaultHttp();
    final ChildProcesses children;
    final StackLog log = new StackLog(FxThread.direct());
    final StackSetup setup;
    final StackModel stack;

    StackFixture(Path home) {
        children = new ChildProcesses(home);
        setup = new StackSetup(executor, FxThread.direct(), StackFiles.locate(home), log, ToolsFolder.of(home));
        stack = new StackModel(executor, FxThread.direct(), children, home, http, setup, log);
        setup.portsProperty().set(new StackPorts(Ports.any(), Ports.any(), Ports.any()));
    }

    @Override
    public void close() {
        stack.stopNow();
        children.close();
        AppExecutor.shutdown(executor);
    }
}
