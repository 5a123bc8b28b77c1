package dev.mlobservatory.console.stack;

import dev.mlobservatory.console.concurrent.FxThread;
import dev.mlobservatory.console.env.Environment;
import dev.mlobservatory.console.env.EnvironmentProbe;
import dev.mlobservatory.console.install.ToolsFolder;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Before a start: what this machine has (Docker, compose, a prometheus binary, busy ports), which mode to run in,
 * on which ports, with which prometheus. The probe runs on the executor; its answer comes back through
 * {@link FxThread}.
 */
public final class StackSetup {

    private final ScheduledExecutorService executor;
    private final FxThread fx;
    private final StackFiles files;
    private final StackLog log;
    private final ToolsFolder tools;
    private final ReadOnlyObjectWrapper<Environment> environment = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper probing = new ReadOnlyBooleanWrapper();
    private final ObjectProperty<StackMode> mode = new SimpleObjectProperty<>(StackMode.LOCAL);
    private final ObjectProperty<StackPorts> ports = new SimpleObjectProperty<>(StackPorts.DEFAULT);
    private final StringProperty prometheusPath = new SimpleStringProperty("");
    /** The setting alertmanager.path: blank to search the tools folder and the PATH. */
    private final StringProperty alertmanagerPath = new SimpleStringProperty("");
    private final BooleanBinding prometheusMissing = Bindings.createBooleanBinding(
            () -> environment.get() != null && !environment.get().prometheusUsable(), environment);
    /** The latest probe's answer, for readers off the FX thread; set after the mode it implies. */
    private volatile Environment probed;
    /** True while a stack runs or changes: the mode it runs in is not the probe's to change then. */
    private volatile BooleanSupplier stackActive = () -> false;

    /** @param tools where the console downloads Prometheus to: the probe looks there too */
    public StackSetup(ScheduledExecutorService executor, FxThread fx, StackFiles files, StackLog log,
                      ToolsFolder tools) {
        this.executor = executor;
        this.fx = fx;
        this.files = files;
        this.log = log;
        this.tools = tools;
    }

    /** Called once by the stack this setup serves: a probe chooses the mode only while that says false. */
    void keepModeWhile(BooleanSupplier active) {
        this.stackActive = active;
    }

    /** Looks for Docker, compose, prometheus and busy ports, then picks the best mode available. */
    public void probe() {
        probing.set(true);
        StackPorts p = ports.get();
        String configured = prometheusPath.get();
        String configuredAlertmanager = alertmanagerPath.get();
        executor.execute(() -> {
            Environment env = EnvironmentProbe.probe(configured, configuredAlertmanager, tools, files.repository(),
                    List.of(p.api(), p.prometheus(), p.grafana(), p.alertmanager()));
            fx.run(() -> {
                if (!stackActive.getAsBoolean()) {
                    // Docker is the fuller picture (Grafana too) when it truly works; else Local.
                    mode.set(env.dockerUsable() ? StackMode.DOCKER : StackMode.LOCAL);
                    log.say(describe(env));
                }
                // The result last: whoever waits for it finds the mode already chosen.
                probed = env;
                environment.set(env);
                probing.set(false);
            });
        });
    }

    static String describe(Environment env) {
        StringBuilder sb = new StringBuilder();
        if (env.prometheusNote() != null) {
            sb.append(env.prometheusNote()).append(' ');
        }
        sb.append(env.prometheusUsable() ? "Prometheus found (" + env.prometheusVersion() + ", "
                + env.prometheusSource().description() + ")." : "Prometheus not found.");
        sb.append(env.alertmanagerUsable() ? " Alertmanager found (" + env.alertmanagerVersion().strip() + ")."
                : " No Alertmanager: notifications and silences need it (see the Stack tab).");
        sb.append(env.dockerUsable() ? " Docker ready." : " Docker: " + env.dockerProblem());
        if (!env.busyPorts().isEmpty()) {
            sb.append(" Ports in use: ").append(env.busyPorts()).append(" (the next free ones will be used).");
        }
        return sb.toString();
    }

    /** True once a probe found no usable prometheus: when the console offers to get one. */
    public BooleanBinding prometheusMissing() { return prometheusMissing; }
    public ReadOnlyObjectProperty<Environment> environmentProperty() { return environment.getReadOnlyProperty(); }
    /** The latest probe's answer, thread-safe; null until the first probe ends. */
    public Environment environment() { return probed; }
    public ReadOnlyBooleanProperty probingProperty() { return probing.getReadOnlyProperty(); }
    public ObjectProperty<StackMode> modeProperty() { return mode; }
    public ObjectProperty<StackPorts> portsProperty() { return ports; }
    public StringProperty prometheusPathProperty() { return prometheusPath; }
    public StringProperty alertmanagerPathProperty() { return alertmanagerPath; }
    public StackFiles files() { return files; }
}
