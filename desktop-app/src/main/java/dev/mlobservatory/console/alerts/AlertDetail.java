package dev.mlobservatory.console.alerts;

import atlantafx.base.theme.Styles;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The selected rule in full, beside the table: name, severity and for, summary, description, its value beside the
 * live one with why they differ (for rules whose file says so), and its expression with "Open in PromQL" and
 * "Explain".
 */
final class AlertDetail extends ScrollPane {

    private final Label none = new Label("Select a rule to see its expression and description.");
    private final Label name = new Label();
    private final Label facts = new Label();
    private final Label summary = new Label();
    private final Label description = new Label();
    private final Label ruleCaption = new Label();
    private final Label ruleValue = new Label();
    private final Label liveCaption = new Label();
    private final Label liveValue = new Label();
    private final Label lagNote = new Label();
    private final VBox comparisonBox;
    private final Label expression = new Label();
    final Button openInPromQL = new Button("Open in PromQL");
    final Button explain = new Button("Explain");
    final Button silence = new Button("Silence…");
    /** "Silenced by maria until 10:42 ('demo'): no notification will be sent."; hidden when not silenced. */
    private final Label silenced = new Label();
    private final VBox content;
    private final ChangeListener<LiveComparison> comparisonChanged = (o, a, c) -> showComparison(c);

    private AlertItem shown;
    private Consumer<String> onOpen = promql -> { };
    private Consumer<String> onExplain = promql -> { };
    private Consumer<Map<String, String>> onSilence;
    private Function<Map<String, String>, String> silenceNote = labels -> "";
    private Observable silencesChanged;

    AlertDetail() {
        setId("alert-detail");
        getStyleClass().add("alert-detail");
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);

        none.getStyleClass().add(Styles.TEXT_MUTED);
        name.setId("alert-detail-name");
        name.getStyleClass().addAll(Styles.TITLE_4);
        facts.getStyleClass().add(Styles.TEXT_MUTED);
        summary.setId("alert-detail-summary");
        summary.getStyleClass().add(Styles.TEXT_BOLD);
        description.setId("alert-detail-description");
        ruleValue.setId("alert-detail-rule-value");
        liveValue.setId("alert-detail-live-value");
        lagNote.setId("alert-detail-lag-note");
        for (Label big : new Label[] {ruleValue, liveValue}) {
            big.getStyleClass().add("big-value");
        }
        for (Label small : new Label[] {ruleCaption, liveCaption}) {
            small.getStyleClass().add(Styles.TEXT_MUTED);
        }
        // Side by side when the pane is wide, one under the other when not: neither number is ever cut.
        FlowPane values = new FlowPane(24, 4, new VBox(ruleCaption, ruleValue), new VBox(liveCaption, liveValue));
        for (Label l : new Label[] {ruleCaption, ruleValue, liveCaption, liveValue}) {
            l.setMinWidth(Region.USE_PREF_SIZE);
        }
        comparisonBox = new VBox(4, values, lagNote);
        comparisonBox.setId("alert-detail-comparison");
        comparisonBox.getStyleClass().add("comparison");

        Label expressionTitle = new Label("Expression");
        expressionTitle.getStyleClass().add(Styles.TEXT_BOLD);
        openInPromQL.setId("alert-detail-open");
        openInPromQL.setTooltip(new Tooltip("Put this expression in the PromQL tab's editor, run it and show that tab"));
        openInPromQL.setMinWidth(Region.USE_PREF_SIZE);
        explain.setId("alert-detail-explain");
        explain.setTooltip(new Tooltip("Show this expression on the PromQL tab as a tree: each part, what it does and "
                + "its value now (needs Prometheus 3)"));
        explain.setMinWidth(Region.USE_PREF_SIZE);
        silence.setId("alert-detail-silence");
        silence.setTooltip(new Tooltip("Mute this alert's notifications in Alertmanager for a while (the rule still "
                + "fires here)"));
        silence.setMinWidth(Region.USE_PREF_SIZE);
        // Hidden until the window wires silences in (an Alerts tab without Alertmanager has no use for it).
        silence.setVisible(false);
        silence.managedProperty().bind(silence.visibleProperty());
        silenced.setId("alert-detail-silenced");
        silenced.getStyleClass().addAll("silenced", Styles.WARNING);
        silenced.managedProperty().bind(silenced.textProperty().isNotEmpty());
        silenced.visibleProperty().bind(silenced.textProperty().isNotEmpty());
        // Side by side when there is room, one under the other in a narrow pane.
        FlowPane actions = new FlowPane(8, 6, openInPromQL, explain, silence);
        expression.setId("alert-detail-expression");
        expression.getStyleClass().add("expression");

        // The comparison before the description: in presenter mode it is what shows without scrolling.
        content = new VBox(8, name, facts, silenced, summary, comparisonBox, description, expressionTitle, expression,
                actions);
        content.setPadding(new Insets(4, 8, 8, 8));
        for (Node n : content.getChildren()) {
            if (n instanceof Label l) {
                l.setWrapText(true);
                l.setMinHeight(Region.USE_PREF_SIZE);
            }
        }
        for (Label l : new Label[] {lagNote, none}) {
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
        }
        openInPromQL.setOnAction(e -> {
            if (shown != null && !shown.getExpression().isBlank()) {
                onOpen.accept(shown.getExpression());
            }
        });
        explain.setOnAction(e -> {
            if (shown != null && !shown.getExpression().isBlank()) {
                onExplain.accept(shown.getExpression());
            }
        });
        silence.setOnAction(e -> {
            if (shown != null && onSilence != null) {
                onSilence.accept(shown.identityProperty().get());
            }
        });
        show(null);
    }

    /**
     * Shows "Silence…", which hands the shown alert's labels to {@code action}, and under the name whatever
     * {@code note} says of them, again each time {@code changed} changes (a poll of the silences).
     */
    void setSilencing(Observable changed, Function<Map<String, String>, String> note,
                      Consumer<Map<String, String>> action) {
        silencesChanged = changed;
        silenceNote = note;
        onSilence = action;
        silence.setVisible(true);
        show(shown);
    }

    /** What "Open in PromQL" does with the rule's expression. */
    void setOnOpen(Consumer<String> action) {
        onOpen = action == null ? promql -> { } : action;
    }

    /** What "Explain" does with the rule's expression. */
    void setOnExplain(Consumer<String> action) {
        onExplain = action == null ? promql -> { } : action;
    }

    /** Shows {@code item}, following its changes; null shows the hint to select one. */
    void show(AlertItem item) {
        if (shown != null) {
            shown.comparisonProperty().removeListener(comparisonChanged);
        }
        shown = item;
        for (Label l : new Label[] {name, facts, summary, description, expression, silenced}) {
            l.textProperty().unbind();
        }
        if (item == null) {
            VBox hint = new VBox(none);
            hint.setPadding(new Insets(8));
            setContent(hint);
            return;
        }
        name.textProperty().bind(item.nameProperty());
        facts.textProperty().bind(item.factsProperty());
        summary.textProperty().bind(item.summaryProperty());
        description.textProperty().bind(item.descriptionProperty());
        expression.textProperty().bind(item.expressionProperty());
        Observable[] deps = silencesChanged == null ? new Observable[] {item.identityProperty()}
                : new Observable[] {item.identityProperty(), silencesChanged};
        silenced.textProperty().bind(Bindings.createStringBinding(
                () -> silenceNote.apply(item.identityProperty().get()), deps));
        openInPromQL.disableProperty().bind(item.expressionProperty().isEmpty());
        explain.disableProperty().bind(item.expressionProperty().isEmpty());
        item.comparisonProperty().addListener(comparisonChanged);
        showComparison(item.comparisonProperty().get());
        setContent(content);
    }

    private void showComparison(LiveComparison c) {
        comparisonBox.setVisible(c != null);
        comparisonBox.setManaged(c != null);
        if (c != null) {
            ruleCaption.setText(c.ruleCaption());
            ruleValue.setText(c.ruleValue());
            liveCaption.setText(c.liveCaption());
            liveValue.setText(c.liveValue());
            lagNote.setText(c.note());
            lagNote.setVisible(!c.note().isEmpty());
            lagNote.setManaged(!c.note().isEmpty());
        }
    }
}
