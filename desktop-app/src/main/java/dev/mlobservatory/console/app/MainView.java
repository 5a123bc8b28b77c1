package dev.mlobservatory.console.app;

import atlantafx.base.theme.Styles;
import java.util.Locale;
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
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The main window's layout and nothing else: title, stack bar and window buttons on top, a banner under them,
 * traffic and chaos on the left, the tabs, a status line. {@link ConsoleWindow} gives it its parts and wires them.
 */
final class MainView extends BorderPane {

    final TabPane tabs = new TabPane();
    final Label status = new Label();
    final Label banner = new Label();
    /** Beside the banner's text: what the banner offers to do about it. */
    final StackPane bannerAction = new StackPane();
    final Button grafana = new Button("Open Grafana");
    /** JavaFX shows no tooltip on a disabled control, so the "why it is disabled" tooltip sits on a wrapper. */
    final Tooltip grafanaWhy = new Tooltip();
    final Button theme = new Button("◐");
    final Button presenter = new Button("Presenter");
    /** Beside Presenter: Export report (the report feature's button). */
    final StackPane reportSlot = new StackPane();
    /** Beside the status line: the report's progress. */
    final StackPane reportStatusSlot = new StackPane();

    /** @param tabs title and content of each tab, in order */
    MainView(Node stackBar, Node side, Tab... tabs) {
        Label title = new Label("ML Observatory");
        title.getStyleClass().add("app-title");
        grafana.setId("open-grafana");
        theme.setId("toggle-theme");
        theme.setTooltip(new Tooltip("Light / dark theme (Ctrl+D)"));
        presenter.setId("toggle-presenter");
        presenter.setTooltip(new Tooltip("Presenter mode: larger type for a projector (F5)"));
        HBox grafanaWrapper = new HBox(grafana);
        Tooltip.install(grafanaWrapper, grafanaWhy);
        HBox buttons = new HBox(8, grafanaWrapper, reportSlot, presenter, theme);
        buttons.setAlignment(Pos.TOP_RIGHT);
        title.setMinWidth(Region.USE_PREF_SIZE);
        BorderPane top = new BorderPane(stackBar, null, buttons, null, title);
        BorderPane.setMargin(title, new Insets(0, 12, 0, 0));
        BorderPane.setAlignment(title, Pos.TOP_LEFT);
        top.setPadding(new Insets(8, 10, 8, 10));

        banner.setWrapText(true);
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.setId("missing-prometheus-banner");
        banner.setVisible(false);
        HBox.setHgrow(banner, Priority.ALWAYS);
        HBox bannerRow = new HBox(16, banner, bannerAction);
        bannerRow.setAlignment(Pos.CENTER_LEFT);
        bannerRow.getStyleClass().add("banner");
        bannerRow.visibleProperty().bind(banner.visibleProperty());
        bannerRow.managedProperty().bind(bannerRow.visibleProperty());
        setTop(new VBox(top, bannerRow));

        ScrollPane sidePane = new ScrollPane(side);
        sidePane.setFitToWidth(true);
        sidePane.getStyleClass().addAll("traffic-side", "side-panel");
        setLeft(sidePane);

        for (Tab tab : tabs) {
            tab.setId("tab-" + tab.getText().toLowerCase(Locale.ROOT).replace(' ', '-'));
            this.tabs.getTabs().add(tab);
        }
        this.tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        setCenter(this.tabs);

        status.getStyleClass().add(Styles.TEXT_SMALL);
        status.setId("status-line");
        reportStatusSlot.getStyleClass().add(Styles.TEXT_SMALL);
        HBox bottom = new HBox(24, status, reportStatusSlot);
        bottom.getStyleClass().add("status-line");
        setBottom(bottom);
    }
}
