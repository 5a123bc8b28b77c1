package dev.mlobservatory.console.app;

import dev.mlobservatory.console.targets.TargetsView;
import dev.mlobservatory.console.targets.TargetsModel;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlobservatory.console.alerts.AlertsModel;
import dev.mlobservatory.console.alerts.AlertsView;
import dev.mlobservatory.console.live.DashboardQueries;
import dev.mlobservatory.console.live.LiveModel;
import dev.mlobservatory.console.live.LiveView;
import dev.mlobservatory.console.query.QueryModel;
import dev.mlobservatory.console.query.QueryView;
import dev.mlobservatory.console.ui.Chip;
import javafx.scene.Node;
import javafx.scene.control.Label;
import dev.mlobservatory.console.ui.ChipLabel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Puts the feature models and views together into the main window, and starts and stops their polls. */
public final class ConsoleWindow {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleWindow.class);
    /** The dashboard's uid when its file cannot be read (the same value the file holds). */
    static final String DEFAULT_DASHBOARD_UID = "ml-api-observatory";

    private final MainView view;
    private final AlertsModel alerts;
    private final TargetsModel targets;
    private final LiveModel live;
    private final QueryModel query;

    public ConsoleWindow(Console console, Consumer<String> openBrowser) {
        var prometheus = console.stack.prometheusProperty();
        alerts = new AlertsModel(console.executor, console.fx, prometheus);
        targets = new TargetsModel(console.executor, console.fx, prometheus);
        ChipLabel alertsChip = new ChipLabel(alertsChip());
        alertsChip.setId("chip-alerts");
        view = new MainView(console, openBrowser, dashboardUid(console.stack.files().dashboard()), alertsChip);
        LiveModel liveModel = null;
        Node liveView;
        try {
            DashboardQueries queries = DashboardQueries.read(console.stack.files().dashboard());
            liveModel = new LiveModel(console.executor, console.fx, console.stack.prometheusProperty(), queries,
                    console.traffic.samples());
            liveView = new LiveView(liveModel);
        } catch (IOException | RuntimeException e) {
            // A broken dashboard file must not take the console down: the tab says what is wrong with it.
            LOG.warn("Live tab disabled: {}", e.getMessage());
            liveView = brokenDashboard(console.stack.files().dashboard(), e.getMessage());
        }
        live = liveModel;
        view.addTab("Live", liveView);
        query = new QueryModel(console.executor, console.fx, prometheus);
        view.addTab("PromQL", new QueryView(query));
        view.addTab("Alerts", new AlertsView(alerts));
        view.addTab("Targets", new TargetsView(targets));
    }

    private static Node brokenDashboard(Path dashboard, String problem) {
        Label l = new Label("The Live tab reads its queries from " + dashboard + ", and could not: " + problem);
        l.setWrapText(true);
        l.getStyleClass().add(atlantafx.base.theme.Styles.DANGER);
        return new javafx.scene.layout.StackPane(l);
    }

    /** "2 alerts firing" in red, "1 pending" in amber, "no alerts" in green, grey without Prometheus. */
    private ObjectBinding<Chip> alertsChip() {
        return Bindings.createObjectBinding(() -> {
            if (!alerts.reachableProperty().get()) {
                return Chip.idle("Alerts", "no Prometheus to ask");
            }
            int firing = alerts.firingCountProperty().get();
            int pending = alerts.pendingCountProperty().get();
            if (firing > 0) {
                return new Chip(Chip.Level.DOWN, firing + (firing == 1 ? " alert" : " alerts") + " firing",
                        "see the Alerts tab" + (pending > 0 ? "; " + pending + " pending" : ""));
            }
            if (pending > 0) {
                return new Chip(Chip.Level.WARN, pending + " pending", "an alert's condition holds; it fires after its 'for'");
            }
            return new Chip(Chip.Level.OK, "no alerts", "every rule is inactive");
        }, alerts.reachableProperty(), alerts.firingCountProperty(), alerts.pendingCountProperty());
    }

    static String dashboardUid(Path dashboard) {
        try {
            return new ObjectMapper().readTree(dashboard.toFile()).path("uid").asText(DEFAULT_DASHBOARD_UID);
        } catch (IOException e) {
            LOG.warn("cannot read {}: {}", dashboard, e.toString());
            return DEFAULT_DASHBOARD_UID;
        }
    }

    public MainView view() {
        return view;
    }

    /** Starts the tabs' polls (they show "not running" states until the stack is up). */
    public void start() {
        alerts.start();
        targets.start();
        query.start();
        if (live != null) {
            live.start();
        }
    }

    /** Stops the polls; call before the executor shuts down. */
    public void stop() {
        alerts.stop();
        targets.stop();
        query.stop();
        if (live != null) {
            live.stop();
        }
    }
}
