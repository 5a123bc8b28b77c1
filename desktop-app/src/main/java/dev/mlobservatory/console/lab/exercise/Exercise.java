package dev.mlobservatory.console.lab.exercise;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One PromQL exercise: what to write ({@code task}), the query that answers it ({@code reference}), how an answer
 * is compared with it and within which relative {@code tolerance}, and hints a student reveals one at a time.
 */
public record Exercise(String id, String title, String task, String reference, Compare compare, double tolerance,
                       List<String> hints) {

    /** Both queries run at the same times on the same data: a small margin covers floating-point order only. */
    public static final double DEFAULT_TOLERANCE = 0.01;
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    public Exercise {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("id must be lower-case letters, digits and dashes (at most 64), got "
                    + (id == null ? "nothing" : "'" + id + "'"));
        }
        title = required("title", title);
        task = required("task", task);
        reference = required("reference", reference);
        if (compare == null) {
            throw new IllegalArgumentException("compare is missing (instant, scalar or range)");
        }
        if (!(tolerance >= 0 && tolerance < 1)) {
            throw new IllegalArgumentException("tolerance must be a share from 0 up to 1 (0.05 is 5%), got " + tolerance);
        }
        hints = hints == null ? List.of() : List.copyOf(hints);
        for (String h : hints) {
            if (h == null || h.isBlank()) {
                throw new IllegalArgumentException("hints must not contain an empty hint");
            }
        }
    }

    /** As an exercises file gives it: {@code compare} and {@code tolerance} may be left out. */
    @JsonCreator
    static Exercise fromFile(@JsonProperty("id") String id, @JsonProperty("title") String title,
                             @JsonProperty("task") String task, @JsonProperty("reference") String reference,
                             @JsonProperty("compare") Compare compare, @JsonProperty("tolerance") Double tolerance,
                             @JsonProperty("hints") List<String> hints) {
        return new Exercise(id, title, task, reference, compare == null ? Compare.INSTANT : compare,
                tolerance == null ? DEFAULT_TOLERANCE : tolerance, hints);
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is missing or empty");
        }
        return value.strip();
    }
}
