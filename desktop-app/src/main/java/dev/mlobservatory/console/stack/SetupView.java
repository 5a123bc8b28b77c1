package dev.mlobservatory.console.stack;

import atlantafx.base.theme.Styles;
import dev.mlobservatory.console.env.Environment;
import dev.mlobservatory.console.env.InstallHelp;
import dev.mlobservatory.console.install.GetPrometheusModel;
import dev.mlobservatory.console.install.GetPrometheusView;
import dev.mlobservatory.console.install.GetReleaseModel;
import dev.mlobservatory.console.install.GetReleaseView;
import dev.mlobservatory.console.ui.Controls;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Stack tab: what was found on this machine (which prometheus, from where), the Get Prometheus button and how
 * else to install what is missing, ports and the prometheus path, and the log of everything the stack printed.
 */
public final class SetupView extends BorderPane {

    private final StackModel model;
    private final StackSetup setup;
    private final GetPrometheusView getPrometheus;
    /** Where {@link #setGetAlertmanager} puts its button: below Get Prometheus. */
    private final VBox getAlertmanager = new VBox();
    private final Label docker = new Label();
    private final Label prometheus = new Label();
    private final Label alertmanager = new Label();
    private final Label ports = new Label();
    private final Label repository = new Label();
    private final Label installHelp = new Label();
    private final Label prometheusExit = new Label();
    private final Button restartPrometheus = new Button("Restart Prometheus");
    private final TextField apiPort = new TextField();
    private final TextField promPort = new TextField();
    private final TextField grafanaPort = new TextField();
    private final TextField promPath = new TextField();
    private final Label portError = new Label();
    private final Button recheck = new Button("Check again");
    /** Versions, paths, ports and the last errors, onto the clipboard: what a student sends the teacher. */
    private final Button copyDiagnostics = new Button("Copy diagnostics");
    private final Label copied = new Label();
    private final Diagnostics diagnostics;
    private final Button apply = new Button("Apply");
    private final ListView<String> log = new ListView<>();

    public SetupView(StackModel model, GetPrometheusModel getPrometheus, Diagnostics diagnostics) {
        this.model = model;
        this.diagnostics = diagnostics;
        this.setup = model.setup();
        this.getPrometheus = new GetPrometheusView(getPrometheus, setup.prometheusMissing(), "stack");
        // Shown while Prometheus is missing, and after a download for as long as it has something to say.
        this.getPrometheus.visibleProperty().bind(setup.prometheusMissing()
                .or(getPrometheus.runningProperty()).or(getPrometheus.statusProperty().isNotEmpty()));
        this.getPrometheus.managedProperty().bind(this.getPrometheus.visibleProperty());
        createView();
        initListeners();
    }

    private void createView() {
        GridPane found = new GridPane();
        found.setHgap(10);
        found.setVgap(4);
        prometheus.setWrapText(true);
        docker.setWrapText(true);
        prometheus.setId("found-prometheus");
        found.addRow(0, bold("Prometheus"), prometheus);
        alertmanager.setWrapText(true);
        alertmanager.setId("found-alertmanager");
        found.addRow(1, bold("Alertmanager"), alertmanager);
        found.addRow(2, bold("Docker"), docker);
        found.addRow(3, bold("Ports"), ports);
        found.addRow(4, bold("Stack files"), repository);
        installHelp.getStyleClass().add("install-help");
        installHelp.setWrapText(true);
        installHelp.setId("install-help");
        prometheusExit.getStyleClass().add(Styles.DANGER);
        prometheusExit.setWrapText(true);
        prometheusExit.setId("prometheus-exit");
        FlowPane exitRow = new FlowPane(10, 6, prometheusExit, restartPrometheus);
        exitRow.visibleProperty().bind(model.prometheusExitProperty().isNotNull());
        exitRow.managedProperty().bind(exitRow.visibleProperty());

        apiPort.setPrefColumnCount(6);
        promPort.setPrefColumnCount(6);
        grafanaPort.setPrefColumnCount(6);
        promPath.setPromptText("the newest downloaded or on the PATH");
        promPath.setPrefColumnCount(28);
        portError.getStyleClass().add(Styles.DANGER);
        FlowPane settings = new FlowPane(6, 6, new Label("API port"), apiPort, new Label("Prometheus port"), promPort,
                new Label("Grafana port"), grafanaPort, new Label("prometheus binary"), promPath, apply, recheck,
                copyDiagnostics, copied);
        settings.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        // Labels and buttons keep their full text; the row wraps instead of eliding "Prometheus" to "Promet…".
        settings.getChildren().forEach(n -> {
            if (n instanceof javafx.scene.control.Labeled l) {
                l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
        });

        getAlertmanager.setVisible(false);
        getAlertmanager.managedProperty().bind(getAlertmanager.visibleProperty());
        VBox top = new VBox(6, Controls.section("Found on this machine"), found, exitRow, getPrometheus,
                getAlertmanager, installHelp, Controls.section("Settings"), settings, portError,
                Controls.section("Log"));
        top.setPadding(new Insets(10));
        setTop(top);
        log.getStyleClass().add("log-pane");
        log.setId("stack-log");
        log.setPlaceholder(new Label("Nothing started yet. Press Start stack."));
        log.setMinHeight(80); // a few lines even in presenter mode at 768 px; the tab scrolls below that
        setCenter(log);
        BorderPane.setMargin(log, new Insets(0, 10, 10, 10));
        VBox.setVgrow(log, Priority.ALWAYS);
    }

    /**
     * Adds the Get Alertmanager button, shown like Get Prometheus's: while the model says none was found, and after a
     * download for as long as it has something to say. A setter, so the tab is built the same with or without it.
     */
    public void setGetAlertmanager(GetReleaseModel model) {
        GetReleaseView view = new GetReleaseView(model, model.foundProperty().not(), "stack");
        view.visibleProperty().bind(model.foundProperty().not().or(model.runningProperty())
                .or(model.statusProperty().isNotEmpty()));
        getAlertmanager.visibleProperty().bind(view.visibleProperty()); // the slot takes no room while hidden
        getAlertmanager.getChildren().setAll(view);
    }

    private static Label bold(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_BOLD);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // a long path beside it wraps, the name stays whole
        return l;
    }

    private void initListeners() {
        setup.environmentProperty().addListener((o, a, env) -> show(env));
        show(setup.environmentProperty().get());
        showPorts(setup.portsProperty().get());
        setup.portsProperty().addListener((o, a, p) -> showPorts(p));
        promPath.setText(setup.prometheusPathProperty().get());
        recheck.setOnAction(e -> setup.probe());
        copyDiagnostics.setId("copy-diagnostics");
        copied.setId("diagnostics-copied");
        copied.getStyleClass().add(Styles.TEXT_MUTED);
        copyDiagnostics.setOnAction(e -> {
            javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
            content.putString(diagnostics.text());
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
            copied.setText("Copied: paste it into your message to the teacher.");
        });
        prometheusExit.textProperty().bind(model.prometheusExitProperty());
        restartPrometheus.setOnAction(e -> model.restartPrometheus());
        recheck.disableProperty().bind(setup.probingProperty());
        apply.setOnAction(e -> applySettings());
        log.setItems(model.log().lines());
        log.getItems().addListener((ListChangeListener<String>) c -> log.scrollTo(log.getItems().size() - 1));
    }

    private void showPorts(StackPorts p) {
        apiPort.setText(String.valueOf(p.api()));
        promPort.setText(String.valueOf(p.prometheus()));
        grafanaPort.setText(String.valueOf(p.grafana()));
    }

    /** Validates the typed ports; a bad one is named and nothing changes. */
    private void applySettings() {
        try {
            StackPorts p = new StackPorts(parse("api", apiPort), parse("prometheus", promPort), parse("grafana", grafanaPort),
                    setup.portsProperty().get().alertmanager()); // set in settings.properties, not here
            setup.portsProperty().set(p);
            setup.prometheusPathProperty().set(promPath.getText().trim());
            portError.setText("");
            setup.probe();
        } catch (IllegalArgumentException e) {
            portError.setText(e.getMessage());
        }
    }

    private static int parse(String field, TextField text) {
        try {
            return Integer.parseInt(text.getText().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " port must be a number, got '" + text.getText().trim() + "'");
        }
    }

    private void show(Environment env) {
        if (env == null) {
            prometheus.setText("checking…");
            return;
        }
        String found = env.prometheusUsable()
                ? env.prometheus() + " — " + env.prometheusVersion() + " (" + env.prometheusSource().description() + ")"
                : "not found";
        prometheus.setText(env.prometheusNote() == null ? found : found + "\n" + env.prometheusNote());
        alertmanager.setText(env.alertmanagerUsable() ? env.alertmanager() + " — " + env.alertmanagerVersion().strip()
                : env.dockerUsable() ? "not found: Docker mode runs its own; Local mode needs it for notifications and silences"
                : "not found: notifications and silences need it");
        docker.setText(env.dockerUsable() ? "ready (" + String.join(" ", env.compose()) + ")" : env.dockerProblem());
        ports.setText(env.busyPorts().isEmpty() ? "the configured ports are free"
                : "in use: " + env.busyPorts() + " — the console will take the next free ones");
        repository.setText(setup.files().repository() != null ? setup.files().repository().toString()
                : "packed copies (Docker mode needs the repository: run the console from it)");
        String help = "";
        if (!env.prometheusUsable()) {
            help += InstallHelp.PROMETHEUS;
        }
        if (!env.alertmanagerUsable() && !env.dockerUsable()) {
            help += (help.isEmpty() ? "" : "\n\n") + InstallHelp.ALERTMANAGER;
        }
        if (!env.dockerUsable()) {
            help += (help.isEmpty() ? "" : "\n\n") + InstallHelp.DOCKER;
        }
        installHelp.setText(help);
        installHelp.setVisible(!help.isEmpty());
        installHelp.setManaged(!help.isEmpty());
    }
}
