package dev.mlobservatory.console.explain;

import atlantafx.base.theme.Styles;
import dev.mlobservatory.console.ui.ResultTable;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Explain on the PromQL tab: the expression as a tree (each part's PromQL, its result, what it does), and the selected
 * part's full result in a table under it. Binds to an {@link ExplainModel} and forwards to it; the tab that hosts it
 * places {@link #opener()} and the window gives it a Get Prometheus button ({@link #setGetPrometheus}).
 */
public final class ExplainView extends BorderPane {

    private static final String STYLESHEET =
            Objects.requireNonNull(ExplainView.class.getResource("explain.css")).toExternalForm();

    private final ExplainModel model;
    private final Supplier<String> expression;
    final Button opener = new Button("Explain");
    final Label message = new Label();
    final Button close = new Button("Back to the result");
    final StackPane getPrometheus = new StackPane();
    final TreeView<ExplainStep> tree = new TreeView<>();
    final Label selectedCode = new Label();
    final Label selectedResult = new Label();
    final TableView<ExplainRow> table = new TableView<>();
    final Label tablePlaceholder = new Label();
    private final SplitPane split = new SplitPane();

    /** @param expression the expression to explain when {@link #opener()} is pressed: the editor's text */
    public ExplainView(ExplainModel model, Supplier<String> expression) {
        this.model = model;
        this.expression = expression;
        createView();
        initListeners();
    }

    private void createView() {
        getStylesheets().add(STYLESHEET);
        getStyleClass().add("explain-view");
        setId("explain-view");
        // In a low window the tree scrolls and the editor above keeps its lines (a VBox shrinks this pane first).
        setMinHeight(0);
        opener.setId("explain-open");
        opener.setTooltip(new Tooltip("Show the expression in the editor as a tree: each part, what it does and its "
                + "value now (Ctrl+Shift+Enter; needs Prometheus 3)"));
        Label title = new Label("Explain");
        title.getStyleClass().add(Styles.TITLE_4);
        title.setMinWidth(Region.USE_PREF_SIZE);
        message.setId("explain-message");
        message.setWrapText(true);
        message.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(message, Priority.ALWAYS);
        close.setId("explain-close");
        close.setMinWidth(Region.USE_PREF_SIZE);
        close.setTooltip(new Tooltip("Show the query's own result again (running a query does too)"));
        HBox header = new HBox(12, title, message, close);
        header.setAlignment(Pos.CENTER_LEFT);
        getPrometheus.setId("explain-get-prometheus");
        getPrometheus.setAlignment(Pos.CENTER_LEFT);
        getPrometheus.managedProperty().bind(getPrometheus.visibleProperty());
        VBox top = new VBox(6, header, getPrometheus);
        top.setPadding(new Insets(0, 0, 6, 0));
        setTop(top);

        tree.setId("explain-tree");
        tree.getStyleClass().add("explain-tree");
        tree.setShowRoot(true);
        tree.setCellFactory(t -> new ExplainCell(() -> model.stateProperty().get()));

        // One line above the table: the part whose result it is (cut with "…", whole in the tooltip), and its count.
        selectedCode.setId("explain-selected-code");
        selectedCode.getStyleClass().add("explain-selected");
        selectedCode.setMinWidth(0);
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(selectedCode.textProperty());
        selectedCode.setTooltip(whole);
        selectedResult.setId("explain-selected-result");
        selectedResult.setMinWidth(Region.USE_PREF_SIZE);
        selectedResult.getStyleClass().add(Styles.TEXT_MUTED);
        HBox selectedLine = new HBox(12, selectedCode, selectedResult);
        selectedLine.setAlignment(Pos.BASELINE_LEFT);
        ResultTable.columns(table, ExplainRow::series, ExplainRow::value, 250);
        table.setId("explain-table");
        table.setItems(model.rows());
        tablePlaceholder.setWrapText(true);
        table.setPlaceholder(tablePlaceholder);
        VBox selected = new VBox(4, selectedLine, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        selected.setPadding(new Insets(6, 0, 0, 0));

        split.setOrientation(Orientation.VERTICAL);
        split.getItems().setAll(tree, selected);
        split.setDividerPositions(0.66);
        setCenter(split);
    }

    private void initListeners() {
        opener.setOnAction(e -> model.explain(expression.get()));
        close.setOnAction(e -> model.close());
        model.stateProperty().addListener((o, was, now) -> show(was, now));
        show(null, model.stateProperty().get());
        getPrometheus.visibleProperty().bind(model.needsPrometheus3());
        tree.getSelectionModel().selectedItemProperty().addListener((o, was, item) -> {
            if (item != null) {
                model.select(item.getValue());
            }
        });
        model.selectedProperty().addListener((o, was, step) -> showSelected());
    }

    /** The Get Prometheus button and its progress, offered while the Prometheus asked is older than 3. */
    public void setGetPrometheus(Node getPrometheusView) {
        getPrometheus.getChildren().setAll(getPrometheusView);
    }

    /** The button that explains the editor's expression, for the hosting tab's bar. */
    public Button opener() {
        return opener;
    }

    private void show(ExplainState was, ExplainState now) {
        message.setText(now.message());
        message.getStyleClass().removeAll(Styles.DANGER, Styles.WARNING, Styles.TEXT_MUTED);
        message.getStyleClass().add(switch (now.phase()) {
            case NOT_PARSED, FAILED -> Styles.DANGER;
            case NO_PROMETHEUS, NEEDS_PROMETHEUS_3 -> Styles.WARNING;
            default -> Styles.TEXT_MUTED;
        });
        split.setVisible(now.phase().hasTree());
        if (!now.phase().hasTree()) {
            tree.setRoot(null);
        } else if (was == null || was.root() != now.root()) {
            // A new expression: a new tree, every part open, the whole expression's result in the table.
            tree.setRoot(item(now.root()));
            tree.getSelectionModel().select(0);
        } else {
            tree.refresh(); // the same tree with more results
        }
        showSelected();
    }

    private static TreeItem<ExplainStep> item(ExplainStep step) {
        TreeItem<ExplainStep> item = new TreeItem<>(step);
        step.children().forEach(c -> item.getChildren().add(item(c)));
        item.setExpanded(true);
        return item;
    }

    private void showSelected() {
        ExplainStep step = model.selectedProperty().get();
        ExplainState state = model.stateProperty().get();
        NodeResult r = step == null || state.root() == null ? null : state.result(step);
        selectedCode.setText(step == null ? "" : step.promql());
        selectedResult.setText(r == null ? "" : r instanceof NodeResult.Failed ? "→ no result" : "→ " + r.summary());
        // An error is the table's message, in red and whole: it is what the student has to read.
        tablePlaceholder.setText(r == null ? "Select a part of the expression to see its whole result here."
                : r instanceof NodeResult.Pending ? "Waiting for Prometheus…"
                : r instanceof NodeResult.Failed f ? "Prometheus said: " + f.message()
                : "No series: this part finds nothing at this time.");
        tablePlaceholder.getStyleClass().removeAll(Styles.DANGER, Styles.TEXT_MUTED);
        tablePlaceholder.getStyleClass().add(r instanceof NodeResult.Failed ? Styles.DANGER : Styles.TEXT_MUTED);
    }
}
