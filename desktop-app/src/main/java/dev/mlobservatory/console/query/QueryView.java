package dev.mlobservatory.console.query;

import atlantafx.base.theme.Styles;
import dev.mlobservatory.console.prom.QueryNotes;
import dev.mlobservatory.console.prom.QueryResult;
import dev.mlobservatory.console.ui.ResultTable;
import dev.mlobservatory.console.ui.SaveChart;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The PromQL sandbox tab: an editor with completion (Ctrl+Space) that runs on Ctrl+Enter, the answer as a
 * table, a chart or a single value, Prometheus's error in red right under the editor, and the lab's
 * examples, a cheat-sheet and the history beside it. It binds to a {@link QueryModel} and forwards to it.
 */
public final class QueryView extends BorderPane {

    private final QueryModel model;

    final TextArea editor = new TextArea();
    final Label error = new Label();
    /** Prometheus's warnings and infos about a query that worked, e.g. "metric might not be a counter". */
    final Label notes = new Label();
    /** Why a query found no series when a metric name in it is unknown, with the nearest names. */
    final Label noSeries = new Label();
    final ToggleButton instant = new ToggleButton(QueryMode.INSTANT.label());
    final ToggleButton range = new ToggleButton(QueryMode.RANGE.label());
    private final ToggleGroup modes = new ToggleGroup();
    final ComboBox<RangeWindow> window = new ComboBox<>();
    final Button run = new Button("Run");
    final ProgressIndicator busy = new ProgressIndicator(-1);
    final Label summary = new Label();
    final Label namesStatus = new Label();
    final Button refreshNames = new Button("Refresh names");
    final Button copyCsv = new Button("Copy CSV");
    final TableView<ResultRow> table = new TableView<>();
    final RangeChart chart = new RangeChart();
    final Label chartNote = new Label();
    final Button savePng;
    final Label savePngStatus;
    final Label value = new Label();
    final Label placeholder = new Label("Type a query and press Ctrl+Enter, or pick one of the lab examples.");
    final QuerySidePane side;
    final CompletionPopup completion;
    private final HBox bar = new HBox(8);
    private QueryLayout layout;

    public QueryView(QueryModel model) {
        this.model = model;
        this.side = new QuerySidePane(model);
        this.completion = new CompletionPopup(editor, model);
        this.savePng = SaveChart.button(chart.node(), chart::title, model.chartSaver());
        this.savePngStatus = SaveChart.status(model.chartSaver());
        createView();
        initListeners();
    }

    private void createView() {
        getStyleClass().add("query-view");

        instant.setToggleGroup(modes);
        range.setToggleGroup(modes);
        instant.getStyleClass().add(Styles.LEFT_PILL);
        range.getStyleClass().add(Styles.RIGHT_PILL);
        instant.setTooltip(new Tooltip("One value per series, now: a table"));
        range.setTooltip(new Tooltip("Values over the chosen window: a chart"));
        instant.setId("query-instant");
        range.setId("query-range");
        window.setId("query-window");
        window.getItems().setAll(RangeWindow.values());
        window.setCellFactory(v -> new WindowCell());
        window.setButtonCell(new WindowCell());
        window.setTooltip(new Tooltip("Time window of a range query; the step adapts (about 250 points)"));
        run.setId("query-run");
        run.getStyleClass().add(Styles.ACCENT);
        run.setTooltip(new Tooltip("Run the query (Ctrl+Enter)"));
        busy.setId("query-busy");
        busy.setStyle("-fx-pref-width: 1.4em; -fx-pref-height: 1.4em;");
        summary.setId("query-summary");
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        namesStatus.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        copyCsv.setId("query-copy-csv");
        copyCsv.setTooltip(new Tooltip("Copy the table to the clipboard as CSV: a column per label, then the value"));
        refreshNames.setId("query-refresh-names");
        refreshNames.getStyleClass().add(Styles.FLAT);
        refreshNames.setTooltip(new Tooltip("Fetch metric and label names again for completion"));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        // In presenter mode the bar is short of room: the controls keep their full size and place, and the two
        // texts give way (cut with "…", whole in their tooltips).
        for (Control c : new Control[] {instant, range, window, run, copyCsv, refreshNames}) {
            c.setMinWidth(Region.USE_PREF_SIZE);
        }
        for (Label text : new Label[] {summary, namesStatus}) {
            text.setMinWidth(0);
            Tooltip whole = new Tooltip();
            whole.textProperty().bind(text.textProperty());
            text.setTooltip(whole);
        }
        bar.getChildren().setAll(new HBox(instant, range), window, run, busy, summary, copyCsv, spacer, namesStatus,
                refreshNames);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(0, 0, 8, 0));

        editor.setId("query-editor");
        editor.getStyleClass().add("query-editor");
        editor.setStyle("-fx-font-family: monospace; -fx-font-size: 1.1em;");
        editor.setPrefRowCount(3);
        // A low window shrinks the answer, not the editor: a query cut mid-line cannot be read (presenter, 1366×768).
        editor.setMinHeight(Region.USE_PREF_SIZE);
        editor.setWrapText(true);
        editor.setPromptText("e.g. rate(ml_predictions_total[1m])  —  Ctrl+Space completes names, Ctrl+Enter runs");

        error.setId("query-error");
        error.getStyleClass().add("query-error");
        error.setWrapText(true);
        error.setMaxWidth(Double.MAX_VALUE);
        error.setCursor(Cursor.HAND);
        noSeries.setId("query-no-series");
        noSeries.getStyleClass().add(Styles.WARNING);
        noSeries.setWrapText(true);
        noSeries.setMaxWidth(Double.MAX_VALUE);
        noSeries.managedProperty().bind(noSeries.visibleProperty());
        notes.setId("query-notes");
        notes.getStyleClass().add("query-notes");
        notes.setWrapText(true);
        notes.setMaxWidth(Double.MAX_VALUE);
        notes.setVisible(false);
        notes.managedProperty().bind(notes.visibleProperty());

        ResultTable.columns(table, ResultRow::series, ResultRow::value, 167);
        table.setId("query-table");
        table.setItems(model.rows());
        table.setPlaceholder(new Label("No series matched: check the metric name and labels, or send some traffic first."));

        value.setId("query-value");
        value.setStyle("-fx-font-size: 2.5em; -fx-font-family: monospace;");
        chartNote.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        chartNote.setWrapText(true);
        chartNote.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(chartNote, Priority.ALWAYS);
        savePng.setId("query-save-png");
        savePng.getStyleClass().add(Styles.SMALL);
        savePng.setMinWidth(Region.USE_PREF_SIZE); // the note beside it wraps; the button keeps its words
        savePngStatus.setId("query-save-png-status");
        SaveChart.contextMenu(chart.node(), chart::title, model.chartSaver());
        HBox chartFoot = new HBox(8, chartNote, savePngStatus, savePng);
        chartFoot.setAlignment(Pos.CENTER_LEFT);
        VBox chartBox = new VBox(4, chart.node(), chartFoot);
        // Room right of the chart: its last time label is centred on the last sample, at the plot's right edge.
        chartBox.setPadding(new Insets(0, 12, 0, 0));
        VBox.setVgrow(chart.node(), Priority.ALWAYS);
        chartBox.setId("query-chart-box");
        placeholder.getStyleClass().add(Styles.TEXT_MUTED);
        placeholder.setWrapText(true);
        StackPane results = new StackPane(table, chartBox, value, placeholder);
        VBox.setVgrow(results, Priority.ALWAYS);
        side.setMinWidth(0);
        layout = new QueryLayout(editor, new VBox(6, error, noSeries, notes, results), side);
        setTop(bar);
        setCenter(layout);
        setPadding(new Insets(10));
    }

    private void initListeners() {
        editor.textProperty().bindBidirectional(model.queryProperty());
        editor.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && (e.isControlDown() || e.isShortcutDown())) {
                model.run();
                e.consume();
            }
        });
        run.setOnAction(e -> model.run());
        refreshNames.setOnAction(e -> model.requestNames());
        copyCsv.setOnAction(e -> {
            ClipboardContent csv = new ClipboardContent();
            csv.putString(model.resultCsv());
            Clipboard.getSystemClipboard().setContent(csv);
        });
        copyCsv.disableProperty().bind(Bindings.isEmpty(model.rows()));
        namesStatus.textProperty().bind(model.namesStatusProperty());
        summary.textProperty().bind(model.summaryProperty());
        noSeries.textProperty().bind(model.noSeriesHintProperty());
        noSeries.visibleProperty().bind(model.noSeriesHintProperty().isNotEmpty());
        busy.visibleProperty().bind(model.runningProperty());
        // always managed: the space is kept, so Copy CSV does not move right while a query runs

        selectMode(model.modeProperty().get());
        model.modeProperty().addListener((obs, old, now) -> selectMode(now));
        modes.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                // A mode is always chosen: clicking the selected pill again must not leave none.
                modes.selectToggle(old);
            } else if (model.modeProperty().get() != modeOf(now)) {
                model.modeProperty().set(modeOf(now));
                model.rerun();
            }
        });
        window.valueProperty().bindBidirectional(model.windowProperty());
        window.setOnAction(e -> model.rerun());
        window.disableProperty().bind(model.modeProperty().isEqualTo(QueryMode.INSTANT));

        model.errorProperty().addListener((obs, old, now) -> showError(now));
        showError(model.errorProperty().get());
        error.setOnMouseClicked(e -> {
            // Clicking Prometheus's "1:17: parse error" puts the caret where it points.
            QueryError err = model.errorProperty().get();
            int at = err == null ? -1 : err.offsetIn(editor.getText());
            if (at >= 0) {
                editor.requestFocus();
                editor.positionCaret(at);
            }
        });
        model.answerProperty().addListener((obs, old, now) -> showAnswer(now));
        showAnswer(model.answerProperty().get());
    }

    /**
     * Hosts another way of looking at the editor's expression, from its own feature (Explain): {@code opener} in the
     * bar after Run and on {@code key} while the tab has focus; {@code pane} in place of the answer while {@code
     * shown}, when the examples panel also steps aside so that the pane has the tab's whole width.
     */
    public void addView(Button opener, Node pane, ObservableBooleanValue shown, KeyCombination key) {
        opener.setMinWidth(Region.USE_PREF_SIZE);
        bar.getChildren().add(bar.getChildren().indexOf(run) + 1, opener);
        layout.host(pane, shown);
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (key.match(e)) {
                opener.fire();
                e.consume();
            }
        });
    }

    private void showError(QueryError err) {
        error.setText(err == null ? "" : err.text());
        error.setVisible(err != null);
        error.setManaged(err != null);
        error.getStyleClass().removeAll(Styles.DANGER, Styles.WARNING);
        if (err != null) {
            // Prometheus saying no is the user's to fix (red); no Prometheus at all is a state to change (amber).
            boolean absent = err.kind() == QueryError.Kind.NOT_RUNNING || err.kind() == QueryError.Kind.UNREACHABLE;
            error.getStyleClass().add(absent ? Styles.WARNING : Styles.DANGER);
        }
        placeholder.setVisible(model.answerProperty().get() == null && err == null);
    }

    private void showAnswer(QueryAnswer a) {
        QueryResult r = a == null ? null : a.result();
        QueryNotes said = a == null ? QueryNotes.NONE : a.notes();
        notes.setText(String.join("\n", said.lines()));
        notes.setVisible(!said.isEmpty());
        notes.getStyleClass().removeAll(Styles.WARNING, Styles.ACCENT);
        // A warning says the answer may be wrong (amber); an info says the query may not mean what it says.
        notes.getStyleClass().add(said.warnings().isEmpty() ? Styles.ACCENT : Styles.WARNING);
        table.setVisible(r instanceof QueryResult.Vector);
        chart.node().getParent().setVisible(r instanceof QueryResult.Matrix);
        value.setVisible(a != null && a.valueText() != null);
        placeholder.setVisible(a == null && model.errorProperty().get() == null);
        if (r instanceof QueryResult.Matrix m) {
            RangePlot plot = a.plot();
            chart.show(m, plot);
            chartNote.setText(plot.note());
        } else {
            chart.clear();
        }
        value.setText(a == null || a.valueText() == null ? "" : a.valueText());
    }

    private void selectMode(QueryMode mode) {
        modes.selectToggle(mode == QueryMode.RANGE ? range : instant);
    }

    private QueryMode modeOf(Object toggle) {
        return toggle == range ? QueryMode.RANGE : QueryMode.INSTANT;
    }

    private static final class WindowCell extends ListCell<RangeWindow> {
        @Override
        protected void updateItem(RangeWindow item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.label());
        }
    }
}
