package dev.mlobservatory.console.lab.exercise;

import dev.mlobservatory.console.prom.PrometheusClient;
import dev.mlobservatory.console.prom.PrometheusException;
import dev.mlobservatory.console.prom.QueryResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Checks an answer on live data: the answer and the reference run against the same Prometheus at the same times,
 * several of them so that a lucky match at one moment does not pass, and {@link ResultComparison} judges. Blocking:
 * run it off the FX thread.
 */
public final class Grader {

    /**
     * Seconds before now of the times evaluated. The newest is 10 s back, not now: a scrape that lands between the
     * two queries would otherwise change one result and not the other (its samples are stamped when it started).
     */
    static final double[] AGO = {10, 40, 70};
    /** A range exercise: points every 15 s over the two minutes before the newest time. */
    static final double RANGE_SPAN = 120;
    static final double RANGE_STEP = 15;
    private static final String PARAMETER_PREFIX = "invalid parameter \"query\": ";

    private final PrometheusClient client;

    public Grader(PrometheusClient client) {
        this.client = client;
    }

    /** Checks {@code answer} against {@code exercise} now. Never throws: a Prometheus out of reach is an ERROR. */
    public Verdict check(Exercise exercise, String answer) {
        return check(exercise, answer, System.currentTimeMillis() / 1000.0);
    }

    /** Checks at {@code now} (epoch seconds). */
    Verdict check(Exercise exercise, String answer, double now) {
        String query = answer == null ? "" : answer.strip();
        if (query.isEmpty()) {
            return Verdict.fail("type a query first");
        }
        double newest = Math.floor((now - AGO[0]) * 1000) / 1000;
        List<Evaluation> evaluations;
        try {
            List<QueryResult> reference;
            try {
                reference = evaluate(exercise, exercise.reference(), newest);
            } catch (PrometheusException e) {
                return new Verdict(Verdict.Outcome.ERROR, "the exercise's own reference query fails on this "
                        + "Prometheus (" + shown(e) + "): tell your teacher");
            }
            List<QueryResult> answers;
            try {
                answers = evaluate(exercise, query, newest);
            } catch (PrometheusException e) {
                return Verdict.fail(shown(e));
            }
            evaluations = pair(exercise, reference, answers, newest);
        } catch (IOException e) {
            return new Verdict(Verdict.Outcome.ERROR, e.getMessage());
        }
        return new ResultComparison(exercise, query, this::whyEmpty).judge(evaluations);
    }

    /** Instant results at each of {@link #AGO}, or one range result. */
    private List<QueryResult> evaluate(Exercise exercise, String promql, double newest)
            throws IOException, PrometheusException {
        List<QueryResult> out = new ArrayList<>();
        if (exercise.compare() == Compare.RANGE) {
            out.add(client.queryRange(promql, newest - RANGE_SPAN, newest, RANGE_STEP));
        } else {
            for (double ago : AGO) {
                out.add(client.queryAt(promql, newest - (ago - AGO[0])).result());
            }
        }
        return out;
    }

    private static List<Evaluation> pair(Exercise exercise, List<QueryResult> reference, List<QueryResult> answers,
                                         double newest) {
        List<Evaluation> out = new ArrayList<>();
        if (exercise.compare() == Compare.RANGE) {
            QueryResult.Matrix ref = (QueryResult.Matrix) reference.get(0);
            QueryResult.Matrix ans = (QueryResult.Matrix) answers.get(0);
            TreeSet<Double> times = new TreeSet<>(java.util.Comparator.reverseOrder());
            ref.series().forEach(s -> { for (double t : s.times()) { times.add(t); } });
            for (double t : times) {
                out.add(new Evaluation(t, at(ref, t), at(ans, t)));
            }
            if (out.isEmpty()) {
                out.add(new Evaluation(newest, new QueryResult.Vector(List.of()), at(ans, newest)));
            }
            return out;
        }
        for (int i = 0; i < reference.size(); i++) {
            out.add(new Evaluation(newest - (AGO[i] - AGO[0]), reference.get(i), answers.get(i)));
        }
        return out;
    }

    /** The points of {@code m} at time {@code t}, as an instant vector. */
    static QueryResult.Vector at(QueryResult.Matrix m, double t) {
        List<QueryResult.Sample> samples = new ArrayList<>();
        for (QueryResult.Series s : m.series()) {
            for (int i = 0; i < s.times().length; i++) {
                if (Math.abs(s.times()[i] - t) < 1e-6) {
                    Map<String, String> labels = new TreeMap<>(s.labels());
                    samples.add(new QueryResult.Sample(labels, t, s.values()[i]));
                }
            }
        }
        return new QueryResult.Vector(samples);
    }

    /** Why the answer is empty: names Prometheus does not know; null when it knows them all (or cannot say). */
    private String whyEmpty(String answer) {
        try {
            return MetricNames.unknown(answer, client.metricNames());
        } catch (IOException | PrometheusException e) {
            return null;
        }
    }

    /** "bad_data: 1:6: parse error: …", as the PromQL tab writes Prometheus's errors. */
    static String shown(PrometheusException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        String text = message.startsWith(PARAMETER_PREFIX) ? message.substring(PARAMETER_PREFIX.length()) : message;
        return e.errorType().isEmpty() ? text : e.errorType() + ": " + text;
    }
}
