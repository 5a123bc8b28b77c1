package dev.mlobservatory.console.app;

import dev.mlobservatory.console.alerts.AlertsModel;
import dev.mlobservatory.console.chaos.ChaosModel;
import dev.mlobservatory.console.concurrent.AppExecutor;
import dev.mlobservatory.console.concurrent.FxThread;
import dev.mlobservatory.console.explain.ExplainModel;
import dev.mlobservatory.console.install.DownloadClient;
import dev.mlobservatory.console.install.GetPrometheusModel;
import dev.mlobservatory.console.install.GetReleaseModel;
import dev.mlobservatory.console.install.Tool;
import dev.mlobservatory.console.install.ToolsFolder;
import dev.mlobservatory.console.lab.ExerciseProgress;
import dev.mlobservatory.console.lab.LabChecks;
import dev.mlobservatory.console.lab.LabContext;
import dev.mlobservatory.console.lab.LabModel;
import dev.mlobservatory.console.lab.LabProgressFile;
import dev.mlobservatory.console.lab.exercise.ExerciseBook;
import dev.mlobservatory.console.lab.exercise.ExercisesModel;
import dev.mlobservatory.console.live.DashboardQueries;
import dev.mlobservatory.console.live.LiveModel;
import dev.mlobservatory.console.notify.AlertStatus;
import dev.mlobservatory.console.notify.ConsoleReceiver;
import dev.mlobservatory.console.notify.Notification;
import dev.mlobservatory.console.notify.NotificationsModel;
import dev.mlobservatory.console.prom.PrometheusClient;
import dev.mlobservatory.console.query.QueryModel;
import dev.mlobservatory.console.report.ReportCollector;
import dev.mlobservatory.console.report.ReportModel;
import dev.mlobservatory.console.settings.ConsoleSettings;
import dev.mlobservatory.console.silence.SilencesModel;
import dev.mlobservatory.console.stack.ChildProcesses;
import dev.mlobservatory.console.stack.DataDirs;
import dev.mlobservatory.console.stack.Diagnostics;
import dev.mlobservatory.console.stack.StackFiles;
import dev.mlobservatory.console.stack.StackHealth;
import dev.mlobservatory.console.stack.StackLog;
import dev.mlobservatory.console.stack.StackModel;
import dev.mlobservatory.console.stack.StackPorts;
import dev.mlobservatory.console.stack.StackSetup;
import dev.mlobservatory.console.support.LogFile;
import dev.mlobservatory.console.targets.TargetsModel;
import dev.mlobservatory.console.traffic.ConsoleLoadgen;
import dev.mlobservatory.console.traffic.TrafficModel;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds every presentation model of the console, once, with what each needs: the one executor, the one HTTP
 * client, the child-process bookkeeping and the settings. No {@code Node} here: {@link ConsoleWindow} builds the
 * views on top. {@link #close()} stops everything this started, in order.
 */
public final class Console implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Console.class);

    private final ConsoleSettings settings;
    private final ScheduledExecutorService executor = AppExecutor.create();
    private final OkHttpClient http = PrometheusClient.defaultHttp();
    private final ChildProcesses children;
    private final StackSetup setup;
    private final GetPrometheusModel getPrometheus;
    private final GetReleaseModel getAlertmanager;
    private final FxThread fx;
    private final StackModel stack;
    private final StackHealth health;
    private final TrafficModel traffic;
    private final ChaosModel chaos;
    private final AlertsModel alerts;
    private final TargetsModel targets;
    private final QueryModel query;
    private final ExplainModel explain;
    /** Null when the dashboard file cannot give the Live tab its queries; {@link #dashboardProblem} says why. */
    private final LiveModel live;
    private final String dashboardProblem;
    private final String dashboardUid;
    private final Diagnostics diagnostics;
    private final ConsoleLoadgen loadgen;
    private final ReportModel report;
    private final SilencesModel silences;
    private final NotificationsModel notifications;
    /** Where Alertmanager posts; its loopback port is chosen here, before any stack starts. */
    private final ConsoleReceiver receiver;
    private final LabModel lab;
    private final ObservableValue<String> noAlertmanager;
    private final ExercisesModel exercises;
    private final ExerciseProgress exerciseProgress;

    public Console(Path home, FxThread fx) {
        this(home, fx, null);
    }

    /** @param logFile the console's log file for "Copy diagnostics", or null when there is none (tests) */
    public Console(Path home, FxThread fx, LogFile logFile) {
        this.fx = fx;
        this.settings = ConsoleSettings.load(home.resolve("settings.properties"));
        this.children = new ChildProcesses(home);
        sweepLeftovers(home);
        StackFiles files = StackFiles.locate(home);
        StackLog stackLog = new StackLog(fx);
        ToolsFolder tools = ToolsFolder.of(home);
        this.setup = new StackSetup(executor, fx, files, stackLog, tools);
        this.getPrometheus = new GetPrometheusModel(executor, fx, DownloadClient.of(http, System.getenv()), tools,
                () -> settings.getString("prometheus.mirror", ""), setup::probe);
        this.getAlertmanager = new GetReleaseModel(Tool.ALERTMANAGER, executor, fx, DownloadClient.of(http,
                System.getenv()), tools, () -> settings.getString(Tool.ALERTMANAGER.mirrorSetting(), ""),
                setup::probe);
        // Found by the probe (the path set, the tools folder, the PATH): the button is offered only when none is.
        setup.environmentProperty().addListener((o, a, env) ->
                getAlertmanager.foundProperty().set(env != null && env.alertmanagerUsable()));
        this.notifications = new NotificationsModel(fx);
        this.receiver = new ConsoleReceiver(
                () -> settings.getPort("port.receiver", ConsoleReceiver.DEFAULT_DOCKER_PORT), notifications::receive);
        notifications.setReceiverUrl(receiver.localUrl());
        this.loadgen = new ConsoleLoadgen(() -> settings.getPort("port.loadgen", ConsoleLoadgen.DEFAULT_DOCKER_PORT));
        this.stack = new StackModel(executor, fx, children, home, http, setup, stackLog, loadgen, receiver);
        this.health = new StackHealth(executor, fx, http, stack, stackLog);
        this.traffic = new TrafficModel(executor, fx, stack.apiUrlProperty(), loadgen.metrics());
        this.chaos = new ChaosModel(executor, fx, http, stack.apiUrlProperty(), stack.apiUpProperty());
        this.alerts = new AlertsModel(executor, fx, stack.prometheusProperty());
        this.targets = new TargetsModel(executor, fx, stack.prometheusProperty());
        this.query = new QueryModel(executor, fx, stack.prometheusProperty(), home.resolve("query-history.txt"));
        this.explain = new ExplainModel(executor, fx, stack.prometheusProperty());
        this.silences = new SilencesModel(executor, fx, http, stack.alertmanagerProperty());
        alerts.explainAbsence(stack.prometheusAbsenceProperty());
        targets.explainAbsence(stack.prometheusAbsenceProperty());
        query.explainAbsence(stack.prometheusAbsenceProperty());
        explain.explainAbsence(stack.prometheusAbsenceProperty());
        this.exercises = new ExercisesModel(executor, fx, stack.prometheusProperty(),
                ExerciseBook.load(exercisesFile(settings)));
        exercises.explainAbsence(stack.prometheusAbsenceProperty());
        DashboardQueries dashboard = null;
        String problem = null;
        try {
            dashboard = DashboardQueries.read(files.dashboard());
        } catch (IOException | RuntimeException e) {
            // A broken dashboard file must not take the console down: the Live tab says what is wrong with it.
            LOG.warn("Live tab disabled: {}", e.getMessage());
            problem = "The Live tab reads its queries from " + files.dashboard() + ", and could not: " + e.getMessage();
        }
        this.dashboardProblem = problem;
        this.dashboardUid = dashboard == null ? DashboardQueries.DEFAULT_UID : dashboard.uid();
        this.live = dashboard == null ? null
                : new LiveModel(executor, fx, stack.prometheusProperty(), dashboard, traffic.samples());
        if (live != null) {
            live.explainAbsence(stack.prometheusAbsenceProperty());
        }
        this.diagnostics = new Diagnostics(stack, logFile, "ML Observatory " + version());
        this.noAlertmanager = noAlertmanagerReason();
        LabProgressFile progress = LabProgressFile.inHome(home);
        this.lab = new LabModel(executor, fx, new LabChecks(http), progress, this::labContext);
        this.exerciseProgress = new ExerciseProgress(exercises, progress, executor, fx, Clock.systemUTC());
        lab.onReset(exerciseProgress::reset);
        this.report = new ReportModel(executor, fx, new ReportCollector(http),
                new ReportInputsReader(setup, stack, traffic, chaos, lab, exerciseProgress, version()));
        report.followQueries(query.history());
        restoreSettings();
    }

    /** A teacher's exercises file: --exercises, else the setting lab.exercises; null for none. */
    private static Path exercisesFile(ConsoleSettings settings) {
        Path given = LaunchOptions.current().exercises();
        String saved = settings.getString("lab.exercises", "").strip();
        return given != null ? given : saved.isEmpty() ? null : Path.of(saved);
    }

    /** The version the jar's manifest states, or "(development build)" when run from the classes. */
    static String version() {
        String v = Console.class.getPackage().getImplementationVersion();
        return v == null ? "(development build)" : v;
    }

    /**
     * Leftovers of consoles that are gone: their children first, then the data folders those children used.
     * A console still running keeps both.
     */
    private void sweepLeftovers(Path home) {
        int reaped = children.reapLeftovers();
        if (reaped > 0) {
            LOG.warn("stopped {} process(es) a console that is no longer running left behind", reaped);
        }
        int swept = DataDirs.sweepOrphans(home) + DataDirs.sweepOrphans(DataDirs.fallbackRoot());
        if (swept > 0) {
            LOG.info("removed {} Prometheus data folder(s) left by consoles that are no longer running", swept);
        }
    }

    private void restoreSettings() {
        try {
            setup.portsProperty().set(new StackPorts(settings.getPort("port.api", 8080),
                    settings.getPort("port.prometheus", 9090), settings.getPort("port.grafana", 3000),
                    settings.getPort("port.alertmanager", StackPorts.DEFAULT_ALERTMANAGER)));
        } catch (IllegalArgumentException e) {
            LOG.warn("ignoring saved ports: {}", e.getMessage());
        }
        setup.prometheusPathProperty().set(settings.getString("prometheus.path", ""));
        setup.alertmanagerPathProperty().set(settings.getString("alertmanager.path", ""));
        traffic.rateProperty().set(settings.getDouble("traffic.rate", 20, 1, TrafficModel.MAX_UI_RATE));
        traffic.errorRatioProperty().set(settings.getDouble("traffic.errorRatio", 0, 0, 0.5));
        traffic.v1ShareProperty().set(settings.getDouble("traffic.v1Share", 0.7, 0, 1));
    }

    /** Writes what should survive a restart (the window's own geometry is saved by the application). */
    public void saveSettings() {
        StackPorts p = setup.portsProperty().get();
        settings.put("port.api", p.api());
        settings.put("port.prometheus", p.prometheus());
        settings.put("port.grafana", p.grafana());
        settings.put("port.alertmanager", p.alertmanager());
        settings.put("prometheus.path", setup.prometheusPathProperty().get());
        settings.put("alertmanager.path", setup.alertmanagerPathProperty().get());
        settings.put("traffic.rate", traffic.rateProperty().get());
        settings.put("traffic.errorRatio", traffic.errorRatioProperty().get());
        settings.put("traffic.v1Share", traffic.v1ShareProperty().get());
        settings.save();
    }

    /** Starts the tabs' polls (they show "not running" states until the stack is up) and the machine probe. */
    public void start() {
        alerts.start();
        targets.start();
        query.start();
        explain.start();
        exercises.start();
        silences.start();
        if (live != null) {
            live.start();
        }
        lab.start();
        exerciseProgress.start();
        setup.probe();
    }

    /** Stops polls, traffic, the stack and every child process, then the executor and the client. Blocking; safe
     * to call twice. */
    @Override
    public void close() {
        saveSettings();
        alerts.stop();
        targets.stop();
        query.stop();
        explain.stop();
        exercises.stop();
        silences.stop();
        if (live != null) {
            live.stop();
        }
        lab.stop();
        health.stop();
        getPrometheus.close();
        getAlertmanager.close();
        traffic.close();
        stack.stopNow();
        loadgen.close();
        receiver.close();
        children.close();
        AppExecutor.shutdown(executor);
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    public ConsoleSettings settings() { return settings; }
    public StackSetup setup() { return setup; }
    public GetPrometheusModel getPrometheus() { return getPrometheus; }
    /** The Get Alertmanager button's model; its {@code found} input is where the Alertmanager discovery connects. */
    public GetReleaseModel getAlertmanager() { return getAlertmanager; }
    public StackModel stack() { return stack; }
    public StackHealth health() { return health; }
    public TrafficModel traffic() { return traffic; }
    public ChaosModel chaos() { return chaos; }
    public AlertsModel alerts() { return alerts; }
    public TargetsModel targets() { return targets; }
    public QueryModel query() { return query; }
    public ExplainModel explain() { return explain; }
    /** The Live tab's model; null when the dashboard could not be read ({@link #dashboardProblem()} says why). */
    public LiveModel live() { return live; }
    public String dashboardProblem() { return dashboardProblem; }
    /** The dashboard's uid, for Grafana's {@code /d/<uid>}. */
    public String dashboardUid() { return dashboardUid; }
    public Diagnostics diagnostics() { return diagnostics; }
    public ReportModel report() { return report; }
    public SilencesModel silences() { return silences; }
    /** The PromQL exercises pane's model; {@code passedIds()} says which exercises were passed. */
    public ExercisesModel exercises() { return exercises; }

    /** Why the stack has no Alertmanager, in a short sentence, for the tabs that need one. */
    public ObservableValue<String> noAlertmanagerReason() {
        return Bindings.createStringBinding(() -> {
            if (stack.apiUrlProperty().get() == null) {
                return "the stack is not running yet.";
            }
            var env = setup.environmentProperty().get();
            if (env != null && !env.alertmanagerUsable()) {
                return "none was found on this machine. Get it on the Stack tab (Get Alertmanager), or install it "
                        + "(Debian/Ubuntu: prometheus-alertmanager; macOS: brew install alertmanager).";
            }
            return "it is not running (it did not start, or it stopped): the Stack tab's log says why.";
        }, stack.apiUrlProperty(), setup.environmentProperty());
    }
    public NotificationsModel notifications() { return notifications; }
    /** The Lab tab's guided steps. */
    public LabModel lab() { return lab; }

    /** What the lab's checks read of the stack and the alerting path, taken on the FX thread that owns it. */
    private LabContext labContext() {
        List<Map<String, String>> firing = new ArrayList<>();
        for (Notification n : notifications.notifications()) {
            if (n.status() == AlertStatus.FIRING) {
                Map<String, String> labels = new HashMap<>(n.message().commonLabels());
                labels.putIfAbsent("alertname", n.alertName());
                firing.add(labels);
            }
        }
        String grafana = stack.grafanaUrlProperty().get();
        return new LabContext(stack.apiUrlProperty().get(), stack.prometheusProperty().get(),
                stack.alertmanagerProperty().get(), grafana == null ? null : grafana + "/d/" + dashboardUid, firing,
                silences.indexProperty().get(), noAlertmanager.getValue());
    }
    /** The webhook receiver Alertmanager posts to. */
    public ConsoleReceiver receiver() { return receiver; }
}
