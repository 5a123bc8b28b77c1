package dev.mlobservatory.console.prom;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** "Did you mean …?" for a metric name Prometheus does not know: the known names nearest to it by edit distance. */
public final class NearestNames {

    private NearestNames() {
    }

    /**
     * Up to {@code most} known names nearest to {@code name} by edit distance, nearest first (ties by name); only
     * names within a third of the name's length (at least 2 edits): a far name is no hint.
     */
    public static List<String> nearest(String name, Collection<String> known, int most) {
        int limit = Math.max(2, name.length() / 3);
        record Scored(String name, int distance) {
        }
        return known.stream()
                .filter(k -> Math.abs(k.length() - name.length()) <= limit)
                .map(k -> new Scored(k, distance(name, k)))
                .filter(s -> s.distance() <= limit)
                .sorted(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name))
                .limit(most)
                .map(Scored::name)
                .toList();
    }

    /** Levenshtein distance: insertions, deletions and substitutions each cost 1. */
    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
