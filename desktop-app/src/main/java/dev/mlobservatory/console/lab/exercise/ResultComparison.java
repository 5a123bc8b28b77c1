package dev.mlobservatory.console.lab.exercise;

import dev.mlobservatory.console.prom.QueryResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Holds an answer's results against the reference's, taken at the same times, and says why they differ in words a
 * student can act on: the shape (a range vector, a scalar), the series (labels kept or lost, series missing), the
 * values (within the exercise's tolerance) and the ranges written (a [5m] where the task says one minute). No
 * Prometheus here: the {@link Grader} fetches, this judges, so the judging is tested on its own.
 */
final class ResultComparison {

    static final String NO_DATA = "the reference has no data yet: send traffic first (Start traffic, or "
            + "observatory traffic), wait half a minute, then check again";

    private final Exercise exercise;
    private final String answer;
    /** Why an empty answer is empty, given the answer's text (names it does not know); null when no reason is found. */
    private final Function<String, String> whyEmpty;

    /** @param whyEmpty called only when the answer returns nothing where the reference has series */
    ResultComparison(Exercise exercise, String answer, Function<String, String> whyEmpty) {
        this.exercise = exercise;
        this.answer = answer;
        this.whyEmpty = whyEmpty;
    }

    /** The verdict over every time evaluated; range results must already be cut into one instant per time. */
    Verdict judge(List<Evaluation> evaluations) {
        boolean anyData = false;
        double worst = 0;
        String worstExample = "";
        for (Evaluation e : evaluations) {
            String shape = shapeProblem(e.reference(), e.answer());
            if (shape != null) {
                return Verdict.fail(shape);
            }
            SeriesSet ref = set(e.reference());
            if (ref.isEmpty() || ref.allNaN()) {
                continue; // nothing to learn from this time (the window before the first samples)
            }
            anyData = true;
            SeriesSet ans = set(e.answer());
            if (ans.isEmpty()) {
                String why = whyEmpty.apply(answer);
                return Verdict.fail("your query returns nothing" + (why == null
                        ? ": check the metric name and the label values in braces" : ": " + why));
            }
            String series = exercise.compare() == Compare.SCALAR ? scalarProblem(ans) : seriesProblem(ref, ans);
            if (series != null) {
                return Verdict.fail(series);
            }
            if (exercise.compare() == Compare.SCALAR) {
                ref = SeriesSet.scalar(ref.series().values().iterator().next()[0]);
                ans = SeriesSet.scalar(ans.series().values().iterator().next()[0]);
            }
            for (var entry : ref.series().entrySet()) {
                double[] want = entry.getValue();
                double[] got = ans.series().get(entry.getKey());
                for (int i = 0; i < want.length; i++) {
                    double d = difference(want[i], i < got.length ? got[i] : Double.NaN);
                    if (d > worst) {
                        worst = d;
                        worstExample = (entry.getKey().isEmpty() ? "yours is " : SeriesSet.describe(entry.getKey())
                                + " is ") + number(i < got.length ? got[i] : Double.NaN) + " where "
                                + number(want[i]) + " was expected";
                    }
                }
            }
        }
        if (!anyData) {
            return new Verdict(Verdict.Outcome.NO_DATA, NO_DATA);
        }
        TreeSet<Double> want = Durations.in(exercise.reference());
        TreeSet<Double> got = Durations.in(answer);
        if (worst > exercise.tolerance()) {
            return Verdict.fail("values differ by " + percent(worst) + ": " + rangeHint(want, got, worstExample));
        }
        if (!want.equals(got)) {
            return Verdict.fail(rangeMismatch(want, got)
                    + " (the values agree now only because the traffic has been steady)");
        }
        return Verdict.pass();
    }

    /** A range vector or a string where numbers are expected; a scalar where series are. Null when the shape fits. */
    private String shapeProblem(QueryResult ref, QueryResult ans) {
        if (ans instanceof QueryResult.Matrix) {
            return "your query is a range vector (a list of samples per series): wrap it in a function such as "
                    + "rate(), increase() or avg_over_time()";
        }
        if (ans instanceof QueryResult.Text) {
            return "your query is a string: the task wants numbers";
        }
        if (exercise.compare() != Compare.SCALAR && ans instanceof QueryResult.Scalar
                && ref instanceof QueryResult.Vector v && !v.samples().isEmpty()) {
            SeriesSet r = set(ref);
            if (r.size() == 1 && r.labelNames().isEmpty()) {
                return null; // one series without labels: a scalar says the same
            }
            Set<String> per = r.varyingLabels();
            return "yours is a scalar (one number without labels), the task wants "
                    + (per.isEmpty() ? plural(r.size(), "series") + " labelled " + r.labelNames()
                    : "one series per " + names(per, "and"));
        }
        return null;
    }

    private static String scalarProblem(SeriesSet ans) {
        if (ans.size() == 1) {
            return null;
        }
        Set<String> per = ans.varyingLabels();
        return "one number expected, yours has " + ans.size() + " series"
                + (per.isEmpty() ? "" : ", one per " + names(per, "and"))
                + ": add them up or pick one, e.g. with sum(…) or max(…)";
    }

    private String seriesProblem(SeriesSet ref, SeriesSet ans) {
        Set<String> extra = new TreeSet<>(ans.labelNames());
        extra.removeAll(ref.labelNames());
        Set<String> missing = new TreeSet<>(ref.labelNames());
        missing.removeAll(ans.labelNames());
        String counts = plural(ref.size(), "series") + " expected, yours has " + ans.size();
        if (!extra.isEmpty() || !missing.isEmpty()) {
            List<String> parts = new ArrayList<>();
            if (!extra.isEmpty()) {
                // histogram_quantile() needs le to the end: its buckets are summed by (le), not away.
                String keep = exercise.reference().contains("histogram_quantile") && ref.labelNames().isEmpty()
                        ? "sum by (le) (…) inside histogram_quantile()"
                        : ref.labelNames().isEmpty() ? "sum(…)"
                        : "sum by (" + String.join(", ", ref.labelNames()) + ") (…)";
                parts.add("you kept " + names(extra, "and") + " (aggregate " + (extra.size() == 1 ? "it" : "them")
                        + " away, e.g. " + keep + ")");
            }
            if (!missing.isEmpty()) {
                parts.add("yours lacks " + names(missing, "and") + " (keep " + (missing.size() == 1 ? "it" : "them")
                        + ", e.g. sum by (" + String.join(", ", missing) + ") (…))");
            }
            return counts + ": " + String.join("; ", parts);
        }
        List<String> absent = new ArrayList<>();
        for (Map<String, String> labels : ref.series().keySet()) {
            if (!ans.series().containsKey(labels)) {
                absent.add(SeriesSet.describe(labels));
            }
        }
        List<String> surplus = new ArrayList<>();
        for (Map<String, String> labels : ans.series().keySet()) {
            if (!ref.series().containsKey(labels)) {
                surplus.add(SeriesSet.describe(labels));
            }
        }
        if (absent.isEmpty() && surplus.isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        if (!absent.isEmpty()) {
            parts.add(first(absent) + (absent.size() == 1 ? " is" : " are") + " missing");
        }
        if (!surplus.isEmpty()) {
            parts.add(first(surplus) + (surplus.size() == 1 ? " is" : " are") + " not expected");
        }
        return counts + ": " + String.join(", and ", parts) + " (check the label matchers in braces)";
    }

    /** Why values differ, when the ranges written say it; else one series as an example. */
    private static String rangeHint(TreeSet<Double> want, TreeSet<Double> got, String example) {
        if (!want.equals(got)) {
            if (got.isEmpty()) {
                return "the task works over " + Durations.listWords(want) + " (" + Durations.listBracketed(want)
                        + "): did you forget rate() or increase()?";
            }
            return "did you use " + usedInstead(want, got);
        }
        return example;
    }

    private static String rangeMismatch(TreeSet<Double> want, TreeSet<Double> got) {
        if (want.isEmpty()) {
            return "your query uses " + Durations.listBracketed(got) + " where the task needs no time range";
        }
        if (got.isEmpty()) {
            return "your query has no time range where the task says " + Durations.listWords(want);
        }
        return "did you use " + usedInstead(want, got);
    }

    /** "[5m] where the task says one minute?" from the durations only one side has. */
    private static String usedInstead(TreeSet<Double> want, TreeSet<Double> got) {
        TreeSet<Double> onlyGot = new TreeSet<>(got);
        onlyGot.removeAll(want);
        TreeSet<Double> onlyWant = new TreeSet<>(want);
        onlyWant.removeAll(got);
        String yours = Durations.listBracketed(onlyGot.isEmpty() ? got : onlyGot);
        String task = Durations.listWords(onlyWant.isEmpty() ? want : onlyWant);
        return yours + " where the task says " + task + "?";
    }

    private static SeriesSet set(QueryResult r) {
        if (r instanceof QueryResult.Vector v) {
            return SeriesSet.of(v.samples());
        }
        if (r instanceof QueryResult.Scalar s) {
            return SeriesSet.scalar(s.value());
        }
        return SeriesSet.of(List.of());
    }

    /** Relative difference: 0 for equal (NaN and NaN too), 1 and more for far apart, infinite for NaN against a number. */
    static double difference(double want, double got) {
        if (Double.isNaN(want) || Double.isNaN(got)) {
            return Double.isNaN(want) && Double.isNaN(got) ? 0 : Double.POSITIVE_INFINITY;
        }
        if (want == got) {
            return 0;
        }
        double scale = Math.max(Math.abs(want), Math.abs(got));
        return scale < 1e-12 ? 0 : Math.abs(want - got) / scale;
    }

    private static String percent(double d) {
        if (Double.isInfinite(d)) {
            return "more than 100% (one is NaN, the other a number)";
        }
        double p = d * 100;
        return p >= 10 ? String.format(Locale.ROOT, "%.0f%%", p) : String.format(Locale.ROOT, "%.1f%%", p);
    }

    private static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        return String.format(Locale.ROOT, "%.4g", v);
    }

    private static String first(List<String> items) {
        return items.size() == 1 ? items.get(0) : items.get(0) + " and " + (items.size() - 1) + " more";
    }

    static String plural(int n, String noun) {
        return n + " " + noun;
    }

    /** "`a`, `b` and `c`". */
    static String names(Set<String> names, String and) {
        List<String> quoted = names.stream().map(n -> "`" + n + "`").toList();
        if (quoted.size() == 1) {
            return quoted.get(0);
        }
        return String.join(", ", quoted.subList(0, quoted.size() - 1)) + " " + and + " " + quoted.get(quoted.size() - 1);
    }
}
