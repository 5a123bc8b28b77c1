package dev.mlobservatory.console.app;

import atlantafx.base.theme.Styles;
import dev.mlobservatory.console.alerts.AlertsView;
import dev.mlobservatory.console.chaos.ChaosView;
import dev.mlobservatory.console.env.Environment;
import dev.mlobservatory.console.explain.ExplainView;
import dev.mlobservatory.console.install.GetPrometheusView;
import dev.mlobservatory.console.lab.LabView;
import dev.mlobservatory.console.lab.exercise.ExercisesView;
import dev.mlobservatory.console.live.LiveView;
import dev.mlobservatory.console.notify.NotificationsView;
import dev.mlobservatory.console.query.QueryView;
import dev.mlobservatory.console.report.ReportData;
import dev.mlobservatory.console.report.ReportView;
import dev.mlobservatory.console.silence.SilenceDialog;
import dev.mlobservatory.console.silence.SilencesView;
import dev.mlobservatory.console.stack.SetupView;
import dev.mlobservatory.console.stack.StackBar;
import dev.mlobservatory.console.stack.StackMode;
import dev.mlobservatory.console.targets.TargetsView;
import dev.mlobservatory.console.traffic.TrafficView;
import dev.mlobservatory.console.ui.ChipLabel;
import dev.mlobservatory.console.ui.Theme;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The one place that builds the window: every view, on the console's models, put into the {@link MainView}
 * layout, with the window-wide wiring (status line, banner, Open Grafana, theme, presenter mode, shortcuts).
 */
public final class ConsoleWindow {

    private final Console console;
    private final Consumer<String> openBrowser;
    private final MainView view;
    private final ReportView report;
    private final LabView lab;
    private boolean dark;
    private boolean presenter;

    public ConsoleWindow(Console console, Consumer<String> openBrowser, boolean dark, boolean presenter) {
        this.console = console;
        this.openBrowser = openBrowser;
        this.dark = dark;
        this.presenter = presenter;
        ChipLabel alertsChip = new ChipLabel(console.alerts().chipProperty());
        alertsChip.setId("chip-alerts");
        ChipLabel notificationsChip = new ChipLabel(console.notifications().chipProperty());
        notificationsChip.setId("chip-notifications");
        StackBar stackBar = new StackBar(console.stack(), console.health(), alertsChip, notificationsChip);
        VBox side = new VBox(new TrafficView(console.traffic()),
                new ChaosView(console.chaos(), console.stack(), console.traffic()));
        Node live = console.live() != null ? new LiveView(console.live()) : brokenDashboard(console.dashboardProblem());
        QueryView queryView = new QueryView(console.query());
        Tab promql = new Tab("PromQL", queryView);
        AlertsView alerts = new AlertsView(console.alerts());
        Tab liveTab = new Tab("Live", live);
        Tab alertsTab = new Tab("Alerts", alerts);
        Tab targetsTab = new Tab("Targets", new TargetsView(console.targets()));
        // Right after Live: the lab's steps point at the Live tab, and a student finds them second in the row.
        lab = new LabView(console.lab(), openBrowser);
        // The alerting path in tab order: Alerts, then what Alertmanager sent (Notifications) and held back (Silences).
        // One dialog serves "Silence…" on the Alerts and Notifications tabs and "New silence…" on the Silences tab.
        SilenceDialog silenceDialog = new SilenceDialog(console.silences(),
                () -> alerts.getScene() == null ? null : alerts.getScene().getWindow());
        Tab silencesTab = new Tab("Silences", new SilencesView(console.silences(), silenceDialog));
        NotificationsView notifications = new NotificationsView(console.notifications(),
                console.stack().alertmanagerProperty(), console.noAlertmanagerReason());
        notifications.setOnSilence(silenceDialog::openFor);
        notifications.setSilencing(console.silences().indexProperty(), console.silences()::note);
        // The PromQL exercises under the lab's steps: one tab for the whole lab.
        lab.setExercises(new ExercisesView(console.exercises()));
        view = new MainView(stackBar, side,
                liveTab,
                new Tab("Lab", lab),
                promql,
                alertsTab,
                new Tab("Notifications", notifications),
                silencesTab,
                targetsTab,
                new Tab("Stack", scrolling(stackTab())));
        initListeners();
        alerts.setSilencing(console.silences().indexProperty(), console.silences()::note, silenceDialog::openFor);
        // A rule's expression, opened where it can be run, changed and charted.
        alerts.setOnOpenInPromQL(expression -> {
            console.query().queryProperty().set(expression);
            console.query().run();
            view.tabs.getSelectionModel().select(promql);
        });
        wireExplain(queryView, alerts, promql);
        console.exercises().setOnOpenInPromQL(expression -> {
            console.query().queryProperty().set(expression);
            console.query().run();
            view.tabs.getSelectionModel().select(promql);
        });
        console.exercises().setOnExplain(expression -> {
            console.query().queryProperty().set(expression);
            console.explain().explain(expression);
            view.tabs.getSelectionModel().select(promql);
        });
        report = new ReportView(console.report(), view.tabs, () -> reportShots(liveTab, promql, alertsTab, targetsTab));
        view.reportSlot.getChildren().setAll(report.button());
        view.reportStatusSlot.getChildren().setAll(report.progress());
    }

    /**
     * The tabs the report photographs, the lab's three deliverables labelled as such, and honest about what they
     * show: Local mode has no Grafana, so its dashboard is the Live tab.
     */
    private List<ReportView.TabShot> reportShots(Tab live, Tab promql, Tab alerts, Tab targets) {
        int up = console.targets().upCountProperty().get();
        int total = console.targets().totalCountProperty().get();
        String targetsNote = total > 0 && up == total ? "" : " (at export " + up + " of " + total + " were UP)";
        String query = console.query().queryProperty().get();
        String grafana = console.stack().grafanaUrlProperty().get();
        String dashboard = console.setup().modeProperty().get() == StackMode.LOCAL
                ? "Local mode runs no Grafana, so this is the console's Live tab, which draws the dashboard's panels "
                + "from the same queries."
                : "The console's Live tab, which draws the Grafana dashboard's panels from the same queries"
                + (grafana == null ? "." : "; Grafana itself is at " + grafana + "/d/" + console.dashboardUid() + ".");
        return List.of(
                new ReportView.TabShot(targets, new ReportData.Picture("targets.png",
                        "Targets tab: what Prometheus scrapes, and whether each scrape works" + targetsNote,
                        "Lab deliverable 1: Prometheus targets, all UP")),
                new ReportView.TabShot(promql, new ReportData.Picture("promql.png",
                        "PromQL tab: the last query" + (query == null || query.isBlank() ? "" : ", " + query.strip()),
                        "Lab deliverable 2: a PromQL result")),
                new ReportView.TabShot(live, new ReportData.Picture("live.png", dashboard,
                        "Lab deliverable 3: the dashboard with visible metrics")),
                new ReportView.TabShot(alerts, new ReportData.Picture("alerts.png",
                        "Alerts tab: the rules, their state and the timeline", "")));
    }

    /** The Lab tab, where the integrator puts the PromQL exercises pane ({@link LabView#setExercises}). */
    public LabView lab() {
        return lab;
    }

    /** Writes a report into a new folder inside {@code parent}, without the notes dialog or folder chooser (tests). */
    CompletableFuture<Path> exportReport(Path parent) {
        return report.exportTo(parent);
    }

    /**
     * Explain lives on the PromQL tab, over the query's result, and explains the editor's expression; running a query
     * shows its result again. The Alerts tab explains a rule there; with a Prometheus older than 3 Explain offers the
     * same one-click download as the banner.
     */
    private void wireExplain(QueryView queryView, AlertsView alerts, Tab promql) {
        var explain = console.explain();
        ExplainView explainView = new ExplainView(explain, () -> console.query().queryProperty().get());
        GetPrometheusView getPrometheus = new GetPrometheusView(console.getPrometheus(), explain.needsPrometheus3(),
                "explain");
        getPrometheus.setMaxWidth(640);
        explainView.setGetPrometheus(getPrometheus);
        queryView.addView(explainView.opener(), explainView, explain.shownProperty(),
                // Ctrl+Shift+Enter beside Ctrl+Enter (run); Ctrl+E is the report's export (issue 15).
                new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        console.query().runningProperty().addListener((o, was, running) -> {
            if (running) {
                explain.close();
            }
        });
        alerts.setOnExplain(expression -> {
            console.query().queryProperty().set(expression);
            explain.explain(expression);
            view.tabs.getSelectionModel().select(promql);
        });
    }

    /**
     * The Stack tab's setup, help and log are taller than a 1366×768 window in presenter mode: there it scrolls
     * (as a whole, so the log keeps a few lines) rather than squeezing the log to one line.
     */
    private static ScrollPane scrolling(Region content) {
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        return scroll;
    }

    private static Node brokenDashboard(String problem) {
        Label l = new Label(problem);
        l.setWrapText(true);
        l.getStyleClass().add(Styles.DANGER);
        return new StackPane(l);
    }

    private void initListeners() {
        var stack = console.stack();
        var setup = console.setup();
        var health = console.health();
        view.status.textProperty().bind(stack.log().statusProperty());
        view.grafana.disableProperty().bind(health.grafanaReachableProperty().not());
        updateGrafanaTooltip();
        health.grafanaReachableProperty().addListener((o, a, b) -> updateGrafanaTooltip());
        setup.modeProperty().addListener((o, a, b) -> updateGrafanaTooltip());
        view.grafana.setOnAction(e -> {
            String url = stack.grafanaUrlProperty().get();
            if (url != null) {
                openBrowser.accept(url + "/d/" + console.dashboardUid());
            }
        });
        setup.environmentProperty().addListener((o, a, env) -> showBanner(env));
        GetPrometheusView getPrometheus = new GetPrometheusView(console.getPrometheus(), setup.prometheusMissing(),
                "banner");
        // A fixed column: the progress text wraps inside it instead of squeezing the banner's own text.
        getPrometheus.setMinWidth(340);
        getPrometheus.setPrefWidth(340);
        view.bannerAction.getChildren().setAll(getPrometheus);
    }

    private SetupView stackTab() {
        SetupView tab = new SetupView(console.stack(), console.getPrometheus(), console.diagnostics());
        tab.setGetAlertmanager(console.getAlertmanager());
        return tab;
    }

    private void updateGrafanaTooltip() {
        if (console.health().grafanaReachableProperty().get()) {
            view.grafanaWhy.setText("Open the provisioned dashboard in your browser");
        } else if (console.setup().modeProperty().get() == StackMode.LOCAL) {
            view.grafanaWhy.setText("Grafana runs only in Docker mode (Local mode has no Grafana: the Live tab shows "
                    + "the same panels)");
        } else {
            view.grafanaWhy.setText("Grafana is not reachable yet: start the Docker stack and wait for the Grafana "
                    + "chip to turn green");
        }
    }

    private void showBanner(Environment env) {
        boolean missing = env != null && !env.prometheusUsable();
        view.banner.setText(missing
                ? "Prometheus is not installed, so there are no server-side charts, alerts or PromQL. The API and the "
                + "test traffic still run, and the Live tab shows what the traffic engine measures. "
                + "Get it with one click here, or see the Stack tab for other ways to install it."
                : "");
        view.banner.setVisible(missing);
    }

    /** The window's content, for the application's scene. */
    public Parent root() {
        return view;
    }

    /** Gives {@code scene} the theme, the theme and presenter buttons' actions, and the keyboard shortcuts. */
    public void attach(Scene scene) {
        Theme.apply(scene, dark, presenter);
        view.theme.setOnAction(e -> toggleTheme(scene));
        view.presenter.setOnAction(e -> togglePresenter(scene));
        var stack = console.stack();
        var traffic = console.traffic();
        var accelerators = scene.getAccelerators();
        accelerators.put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), stack::start);
        accelerators.put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                stack::stop);
        accelerators.put(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN), () -> {
            if (traffic.runningProperty().get()) {
                traffic.stop();
            } else {
                traffic.start();
            }
        });
        accelerators.put(new KeyCodeCombination(KeyCode.B, KeyCombination.SHORTCUT_DOWN), traffic::burst);
        accelerators.put(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN), () -> toggleTheme(scene));
        accelerators.put(new KeyCodeCombination(KeyCode.F5), () -> togglePresenter(scene));
        accelerators.put(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN), report::ask);
        for (int i = 0; i < Math.min(9, view.tabs.getTabs().size()); i++) {
            int tab = i;
            accelerators.put(new KeyCodeCombination(KeyCode.valueOf("DIGIT" + (i + 1)), KeyCombination.SHORTCUT_DOWN),
                    () -> view.tabs.getSelectionModel().select(tab));
        }
    }

    private void toggleTheme(Scene scene) {
        dark = !dark;
        Theme.apply(scene, dark, presenter);
    }

    private void togglePresenter(Scene scene) {
        presenter = !presenter;
        Theme.apply(scene, dark, presenter);
    }

    public boolean dark() {
        return dark;
    }

    public boolean presenter() {
        return presenter;
    }

    /** --start / --traffic: starts the stack once the probe has answered, then traffic once the API is up. */
    public void autostart(double trafficRate) {
        once(console.setup().environmentProperty(), env -> env != null, env -> console.stack().start());
        if (trafficRate > 0) {
            console.traffic().rateProperty().set(trafficRate);
            once(console.stack().apiUrlProperty(), url -> url != null, url -> console.traffic().start());
        }
    }

    /** Runs {@code action} the first time {@code value} changes to something {@code ready} accepts. */
    private static <T> void once(ObservableValue<T> value, java.util.function.Predicate<T> ready, Consumer<T> action) {
        value.addListener(new ChangeListener<T>() {
            @Override
            public void changed(ObservableValue<? extends T> o, T was, T now) {
                if (ready.test(now)) {
                    o.removeListener(this);
                    action.accept(now);
                }
            }
        });
    }
}
