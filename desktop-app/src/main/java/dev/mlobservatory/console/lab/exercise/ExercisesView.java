package dev.mlobservatory.console.lab.exercise;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.collections.SetChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The PromQL exercises pane: the list (✓ for passed), the task, the answer box, Check (Ctrl+Enter), hints one at a
 * time, Explain and Open in PromQL, and what the check found. Binds and forwards to {@link ExercisesModel} only.
 */
public final class ExercisesView extends BorderPane {

    private final ExercisesModel model;
    private final ListView<Exercise> list = new ListView<>();
    private final Label title = new Label();
    private final Label task = new Label();
    private final TextArea answer = new TextArea();
    private final Button check = new Button("Check");
    private final Button hint = new Button();
    private final Button explain = new Button("Explain");
    private final Button open = new Button("Open in PromQL");
    private final Label result = new Label();
    private final VBox hints = new VBox(4);
    private final Label fileProblem = new Label();
    private final Label progress = new Label();

    public ExercisesView(ExercisesModel model) {
        this.model = model;
        createView();
        initListeners();
    }

    private void createView() {
        list.setId("exercise-list");
        // In em, so that presenter mode's larger type widens the list instead of cutting the titles short.
        list.setStyle("-fx-pref-width: 24em; -fx-min-width: 14em;");
        list.setCellFactory(l -> new ListCell<>() {
            /** A column of its own for the tick, so that titles stay aligned whether passed or not. */
            private final Label tick = new Label();

            {
                tick.setMinWidth(18);
                tick.getStyleClass().add(Styles.SUCCESS);
            }

            @Override
            protected void updateItem(Exercise item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.title());
                tick.setText(item != null && model.passedIds().contains(item.id()) ? "✓" : "");
                setGraphic(empty || item == null ? null : tick);
            }
        });
        progress.getStyleClass().add(Styles.TEXT_MUTED);
        progress.setId("exercise-progress");
        VBox left = new VBox(6, progress, list);
        VBox.setVgrow(list, Priority.ALWAYS);

        title.getStyleClass().add(Styles.TITLE_3);
        title.setId("exercise-title");
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        task.setMinHeight(Region.USE_PREF_SIZE);
        task.setWrapText(true);
        task.setId("exercise-task");
        answer.setId("exercise-answer");
        answer.setPromptText("Your PromQL here, e.g. rate(ml_predictions_total[1m]) — Ctrl+Enter checks it");
        answer.setPrefRowCount(3);
        answer.setWrapText(true);
        answer.setStyle("-fx-font-family: monospace;");
        check.setId("exercise-check");
        check.getStyleClass().add(Styles.ACCENT);
        check.setTooltip(new Tooltip("Runs your query and the reference on the same data, at three times (Ctrl+Enter)"));
        hint.setId("exercise-hint");
        explain.setId("exercise-explain");
        explain.setTooltip(new Tooltip("Shows how Prometheus reads your query, part by part (Prometheus 3)"));
        open.setId("exercise-open");
        HBox buttons = new HBox(8, check, hint, explain, open);
        buttons.setAlignment(Pos.CENTER_LEFT);
        result.setId("exercise-result");
        result.setWrapText(true);
        result.setMaxWidth(Double.MAX_VALUE);
        result.setMinHeight(Region.USE_PREF_SIZE); // a reason is read whole, never cut to "…"
        hints.setId("exercise-hints");
        fileProblem.setId("exercises-file-problem");
        fileProblem.setWrapText(true);
        fileProblem.getStyleClass().add(Styles.WARNING);
        VBox right = new VBox(10, fileProblem, title, task, answer, buttons, result, hints);
        right.setPadding(new Insets(0, 0, 0, 14));
        right.setFillWidth(true);

        setLeft(left);
        setCenter(right);
        setBottom(dev.mlobservatory.console.ui.TabParts.help("Check runs your query and the exercise's own on the same "
                + "Prometheus at three times, 30 s apart: it passes when both give the same series (the same labels) "
                + "with the same values. Equal formulations pass; the reason of a fail says what to change."));
        setPadding(new Insets(10));
    }

    private void initListeners() {
        list.setItems(model.exercises());
        list.getSelectionModel().select(model.selectedProperty().get());
        list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                model.selectedProperty().set(now);
            }
        });
        model.selectedProperty().addListener((o, was, now) -> {
            list.getSelectionModel().select(now);
            showExercise();
        });
        answer.textProperty().bindBidirectional(model.answerProperty());
        answer.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && e.isShortcutDown()) {
                model.check();
                e.consume();
            }
        });
        check.setOnAction(e -> model.check());
        check.disableProperty().bind(Bindings.createBooleanBinding(model::checking, model.stateProperty()));
        hint.setOnAction(e -> model.revealHint());
        explain.setOnAction(e -> model.explain());
        open.setOnAction(e -> model.openInPromQL());
        explain.visibleProperty().bind(model.explainAvailableProperty());
        explain.managedProperty().bind(explain.visibleProperty());
        explain.disableProperty().bind(answer.textProperty().isEmpty());
        open.disableProperty().bind(answer.textProperty().isEmpty());
        model.hintsShownProperty().addListener((o, a, b) -> showHints());
        model.stateProperty().addListener((o, a, b) -> showState());
        fileProblem.textProperty().bind(Bindings.createStringBinding(() -> model.fileProblemProperty().get() == null
                ? "" : "Your exercises file was left out: " + model.fileProblemProperty().get(),
                model.fileProblemProperty()));
        fileProblem.visibleProperty().bind(model.fileProblemProperty().isNotNull());
        fileProblem.managedProperty().bind(fileProblem.visibleProperty());
        model.passedIds().addListener((SetChangeListener<String>) c -> {
            list.refresh();
            showProgress();
        });
        showExercise();
        showProgress();
    }

    private void showExercise() {
        Exercise e = model.selectedProperty().get();
        title.setText(e == null ? "No exercises" : e.title());
        task.setText(e == null ? "" : e.task());
        showHints();
        showState();
    }

    private void showHints() {
        Exercise e = model.selectedProperty().get();
        int shown = model.hintsShownProperty().get();
        hints.getChildren().clear();
        if (e == null) {
            return;
        }
        for (int i = 0; i < shown && i < e.hints().size(); i++) {
            Label h = new Label("Hint " + (i + 1) + ": " + e.hints().get(i));
            h.setWrapText(true);
            h.getStyleClass().add(Styles.TEXT_MUTED);
            hints.getChildren().add(h);
        }
        int left = e.hints().size() - shown;
        hint.setText(left > 0 ? "Hint (" + left + " left)" : "No more hints");
        hint.setDisable(left <= 0);
    }

    private void showState() {
        CheckState s = model.stateProperty().get();
        result.setText(s.message());
        result.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER, Styles.WARNING, Styles.TEXT_MUTED,
                Styles.TEXT_BOLD);
        switch (s.kind()) {
            case PASS -> result.getStyleClass().addAll(Styles.SUCCESS, Styles.TEXT_BOLD);
            case FAIL -> result.getStyleClass().add(Styles.DANGER);
            case NO_DATA, NO_PROMETHEUS, ERROR -> result.getStyleClass().add(Styles.WARNING);
            default -> result.getStyleClass().add(Styles.TEXT_MUTED);
        }
    }

    private void showProgress() {
        long done = model.exercises().stream().filter(e -> model.passedIds().contains(e.id())).count();
        progress.setText(done + " of " + model.exercises().size() + " passed");
    }
}
