package dev.mlobservatory.console.app;

import atlantafx.base.theme.Styles;
import dev.mlobservatory.console.chaos.ChaosView;
import dev.mlobservatory.console.env.Environment;
import dev.mlobservatory.console.stack.SetupView;
import dev.mlobservatory.console.stack.StackBar;
import dev.mlobservatory.console.traffic.TrafficView;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The main window's layout: title and stack bar on top, traffic on the left, the tabs, a status line. */
public final class MainView extends BorderPane {

    private final Console console;
    private final Consumer<String> openBrowser;
    private final String dashboardUid;
    private final TabPane tabs = new TabPane();
    private final Label status = new Label();
    private final Label banner = new Label();
    private final Button grafana = new Button("Open Grafana");
    private final Button theme = new Button("◐");
    private final Button presenter = new Button("Presenter");
    private final Tab stackTab = new Tab("Stack");
    private final Tooltip grafanaWhy = new Tooltip();

    public MainView(Console console, Consumer<String> openBrowser, String dashboardUid, Node... chips) {
        this.console = console;
        this.openBrowser = openBrowser;
        this.dashboardUid = dashboardUid;
        createView(chips);
        initListeners();
    }

    private void createView(Node... chips) {
        Label title = new Label("ML Observatory");
        title.getStyleClass().add("app-title");
        grafana.setId("open-grafana");
        theme.setId("toggle-theme");
        theme.setTooltip(new Tooltip("Light / dark theme (Ctrl+D)"));
        presenter.setId("toggle-presenter");
        presenter.setTooltip(new Tooltip("Presenter mode: larger type for a projector (F5)"));
        // JavaFX shows no tooltip on a disabled control, so the "why it is disabled" tooltip sits on a wrapper.
        HBox grafanaWrapper = new HBox(grafana);
        Tooltip.install(grafanaWrapper, grafanaWhy);
        HBox buttons = new HBox(8, grafanaWrapper, presenter, theme);
        buttons.setAlignment(Pos.TOP_RIGHT);
        title.setMinWidth(Region.USE_PREF_SIZE);
        BorderPane top = new BorderPane(new StackBar(console.stack, chips), null, buttons, null, title);
        BorderPane.setMargin(title, new Insets(0, 12, 0, 0));
        BorderPane.setAlignment(title, Pos.TOP_LEFT);
        top.setPadding(new Insets(8, 10, 8, 10));

        banner.getStyleClass().add("banner");
        banner.setWrapText(true);
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.setId("missing-prometheus-banner");
        banner.setVisible(false);
        banner.setManaged(false);
        setTop(new VBox(top, banner));

        ScrollPane side = new ScrollPane(new VBox(new TrafficView(console.traffic),
                new ChaosView(console.chaos, console.stack, console.traffic)));
        side.setFitToWidth(true);
        side.getStyleClass().add("traffic-side");
        side.getStyleClass().add("side-panel");
        setLeft(side);

        stackTab.setContent(new SetupView(console.stack));
        tabs.getTabs().add(stackTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        setCenter(tabs);

        status.getStyleClass().add(Styles.TEXT_SMALL);
        status.setId("status-line");
        HBox bottom = new HBox(status);
        bottom.getStyleClass().add("status-line");
        setBottom(bottom);
    }

    /** Adds a feature tab before the Stack tab. */
    public void addTab(String title, Node content) {
        Tab tab = new Tab(title, content);
        tab.setId("tab-" + title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
        tabs.getTabs().add(tabs.getTabs().indexOf(stackTab), tab);
        tabs.getSelectionModel().select(0);
    }

    public Button themeButton() {
        return theme;
    }

    public Button presenterButton() {
        return presenter;
    }

    public TabPane tabs() {
        return tabs;
    }

    private void initListeners() {
        status.textProperty().bind(console.stack.statusProperty());
        grafana.disableProperty().bind(console.stack.grafanaReachableProperty().not());
        Tooltip why = grafanaWhy;
        updateGrafanaTooltip(why);
        console.stack.grafanaReachableProperty().addListener((o, a, b) -> updateGrafanaTooltip(why));
        console.stack.modeProperty().addListener((o, a, b) -> updateGrafanaTooltip(why));
        grafana.setOnAction(e -> {
            String url = console.stack.grafanaUrlProperty().get();
            if (url != null) {
                openBrowser.accept(url + "/d/" + dashboardUid);
            }
        });
        console.stack.environmentProperty().addListener((o, a, env) -> showBanner(env));
    }

    private void updateGrafanaTooltip(Tooltip why) {
        if (console.stack.grafanaReachableProperty().get()) {
            why.setText("Open the provisioned dashboard in your browser");
        } else if (console.stack.modeProperty().get() == dev.mlobservatory.console.stack.StackMode.LOCAL) {
            why.setText("Grafana runs only in Docker mode (Local mode has no Grafana: the Live tab shows the same panels)");
        } else {
            why.setText("Grafana is not reachable yet: start the Docker stack and wait for the Grafana chip to turn green");
        }
    }

    private void showBanner(Environment env) {
        boolean missing = env != null && !env.prometheusUsable();
        banner.setText(missing
                ? "Prometheus is not installed, so there are no server-side charts, alerts or PromQL. The API and the "
                + "test traffic still run, and the Live tab shows what the traffic engine measures. "
                + "How to install it: see the Stack tab."
                : "");
        banner.setVisible(missing);
        banner.setManaged(missing);
    }
}
