package dev.mlobservatory.console.app;

import dev.mlobservatory.console.chaos.ChaosModel;
import dev.mlobservatory.console.concurrent.AppExecutor;
import dev.mlobservatory.console.concurrent.FxThread;
import dev.mlobservatory.console.prom.PrometheusClient;
import dev.mlobservatory.console.settings.ConsoleSettings;
import dev.mlobservatory.console.stack.ChildProcesses;
import dev.mlobservatory.console.stack.DataDirs;
import dev.mlobservatory.console.stack.StackFiles;
import dev.mlobservatory.console.stack.StackModel;
import dev.mlobservatory.console.stack.StackPorts;
import dev.mlobservatory.console.traffic.TrafficModel;
import java.nio.file.Path;
import java.util.concurrent.ScheduledExecutorService;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: the one executor, the HTTP client, the child-process bookkeeping, the settings and every
 * presentation model. The application and the view tests build the console the same way, through this class.
 */
public final class Console implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Console.class);

    public final Path home;
    public final FxThread fx;
    public final ConsoleSettings settings;
    public final ScheduledExecutorService executor = AppExecutor.create();
    public final OkHttpClient http = PrometheusClient.defaultHttp();
    public final ChildProcesses children;
    public final StackModel stack;
    public final TrafficModel traffic;
    public final ChaosModel chaos;

    public Console(Path home, FxThread fx) {
        this.home = home;
        this.fx = fx;
        this.settings = ConsoleSettings.load(home.resolve("settings.properties"));
        this.children = new ChildProcesses(home);
        // Leftovers of consoles that are gone: their children first, then the data folders those children used.
        // A console still running keeps both.
        int reaped = children.reapLeftovers();
        if (reaped > 0) {
            LOG.warn("stopped {} process(es) a console that is no longer running left behind", reaped);
        }
        int swept = DataDirs.sweepOrphans(home) + DataDirs.sweepOrphans(DataDirs.fallbackRoot());
        if (swept > 0) {
            LOG.info("removed {} Prometheus data folder(s) left by consoles that are no longer running", swept);
        }
        this.stack = new StackModel(executor, fx, children, StackFiles.locate(home), home, http);
        this.traffic = new TrafficModel(executor, fx, stack.apiUrlProperty());
        this.chaos = new ChaosModel(executor, fx, http, stack.apiUrlProperty(), stack.apiUpProperty());
        restoreSettings();
    }

    private void restoreSettings() {
        try {
            stack.portsProperty().set(new StackPorts(settings.getPort("port.api", 8080),
                    settings.getPort("port.prometheus", 9090), settings.getPort("port.grafana", 3000)));
        } catch (IllegalArgumentException e) {
            LOG.warn("ignoring saved ports: {}", e.getMessage());
        }
        stack.prometheusPathProperty().set(settings.getString("prometheus.path", ""));
        traffic.rateProperty().set(settings.getDouble("traffic.rate", 20, 1, TrafficModel.MAX_UI_RATE));
        traffic.errorRatioProperty().set(settings.getDouble("traffic.errorRatio", 0, 0, 0.5));
        traffic.v1ShareProperty().set(settings.getDouble("traffic.v1Share", 0.7, 0, 1));
    }

    /** Writes what should survive a restart (the window's own geometry is saved by the application). */
    public void saveSettings() {
        StackPorts p = stack.portsProperty().get();
        settings.put("port.api", p.api());
        settings.put("port.prometheus", p.prometheus());
        settings.put("port.grafana", p.grafana());
        settings.put("prometheus.path", stack.prometheusPathProperty().get());
        settings.put("traffic.rate", traffic.rateProperty().get());
        settings.put("traffic.errorRatio", traffic.errorRatioProperty().get());
        settings.put("traffic.v1Share", traffic.v1ShareProperty().get());
        settings.save();
    }

    /** Stops traffic, the stack and every child process, then the executor. Blocking; safe to call twice. */
    @Override
    public void close() {
        saveSettings();
        traffic.close();
        stack.stopNow();
        children.close();
        AppExecutor.shutdown(executor);
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
