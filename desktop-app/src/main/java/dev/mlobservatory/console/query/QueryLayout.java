package dev.mlobservatory.console.query;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The PromQL tab's body: the editor over the query's answer, the examples panel beside them, and room for a hosted
 * view (Explain) that takes the answer's place and, while it shows, the examples panel's width too.
 */
final class QueryLayout extends SplitPane {

    /** Where the examples panel sits when it shows. */
    private static final double DIVIDER = 0.68;

    private final Node side;
    private final VBox answer;
    private final StackPane answerArea;

    /** @param answer the query's own answer (its error, hints, notes and result), which grows with the tab */
    QueryLayout(Node editor, VBox answer, Node side) {
        this.side = side;
        this.answer = answer;
        this.answerArea = new StackPane(answer);
        VBox.setVgrow(answerArea, Priority.ALWAYS);
        getItems().setAll(new VBox(6, editor, answerArea), side);
        setDividerPositions(DIVIDER);
    }

    /** Shows {@code pane} instead of the answer, and without the examples panel, while {@code shown}. */
    void host(Node pane, ObservableBooleanValue shown) {
        answerArea.getChildren().add(pane);
        pane.visibleProperty().bind(shown);
        answer.visibleProperty().bind(Bindings.not(shown));
        shown.addListener((o, was, now) -> showSide(!now));
        showSide(!shown.get());
    }

    private void showSide(boolean show) {
        if (show && !getItems().contains(side)) {
            getItems().add(side);
            setDividerPositions(DIVIDER);
        } else if (!show) {
            getItems().remove(side);
        }
    }
}
