package dev.mlobservatory.console.targets;

import static dev.mlobservatory.console.ui.TabParts.text;

import atlantafx.base.theme.Styles;
import dev.mlobservatory.console.ui.TabParts;
import dev.mlobservatory.console.ui.TableCells;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;

/** The Targets tab: what Prometheus scrapes, whether the last scrape worked, and its error when it did not. */
public final class TargetsView extends BorderPane {

    private final TargetsModel model;
    private final TableView<TargetItem> table = new TableView<>();
    private final Label placeholder = new Label();
    private final Label counts = new Label();

    public TargetsView(TargetsModel model) {
        this.model = model;
        createView();
        initListeners();
    }

    private void createView() {
        TabParts.frame(this, "Scrape targets", counts);
        TabParts.table(table, "targets-table", placeholder);

        TableColumn<TargetItem, TargetHealth> health = new TableColumn<>("Health");
        health.setCellValueFactory(c -> c.getValue().healthProperty());
        health.setCellFactory(c -> TableCells.chip(TargetHealth::word));
        health.setPrefWidth(80);
        TableColumn<TargetItem, String> duration = text("Duration", TargetItem::scrapeDurationProperty, 95);
        duration.getStyleClass().add("numeric");
        // Without "http://": the host, port and path are what a student reads; the tooltip has the whole URL.
        TableColumn<TargetItem, String> endpoint = text("Endpoint", TargetItem::scrapeUrlProperty, 215);
        endpoint.setCellFactory(c -> TableCells.withTooltip(url -> url.replaceFirst("^https?://", "")));
        TableColumn<TargetItem, String> error = text("Last error", TargetItem::lastErrorProperty, 300);
        error.getStyleClass().add("last-error");
        error.setCellFactory(c -> TableCells.withTooltip());
        TabParts.columns(table, List.of(health,
                text("Job", TargetItem::jobProperty, 115),
                endpoint,
                text("Last scrape", TargetItem::lastScrapeProperty, 120),
                duration, error));
        TabParts.followTypeSize(table);
        setCenter(table);

        setBottom(TabParts.help("Prometheus pulls /metrics from each target every scrape_interval (Duration: how long the last pull took); "
                + "the series up{job=…} is 1 when the last scrape worked, 0 when it failed."));
    }

    private void initListeners() {
        table.setItems(model.targets());
        TabParts.explain(placeholder, model.messageProperty(), "No scrape target yet.");
        counts.textProperty().bind(Bindings.format("%d/%d up", model.upCountProperty(), model.totalCountProperty()));
        Runnable restyle = () -> {
            boolean allUp = model.totalCountProperty().get() > 0
                    && model.upCountProperty().get() == model.totalCountProperty().get();
            counts.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER, Styles.TEXT_MUTED);
            counts.getStyleClass().add(model.totalCountProperty().get() == 0 ? Styles.TEXT_MUTED
                    : allUp ? Styles.SUCCESS : Styles.DANGER);
        };
        model.upCountProperty().addListener((o, a, b) -> restyle.run());
        model.totalCountProperty().addListener((o, a, b) -> restyle.run());
        restyle.run();
    }
}
