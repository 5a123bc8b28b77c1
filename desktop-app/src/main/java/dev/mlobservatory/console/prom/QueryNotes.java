package dev.mlobservatory.console.prom;

import java.util.List;

/**
 * What Prometheus says about a query that worked: {@code warnings} (the answer may be wrong or partial, e.g. a
 * histogram bucket without a valid {@code le}) and, from 3.x, {@code infos} (the query may not mean what it says,
 * e.g. "metric might not be a counter" for a rate() of a gauge). They teach, so the PromQL tab shows them.
 */
public record QueryNotes(List<String> warnings, List<String> infos) {

    public static final QueryNotes NONE = new QueryNotes(List.of(), List.of());

    public QueryNotes {
        warnings = List.copyOf(warnings);
        infos = List.copyOf(infos);
    }

    public boolean isEmpty() {
        return warnings.isEmpty() && infos.isEmpty();
    }

    /**
     * One line each, warnings first, as Prometheus words them ("PromQL info: metric might not be a counter…");
     * a note without Prometheus's own prefix gets "Warning: " or "Info: ".
     */
    public List<String> lines() {
        return java.util.stream.Stream.concat(
                warnings.stream().map(w -> prefixed("Warning: ", w)),
                infos.stream().map(i -> prefixed("Info: ", i))).toList();
    }

    private static String prefixed(String prefix, String note) {
        return note.startsWith("PromQL ") ? note : prefix + note;
    }
}
