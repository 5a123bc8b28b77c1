package dev.mlobservatory.console.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One line of the Explain tree: a node, its own PromQL text, its sentence and the lines of its children; {@code id}
 * numbers the lines in reading order (the whole expression is 0) and keys their results.
 */
public record ExplainStep(int id, ExplainNode node, String promql, String sentence, List<ExplainStep> children) {

    public ExplainStep {
        if (id < 0) {
            throw new IllegalArgumentException("id must be ≥ 0, got " + id);
        }
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(promql, "promql");
        Objects.requireNonNull(sentence, "sentence");
        children = List.copyOf(children);
    }

    /** The lines of a whole expression, numbered depth first. */
    public static ExplainStep of(ExplainNode root) {
        return build(root, null, new int[] {0});
    }

    private static ExplainStep build(ExplainNode node, ExplainNode parent, int[] next) {
        int id = next[0]++;
        List<ExplainStep> children = new ArrayList<>();
        for (ExplainNode child : node.children()) {
            children.add(build(child, node, next));
        }
        return new ExplainStep(id, node, PromqlPrinter.print(node), Sentences.of(node, parent), children);
    }

    /** This line and every line under it, in reading order. */
    public List<ExplainStep> all() {
        List<ExplainStep> out = new ArrayList<>();
        collect(this, out);
        return out;
    }

    private static void collect(ExplainStep step, List<ExplainStep> out) {
        out.add(step);
        step.children().forEach(c -> collect(c, out));
    }
}
