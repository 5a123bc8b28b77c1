package dev.mlobservatory.console.explain;

import java.util.function.Supplier;
import javafx.scene.control.Label;
import javafx.scene.control.TreeCell;
import javafx.scene.control.skin.TreeCellSkin;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * One line of the Explain tree: the part's PromQL and its result ("→ 3 series · 0.0123 …", red when Prometheus said
 * no), and under it the sentence of what the part does. Both wrap to the tree's width: a long expression or sentence
 * is read whole, never cut.
 */
final class ExplainCell extends TreeCell<ExplainStep> {

    /** Room for the vertical scroll bar, which takes width from the cells when the tree overflows. */
    private static final double SCROLLBAR_ALLOWANCE = 16;

    private final Supplier<ExplainState> state;
    private final Text code = new Text();
    private final Text result = new Text();
    private final TextFlow first = new TextFlow(code, result);
    private final Label sentence = new Label();
    private final VBox box = new VBox(2, first, sentence);

    ExplainCell(Supplier<ExplainState> state) {
        this.state = state;
        getStyleClass().add("explain-cell");
        code.getStyleClass().add("explain-code");
        result.getStyleClass().add("explain-result");
        sentence.getStyleClass().add("explain-sentence");
        sentence.setWrapText(true);
        // The tree's width, not the text's: long lines wrap instead of scrolling sideways.
        setPrefWidth(0);
    }

    @Override
    protected void updateItem(ExplainStep step, boolean empty) {
        super.updateItem(step, empty);
        setText(null);
        if (empty || step == null) {
            setGraphic(null);
            return;
        }
        NodeResult r = state.get().result(step);
        code.setText(step.promql());
        result.setText("   → " + r.summary());
        result.getStyleClass().removeAll("pending", "failed");
        if (r instanceof NodeResult.Pending) {
            result.getStyleClass().add("pending");
        } else if (r instanceof NodeResult.Failed) {
            result.getStyleClass().add("failed");
        }
        sentence.setText(step.sentence());
        setGraphic(box);
    }

    /**
     * The height the wrapped texts need at the width the graphic gets: a TreeCell asks its graphic for a height
     * without a width, and wrapping text answers that with one line.
     */
    @Override
    protected double computePrefHeight(double width) {
        if (getGraphic() == null || getTreeView() == null) {
            return super.computePrefHeight(width);
        }
        double outer = width > 0 ? width : getTreeView().getWidth() - SCROLLBAR_ALLOWANCE;
        double indent = getSkin() instanceof TreeCellSkin<?> skin
                ? skin.getIndent() * getTreeView().getTreeItemLevel(getTreeItem()) : 0;
        double disclosure = getDisclosureNode() == null ? 0 : getDisclosureNode().prefWidth(-1);
        double w = outer - snappedLeftInset() - snappedRightInset() - indent - disclosure - getGraphicTextGap();
        return box.prefHeight(Math.max(80, w)) + snappedTopInset() + snappedBottomInset();
    }
}
