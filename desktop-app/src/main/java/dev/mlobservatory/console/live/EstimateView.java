package dev.mlobservatory.console.live;

import atlantafx.base.theme.Styles;
import java.util.List;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * "How good is the estimate?" on the Live tab: p50/p95/p99 as three rows, from the classic buckets, the native
 * histogram and the traffic engine, each estimate with its error against the measurement (green when close, the
 * warning colour when far off), a message line and a caption saying why they differ. It only shows what
 * {@link EstimateModel} publishes.
 */
public final class EstimateView extends VBox {

    static final String CAPTION = "Classic buckets only know which of the lab's bounds (… 0.5 s, 1 s, 2.5 s, 5 s) a "
            + "request fell under and draw a straight line inside it, native buckets are about 9 % wide, and the "
            + "traffic engine times every round trip itself: the truth both estimates aim at (the HTTP hop, a few "
            + "ms, included).";

    private final EstimateModel model;
    private final Label title = new Label();
    private final Label message = new Label();
    private final Label caption = new Label(CAPTION);
    /** Per row (p50, p95, p99): classic value, classic error, native value, native error, engine value. */
    private final Label[][] cells = new Label[3][5];

    public EstimateView(EstimateModel model) {
        this.model = model;
        createView();
        initListeners();
    }

    private void createView() {
        setId("live-estimate");
        getStyleClass().add("estimate");
        title.setId("live-estimate-title");
        title.getStyleClass().add(Styles.TITLE_4);
        message.setId("live-estimate-message");
        message.setWrapText(true);
        caption.setId("live-estimate-caption");
        caption.getStyleClass().add(Styles.TEXT_MUTED);
        caption.setWrapText(true);
        caption.setMinWidth(0);
        caption.setPrefWidth(Region.USE_COMPUTED_SIZE);

        GridPane table = new GridPane();
        table.setId("live-estimate-table");
        table.getStyleClass().add("estimate-table");
        table.setHgap(10);
        table.setVgap(2);
        table.getColumnConstraints().add(column(HPos.LEFT));
        for (int i = 0; i < 5; i++) {
            table.getColumnConstraints().add(column(HPos.RIGHT));
        }
        header(table, 1, "Classic buckets", "the lab's histogram_quantile");
        header(table, 3, "Native histogram", "Prometheus 3");
        header(table, 5, "Traffic engine", "measured round trips");
        for (Estimate.Quantile q : Estimate.Quantile.values()) {
            int row = q.ordinal() + 2;
            Label name = new Label(q.label());
            name.getStyleClass().addAll("estimate-value", Styles.TEXT_BOLD);
            table.add(name, 0, row);
            for (int c = 0; c < 5; c++) {
                Label cell = new Label();
                boolean error = c == 1 || c == 3;
                cell.getStyleClass().add(error ? "estimate-error" : "estimate-value");
                cell.setId("live-estimate-" + q.label() + "-" + List.of("classic", "classic-error", "native",
                        "native-error", "engine").get(c));
                cell.setMinWidth(Region.USE_PREF_SIZE); // a number cut to "11…" is worse than a narrower caption
                cells[q.ordinal()][c] = cell;
                table.add(cell, c + 1, row);
            }
        }
        table.setMinWidth(Region.USE_PREF_SIZE);

        // The caption under the table, across the whole width: beside it, a projector's 950 px left it a column
        // of one word per line.
        caption.setMaxWidth(Double.MAX_VALUE);
        getChildren().addAll(title, message, table, caption);
        setSpacing(6);
        setPadding(new Insets(8, 14, 8, 8));
        setMinSize(0, 0);
    }

    private static ColumnConstraints column(HPos alignment) {
        ColumnConstraints c = new ColumnConstraints();
        c.setHalignment(alignment);
        c.setMinWidth(Region.USE_PREF_SIZE);
        return c;
    }

    /** A source's name over its value and error columns, with what it is underneath. */
    private static void header(GridPane table, int column, String name, String what) {
        Label head = new Label(name);
        head.getStyleClass().add(Styles.TEXT_BOLD);
        head.setMinWidth(Region.USE_PREF_SIZE);
        Label sub = new Label(what);
        sub.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        sub.setMinWidth(Region.USE_PREF_SIZE);
        int span = column == 5 ? 1 : 2;
        table.add(head, column, 0, span, 1);
        table.add(sub, column, 1, span, 1);
        GridPane.setHalignment(head, HPos.RIGHT);
        GridPane.setHalignment(sub, HPos.RIGHT);
    }

    private void initListeners() {
        model.estimateProperty().addListener((obs, old, e) -> show(e));
        show(model.getEstimate());
    }

    /** On the FX thread, where the model publishes. */
    private void show(Estimate e) {
        title.setText("How good is the estimate? p50/p95/p99 over the last " + Estimate.seconds(e.window()));
        message.setText(e.message());
        message.getStyleClass().removeAll(Styles.TEXT_MUTED, Styles.WARNING, Styles.DANGER);
        message.getStyleClass().add(switch (e.level()) {
            case OK -> Styles.TEXT_MUTED;
            case WARNING -> Styles.WARNING;
            case DANGER -> Styles.DANGER;
        });
        for (Estimate.Row r : e.rows()) {
            Label[] row = cells[r.quantile().ordinal()];
            row[0].setText(Estimate.ms(r.classicMs()));
            showError(row[1], r.classicErrorPercent(), Estimate.verdict(r.classicMs(), r.engineMs()));
            row[2].setText(Estimate.ms(r.nativeMs()));
            showError(row[3], r.nativeErrorPercent(), Estimate.verdict(r.nativeMs(), r.engineMs()));
            row[4].setText(Estimate.ms(r.engineMs()));
        }
    }

    private static void showError(Label cell, double percent, Estimate.Verdict verdict) {
        cell.setText(Estimate.percent(percent));
        cell.getStyleClass().removeAll(Styles.SUCCESS, Styles.WARNING, Styles.TEXT_MUTED);
        switch (verdict) {
            case CLOSE -> cell.getStyleClass().add(Styles.SUCCESS);
            case FAR_OFF -> cell.getStyleClass().add(Styles.WARNING);
            case OFF, NONE -> cell.getStyleClass().add(Styles.TEXT_MUTED);
        }
    }
}
