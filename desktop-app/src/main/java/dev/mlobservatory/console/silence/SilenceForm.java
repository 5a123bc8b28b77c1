package dev.mlobservatory.console.silence;

import atlantafx.base.theme.Styles;
import dev.mlobservatory.console.ui.Theme;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The new-silence form: matcher rows (name, operator, value), a duration (5m, 15m, 1h or typed), a comment and who
 * made it. "Silence" sends it through the model; a refusal, the model's or Alertmanager's, shows on the form and
 * keeps everything typed.
 */
final class SilenceForm extends VBox {

    /** The durations a class needs, one click each; anything else is typed. */
    static final List<Duration> CHOICES = List.of(Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(1));

    /** The form's width in ems: 560 px at the normal type size, wider in presenter type. */
    static final double WIDTH_EM = 43;

    private final SilencesModel model;
    final VBox rows = new VBox(6);
    final Button addRow = new Button("+ Matcher");
    final ToggleGroup durations = new ToggleGroup();
    final RadioButton custom = new RadioButton("other:");
    final TextField customText = new TextField("2h");
    final TextField comment = new TextField();
    final TextField createdBy = new TextField(SilenceRequest.defaultCreator());
    final Label error = new Label();
    final Button submit = new Button("Silence");
    final Button cancel = new Button("Cancel");
    private Runnable onDone = () -> { };

    SilenceForm(SilencesModel model) {
        this.model = model;
        setId("silence-form");
        setSpacing(10);
        setPadding(new Insets(14));
        setPrefWidth(WIDTH_EM * Theme.NORMAL_PX);

        Label title = new Label("New silence");
        title.getStyleClass().add(Styles.TITLE_4);
        Label intro = new Label("Alertmanager sends no notification for alerts whose labels match every line below, "
                + "until the silence ends. Prometheus still evaluates the rule: the alert still fires.");
        intro.setWrapText(true);
        intro.getStyleClass().add(Styles.TEXT_MUTED);
        // Wrapped text keeps all its lines when the error line appears: the window grows instead.
        intro.setMinHeight(Region.USE_PREF_SIZE);

        rows.setId("silence-matchers");
        addRow.setId("silence-add-matcher");
        addRow.getStyleClass().add(Styles.SMALL);
        addRow.setOnAction(e -> addRow(null));

        HBox durationRow = new HBox(10);
        durationRow.setAlignment(Pos.CENTER_LEFT);
        for (Duration d : CHOICES) {
            RadioButton choice = new RadioButton(SilenceRequest.text(d));
            choice.setUserData(d);
            choice.setToggleGroup(durations);
            durationRow.getChildren().add(choice);
        }
        custom.setToggleGroup(durations);
        custom.setId("silence-duration-custom");
        customText.setId("silence-duration-text");
        customText.setPrefColumnCount(6);
        customText.disableProperty().bind(custom.selectedProperty().not());
        customText.setTooltip(new Tooltip("Like 30m, 2h or 1h30m; from 1 minute to 24 hours"));
        durationRow.getChildren().addAll(custom, customText);
        durations.selectToggle(durations.getToggles().get(1));

        comment.setId("silence-comment");
        comment.setPromptText("why: e.g. demo, the API is being fixed");
        createdBy.setId("silence-created-by");

        error.setId("silence-form-error");
        error.setWrapText(true);
        error.setMinHeight(Region.USE_PREF_SIZE);
        error.getStyleClass().add(Styles.DANGER);
        error.setVisible(false);
        error.managedProperty().bind(error.visibleProperty());

        submit.setId("silence-submit");
        submit.getStyleClass().add(Styles.ACCENT);
        submit.setDefaultButton(true);
        submit.setOnAction(e -> submit());
        cancel.setId("silence-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> onDone.run());
        HBox buttons = new HBox(8, submit, cancel);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        getChildren().addAll(title, intro, caption("Matchers"), rows, addRow, caption("Duration"), durationRow,
                caption("Comment"), comment, caption("Created by"), createdBy, error, buttons);
    }

    private static Label caption(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_BOLD);
        return l;
    }

    /** What closes the form (the dialog hides itself): after a silence was created, or on Cancel. */
    void setOnDone(Runnable action) {
        onDone = action == null ? () -> { } : action;
    }

    /** Empties the form and puts one {@code name="value"} row per label, alertname first; one blank row for none. */
    void fill(Map<String, String> labels) {
        rows.getChildren().clear();
        Map<String, String> sorted = new TreeMap<>(labels);
        String name = sorted.remove("alertname");
        if (name != null) {
            addRow(Map.entry("alertname", name));
        }
        sorted.entrySet().forEach(this::addRow);
        if (rows.getChildren().isEmpty()) {
            addRow(null);
        }
        comment.clear();
        showError("");
        submit.setDisable(false);
        // The one field the form cannot fill in: the why.
        comment.requestFocus();
    }

    private void addRow(Map.Entry<String, String> label) {
        MatcherRow row = new MatcherRow(label == null ? "" : label.getKey(), label == null ? "" : label.getValue());
        row.remove.setOnAction(e -> rows.getChildren().remove(row));
        rows.getChildren().add(row);
    }

    /** The rows as matchers, blank rows skipped; an IllegalArgumentException naming a row without a label name. */
    List<Matcher> matchers() {
        List<Matcher> out = new ArrayList<>();
        int n = 0;
        for (var node : rows.getChildren()) {
            MatcherRow row = (MatcherRow) node;
            n++;
            if (row.name.getText().isBlank() && row.value.getText().isEmpty()) {
                continue;
            }
            if (row.name.getText().isBlank()) {
                throw new IllegalArgumentException("Matcher " + n + " has a value but no label name.");
            }
            out.add(new Matcher(row.name.getText(), row.op.getValue(), row.value.getText()));
        }
        return out;
    }

    /** The chosen duration; an IllegalArgumentException saying how to write one when the typed one does not parse. */
    Duration duration() {
        Object chosen = durations.getSelectedToggle() == null ? null : durations.getSelectedToggle().getUserData();
        return chosen instanceof Duration d ? d : SilenceRequest.parseDuration(customText.getText());
    }

    /** Sends the form through the model; a refusal stays on the form with everything typed. */
    void submit() {
        List<Matcher> matchers;
        Duration duration;
        try {
            matchers = matchers();
            duration = duration();
        } catch (IllegalArgumentException e) {
            showError(e.getMessage());
            return;
        }
        showError("");
        submit.setDisable(true);
        model.create(matchers, duration, comment.getText(), createdBy.getText()).thenAccept(outcome -> {
            submit.setDisable(false);
            if (outcome.ok()) {
                onDone.run();
            } else {
                showError(outcome.text());
            }
        });
    }

    private void showError(String text) {
        error.setText(text);
        error.setVisible(!text.isEmpty());
        if (getScene() != null && getScene().getWindow() != null) {
            getScene().getWindow().sizeToScene();
        }
    }

    /** One matcher: label name, operator, value, and a button to drop it. */
    static final class MatcherRow extends HBox {
        final TextField name = new TextField();
        final ComboBox<Matcher.Op> op = new ComboBox<>();
        final TextField value = new TextField();
        final Button remove = new Button("✕");

        MatcherRow(String labelName, String labelValue) {
            super(6);
            getStyleClass().add("matcher-row");
            setAlignment(Pos.CENTER_LEFT);
            name.setText(labelName);
            name.setPromptText("label");
            name.setPrefColumnCount(10);
            op.getItems().setAll(Matcher.Op.values());
            op.setValue(Matcher.Op.EQUAL);
            op.setTooltip(new Tooltip("=  equals   !=  differs   =~  matches the regex   !~  does not match it"));
            // The operator and the drop button never give way (a squeezed combo shows no operator at all): the
            // text fields do.
            op.setMinWidth(Region.USE_PREF_SIZE);
            remove.setMinWidth(Region.USE_PREF_SIZE);
            value.setText(labelValue);
            value.setPromptText("value");
            HBox.setHgrow(value, Priority.ALWAYS);
            remove.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
            remove.setTooltip(new Tooltip("Drop this matcher"));
            getChildren().addAll(name, op, value, remove);
        }
    }
}
