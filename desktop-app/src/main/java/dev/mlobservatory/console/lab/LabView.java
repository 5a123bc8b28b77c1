package dev.mlobservatory.console.lab;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.mlobservatory.console.ui.Format;
import dev.mlobservatory.console.ui.TabParts;
import java.time.ZoneId;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Lab tab: the steps with ✓/▶/○ on the left, the shown step's text, hint and last check on the right, Check,
 * the step's own button (Open /metrics, Open Grafana), Next step and Reset progress. Binds and forwards only.
 * {@link #setExercises} puts a second section (the PromQL exercises) under the steps.
 */
public final class LabView extends BorderPane {

    private final LabModel model;
    private final Consumer<String> openBrowser;
    private final ListView<LabRow> list = new ListView<>();
    private final Label title = new Label();
    private final Label text = new Label();
    private final Label hint = new Label();
    private final Label result = new Label();
    private final Label summary = new Label();
    private final Label problem = new Label();
    private final Button check = new Button("Check");
    private final Button action = new Button();
    private final Button next = new Button("Next step");
    private final Button reset = new Button("Reset progress…");
    private final BorderPane steps = new BorderPane();
    private Predicate<String> confirm = LabView::askOk;

    public LabView(LabModel model, Consumer<String> openBrowser) {
        this.model = model;
        this.openBrowser = openBrowser;
        createView();
        initListeners();
    }

    private void createView() {
        TabParts.frame(this, "Lab: monitoring step by step", summary);
        setId("lab-view");
        list.setId("lab-steps");
        list.setItems(model.rows());
        list.setCellFactory(v -> new StepCell());
        list.setPrefWidth(330);
        list.setMinWidth(240);
        title.setId("lab-title");
        title.getStyleClass().add(Styles.TITLE_3);
        title.setWrapText(true);
        text.setId("lab-text");
        text.setWrapText(true);
        hint.setId("lab-hint");
        hint.setWrapText(true);
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        result.setId("lab-result");
        result.setWrapText(true);
        result.setMaxWidth(Double.MAX_VALUE);
        result.getStyleClass().add("lab-result");
        check.setId("lab-check");
        check.getStyleClass().add(Styles.ACCENT);
        action.setId("lab-action");
        next.setId("lab-next");
        reset.setId("lab-reset");
        problem.setId("lab-problem");
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.DANGER);
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        summary.setId("lab-summary");

        HBox buttons = new HBox(8, check, action, next);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox detail = new VBox(12, title, text, hint, buttons, result);
        detail.setPadding(new Insets(4, 4, 4, 16));
        detail.setFillWidth(true);
        ScrollPane detailScroll = new ScrollPane(detail);
        detailScroll.setFitToWidth(true);
        detailScroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        steps.setLeft(list);
        steps.setCenter(detailScroll);
        setCenter(steps);

        HBox bottom = new HBox(16, problem, reset);
        HBox.setHgrow(problem, Priority.ALWAYS);
        problem.setMaxWidth(Double.MAX_VALUE);
        bottom.setAlignment(Pos.CENTER_RIGHT);
        bottom.setPadding(new Insets(8, 0, 0, 0));
        setBottom(bottom);
    }

    private void initListeners() {
        summary.textProperty().bind(model.summaryProperty());
        problem.textProperty().bind(model.problemProperty());
        list.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
            if (b.intValue() >= 0) {
                model.select(b.intValue());
            }
        });
        model.selectedProperty().addListener((o, a, b) -> showSelected());
        model.rows().addListener((javafx.collections.ListChangeListener<LabRow>) c -> showSelected());
        model.resultProperty().addListener((o, a, b) -> showResult());
        model.busyProperty().addListener((o, a, b) -> showResult());
        model.actionUrlProperty().addListener((o, a, b) -> action.setDisable(b == null));
        check.setOnAction(e -> model.check());
        next.setOnAction(e -> model.next());
        action.setOnAction(e -> {
            String url = model.actionUrlProperty().get();
            if (url != null) {
                openBrowser.accept(url);
            }
        });
        reset.setOnAction(e -> {
            if (confirm.test("Forget the lab progress of " + model.user() + " and start again at step 1?")) {
                model.reset();
            }
        });
        showSelected();
    }

    private void showSelected() {
        int i = model.selectedProperty().get();
        if (i < 0 || i >= model.rows().size()) {
            return;
        }
        if (list.getSelectionModel().getSelectedIndex() != i) {
            list.getSelectionModel().select(i);
        }
        LabRow row = model.rows().get(i);
        title.setText((i + 1) + ". " + row.step().title());
        text.setText(row.step().text());
        hint.setText(row.step().hint().isEmpty() ? "" : "Hint: " + row.step().hint());
        String a = row.step().action();
        action.setText(a.equals("metrics") ? "Open /metrics" : "Open Grafana");
        action.setVisible(!a.isEmpty());
        action.setManaged(!a.isEmpty());
        action.setDisable(model.actionUrlProperty().get() == null);
        showResult();
    }

    private void showResult() {
        int i = model.selectedProperty().get();
        LabRow row = i < model.rows().size() ? model.rows().get(i) : null;
        LabCheckResult r = model.resultProperty().get();
        result.getStyleClass().removeAll(Styles.SUCCESS, Styles.WARNING, Styles.TEXT_MUTED);
        boolean done = row != null && row.status() == LabRow.Status.DONE;
        next.setDisable(!done);
        check.setDisable(done);
        if (r != null) {
            String mark = switch (r.outcome()) {
                case PASSED -> "✓ Done. ";
                case SKIPPED -> "Skipped: ";
                case NOT_YET -> "Not yet: ";
            };
            result.setText(mark + r.message());
            result.getStyleClass().add(r.passed() ? Styles.SUCCESS
                    : r.outcome() == LabCheckResult.Outcome.SKIPPED ? Styles.TEXT_MUTED : Styles.WARNING);
        } else if (done) {
            result.setText("✓ Done at " + Format.clock(row.greenAt(), ZoneId.systemDefault()) + ".");
            result.getStyleClass().add(Styles.SUCCESS);
        } else {
            result.setText(model.busyProperty().get() ? "Checking…" : "");
            result.getStyleClass().add(Styles.TEXT_MUTED);
        }
    }

    /**
     * Puts {@code pane} (the PromQL exercises) beside the guided steps, each on a tab of its own inside the Lab tab:
     * split in two, neither had room for its text at 1366×768 in presenter type.
     */
    public void setExercises(Node pane) {
        Tab stepsTab = new Tab("Guided steps", steps);
        stepsTab.setId("tab-steps");
        Tab exercisesTab = new Tab("PromQL exercises", pane);
        exercisesTab.setId("tab-exercises");
        TabPane sections = new TabPane(stepsTab, exercisesTab);
        sections.setId("lab-sections");
        sections.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        setCenter(sections);
    }

    /** Replaces the confirmation dialog before a reset (tests answer it themselves). */
    void setConfirm(Predicate<String> confirm) {
        this.confirm = confirm;
    }

    private static boolean askOk(String question) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, question, ButtonType.OK, ButtonType.CANCEL);
        alert.setHeaderText("Reset the lab progress?");
        return alert.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    /** "✓ 1. Read the API's /metrics  10:42". */
    private static final class StepCell extends ListCell<LabRow> {
        StepCell() {
            setWrapText(true);
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(LabRow row, boolean empty) {
            super.updateItem(row, empty);
            getStyleClass().removeAll("lab-done", "lab-todo", "lab-current");
            if (empty || row == null) {
                setText(null);
                return;
            }
            String when = row.greenAt() == null ? "" : "  " + Format.clock(row.greenAt(), ZoneId.systemDefault());
            String skipped = row.status() == LabRow.Status.SKIPPED ? " (skipped)" : "";
            setText(row.status().mark() + " " + (getIndex() + 1) + ". " + row.step().title() + skipped + when);
            getStyleClass().add(switch (row.status()) {
                case DONE -> "lab-done";
                case SKIPPED, TODO -> "lab-todo";
                case CURRENT -> "lab-current";
            });
        }
    }
}
