package dev.mlobservatory.console.explain;

import dev.mlobservatory.console.explain.ExplainNode.Matching;

/**
 * The sentence of a binary operator: what it computes or keeps, and how it pairs the series of its two sides
 * (one-to-one on identical labels, {@code on}/{@code ignoring}, {@code group_left}/{@code group_right}).
 */
final class BinarySentences {

    /** A number's text longer than this reads better as "the number on the left" than inline. */
    private static final int SHORT = 24;

    private BinarySentences() {
    }

    static String of(ExplainNode.Binary b) {
        switch (b.op()) {
            case "and":
                return emptyOn(b.matching())
                        ? "Keeps the series on the left as long as the right side has any series at all (and on ())."
                        : "Keeps the series on the left that have a series on the right with " + pairs(b.matching())
                        + "; the values stay the left's.";
            case "or":
                return "All the series on the left, plus those on the right that have no series on the left with "
                        + pairs(b.matching()) + ".";
            case "unless":
                return emptyOn(b.matching())
                        ? "Keeps the series on the left only while the right side has no series at all (unless on ())."
                        : "Keeps the series on the left that have no series on the right with " + pairs(b.matching())
                        + ".";
            default:
                return Sentences.isComparison(b.op()) ? comparison(b) : arithmetic(b);
        }
    }

    private static String comparison(ExplainNode.Binary b) {
        boolean leftNumber = Sentences.isScalar(b.lhs());
        boolean rightNumber = Sentences.isScalar(b.rhs());
        if (leftNumber && rightNumber) {
            return "Compares two numbers: 1 if left " + b.op() + " right holds, 0 if not.";
        }
        if (leftNumber || rightNumber) {
            String word = Sentences.comparison(b.op(), rightNumber);
            String number = number(rightNumber ? b.rhs() : b.lhs(), rightNumber ? "right" : "left");
            return b.bool()
                    ? "For every series: 1 where its value is " + word + " " + number + ", 0 where not (bool keeps "
                    + "every series)."
                    : "Keeps only the series whose value is " + word + " " + number + ", and drops the others: no "
                    + "series means the condition holds nowhere right now.";
        }
        String word = Sentences.comparison(b.op(), true);
        return b.bool()
                ? "For each pair of series with " + pairs(b.matching()) + ": 1 where the left value is " + word
                + " the right one, 0 where not (bool)."
                : "Keeps the left series whose value is " + word + " that of the right series with "
                + pairs(b.matching()) + "; drops the others.";
    }

    private static String arithmetic(ExplainNode.Binary b) {
        String op = Sentences.arithmetic(b.op());
        boolean leftNumber = Sentences.isScalar(b.lhs());
        boolean rightNumber = Sentences.isScalar(b.rhs());
        if (leftNumber && rightNumber) {
            return "Computes left " + op + " right: a plain number.";
        }
        if (rightNumber) {
            return "Computes value " + op + " " + number(b.rhs(), "right") + " for every series on the left.";
        }
        if (leftNumber) {
            return "Computes " + number(b.lhs(), "left") + " " + op + " value for every series on the right.";
        }
        return "Computes left " + op + " right for each pair of series with " + pairs(b.matching()) + ".";
    }

    /** The number on one side as written when that is short ("0.1", "time()"), else where it comes from. */
    private static String number(ExplainNode side, String where) {
        String text = PromqlPrinter.print(side);
        return text.length() <= SHORT ? text : "the number on the " + where;
    }

    private static boolean emptyOn(Matching m) {
        return m != null && m.on() && m.labels().isEmpty();
    }

    /** "exactly the same labels, one-to-one", "the same model_version (on), many-to-one: …". */
    private static String pairs(Matching m) {
        if (m == null) {
            return "exactly the same labels";
        }
        String pairs = Sentences.matching(m);
        switch (m.card()) {
            case "one-to-one":
                return pairs + ", one-to-one";
            case "many-to-one":
                return pairs + ", many-to-one: several left series may share one right series (group_left)"
                        + lends(m);
            case "one-to-many":
                return pairs + ", one-to-many: several right series may share one left series (group_right)"
                        + lends(m);
            default:
                return pairs;
        }
    }

    private static String lends(Matching m) {
        return m.include().isEmpty() ? "" : ", which lends them " + String.join(" and ", m.include());
    }
}
