package dev.mlobservatory.console.alerts;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

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
        getStylesheets().add(TableCells.STYLESHEET);
        setPadding(new Insets(8));

        Label title = new Label("Scrape targets");
        title.getStyleClass().add(Styles.TITLE_4);
        HBox header = new HBox(12, title, new Spacer(), counts);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(0, 0, 8, 0));
        setTop(header);

        table.setId("targets-table");
        table.getStyleClass().addAll("targets-table", Styles.STRIPED);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        placeholder.getStyleClass().addAll("tab-placeholder", Styles.TEXT_MUTED);
        table.setPlaceholder(placeholder);

        TableColumn<TargetItem, TargetHealth> health = new TableColumn<>("Health");
        health.setCellValueFactory(c -> c.getValue().healthProperty());
        health.setCellFactory(c -> TableCells.chip(TargetHealth::word));
        health.setPrefWidth(90);
        TableColumn<TargetItem, String> duration = text("Scrape duration", TargetItem::scrapeDurationProperty, 135);
        duration.getStyleClass().add("numeric");
        TableColumn<TargetItem, String> error = text("Last error", TargetItem::lastErrorProperty, 300);
        error.getStyleClass().add("last-error");
        error.setCellFactory(c -> TableCells.withTooltip());
        table.getColumns().setAll(List.of(health,
                text("Job", TargetItem::jobProperty, 100),
                text("Endpoint", TargetItem::scrapeUrlProperty, 240),
                text("Last scrape", TargetItem::lastScrapeProperty, 100),
                duration, error));
        table.getColumns().forEach(c -> c.setSortable(false));
        setCenter(table);

        Label help = new Label("Prometheus pulls /metrics from each target every scrape_interval; "
                + "the series up{job=…} is 1 when the last scrape worked, 0 when it failed.");
        help.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        help.setWrapText(true);
        help.setPadding(new Insets(6, 0, 0, 0));
        setBottom(help);
    }

    private void initListeners() {
        table.setItems(model.targets());
        placeholder.textProperty().bind(Bindings.when(model.messageProperty().isEmpty())
                .then("No scrape target yet.").otherwise(model.messageProperty()));
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

    private static TableColumn<TargetItem, String> text(String title,
                                                        Function<TargetItem, ObservableValue<String>> property,
                                                        double prefWidth) {
        TableColumn<TargetItem, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> property.apply(c.getValue()));
        column.setPrefWidth(prefWidth);
        return column;
    }
}
