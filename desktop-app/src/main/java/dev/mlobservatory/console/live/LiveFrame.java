package dev.mlobservatory.console.live;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the Live tab draws after one refresh: the time window and, per chart, its series (server-side first,
 * then client-side). Immutable; a new frame replaces the previous one.
 */
public record LiveFrame(double start, double end, Map<LiveChart, List<LiveSeries>> charts) {

    public LiveFrame {
        Map<LiveChart, List<LiveSeries>> copy = new EnumMap<>(LiveChart.class);
        for (LiveChart c : LiveChart.values()) {
            copy.put(c, List.copyOf(charts.getOrDefault(c, List.of())));
        }
        charts = Map.copyOf(copy);
    }

    /** A frame with no series, for before the first refresh. */
    public static LiveFrame empty(double start, double end) {
        return new LiveFrame(start, end, Map.of());
    }

    public List<LiveSeries> series(LiveChart chart) {
        return charts.get(chart);
    }

    /** The series of {@code chart} named {@code name}, or null. */
    public LiveSeries find(LiveChart chart, String name) {
        return series(chart).stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }

    public List<LiveSeries> series(LiveChart chart, LiveSeries.Source source) {
        return series(chart).stream().filter(s -> s.source() == source).toList();
    }
}
