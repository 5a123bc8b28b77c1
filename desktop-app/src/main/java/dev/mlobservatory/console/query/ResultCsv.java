package dev.mlobservatory.console.query;

import dev.mlobservatory.console.prom.QueryResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * An instant vector as CSV (RFC 4180): one column per label, {@code __name__} first and the rest by name,
 * then {@code value}; one row per series in the table's order; CRLF line ends; a field with a comma, quote
 * or line break is quoted, its quotes doubled. A label a series lacks is an empty field.
 */
final class ResultCsv {

    private ResultCsv() {
    }

    static String of(QueryResult.Vector vector) {
        TreeSet<String> names = new TreeSet<>();
        vector.samples().forEach(s -> names.addAll(s.labels().keySet()));
        List<String> columns = new ArrayList<>();
        if (names.remove("__name__")) {
            columns.add("__name__");
        }
        columns.addAll(names);

        List<String> header = new ArrayList<>(columns);
        header.add("value");
        StringBuilder out = new StringBuilder();
        line(out, header);
        vector.samples().stream()
                .sorted(Comparator.comparing(s -> QueryResult.describe(s.labels())))
                .forEach(s -> {
                    Map<String, String> labels = s.labels();
                    List<String> fields = new ArrayList<>();
                    columns.forEach(c -> fields.add(labels.getOrDefault(c, "")));
                    fields.add(s.shown(ResultCsv::number));
                    line(out, fields);
                });
        return out.toString();
    }

    /** As Prometheus writes values: integers without ".0", full precision otherwise, NaN, +Inf, -Inf. */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    static String field(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    private static void line(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(fields.get(i)));
        }
        out.append("\r\n");
    }
}
