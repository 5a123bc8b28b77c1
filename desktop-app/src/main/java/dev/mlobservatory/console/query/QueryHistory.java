package dev.mlobservatory.console.query;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The queries run, most recent first, without consecutive repeats, at most {@code capacity}. */
public final class QueryHistory {

    public static final int DEFAULT_CAPACITY = 100;

    private final int capacity;
    private final ObservableList<String> entries = FXCollections.observableArrayList();
    private final ObservableList<String> readOnly = FXCollections.unmodifiableObservableList(entries);

    public QueryHistory(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
    }

    /**
     * Records a query that was run. Running the same text twice in a row keeps one entry (re-running is not
     * new information); running an older query again moves nothing, it is simply added on top.
     * Returns whether the entries changed.
     */
    public boolean add(String promql) {
        String q = promql == null ? "" : promql.strip();
        if (q.isEmpty() || (!entries.isEmpty() && entries.get(0).equals(q))) {
            return false;
        }
        entries.add(0, q);
        if (entries.size() > capacity) {
            entries.remove(capacity, entries.size());
        }
        return true;
    }

    /** Replaces the entries with saved ones (newest first), by the same rules as {@link #add}. */
    public void restore(List<String> newestFirst) {
        List<String> kept = new ArrayList<>();
        for (String e : newestFirst) {
            String q = e == null ? "" : e.strip();
            if (!q.isEmpty() && (kept.isEmpty() || !kept.get(kept.size() - 1).equals(q)) && kept.size() < capacity) {
                kept.add(q);
            }
        }
        entries.setAll(kept);
    }

    public ObservableList<String> entries() {
        return readOnly;
    }
}
