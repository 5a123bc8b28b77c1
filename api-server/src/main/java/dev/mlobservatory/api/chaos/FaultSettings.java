package dev.mlobservatory.api.chaos;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Faults injected into the prediction path, for classroom demonstrations.
 *
 * @param latencyMs extra time spent in every affected prediction, 0–30000 ms
 * @param latencyJitterMs a uniformly random extra 0..jitter ms on top, 0–30000 ms
 * @param errorRatio share of affected predictions that fail with a real 500, 0–1
 * @param modelVersion the version affected ("v1" or "v2"), or null for both
 */
public record FaultSettings(@JsonProperty("latency_ms") double latencyMs,
                            @JsonProperty("latency_jitter_ms") double latencyJitterMs,
                            @JsonProperty("error_ratio") double errorRatio,
                            @JsonProperty("model_version") String modelVersion) {

    /** Long enough to trip HighLatency (p95 above 1 s) many times over, short of any client's patience. */
    public static final double MAX_LATENCY_MS = 30_000;

    public static final FaultSettings NONE = new FaultSettings(0, 0, 0, null);

    public FaultSettings {
        requireIn("latency_ms", latencyMs, MAX_LATENCY_MS);
        requireIn("latency_jitter_ms", latencyJitterMs, MAX_LATENCY_MS);
        requireIn("error_ratio", errorRatio, 1);
    }

    private static void requireIn(String field, double value, double max) {
        if (!(value >= 0 && value <= max)) {
            throw new InvalidFaultException(field, field + " must be between 0 and " + fmt(max) + ", got " + fmt(value));
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }

    /** True when {@code version}'s predictions are affected. */
    public boolean affects(String version) {
        return modelVersion == null || modelVersion.equals(version);
    }

    public boolean active() {
        return latencyMs > 0 || latencyJitterMs > 0 || errorRatio > 0;
    }

    /** A fault value outside its range, naming the field. */
    public static final class InvalidFaultException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final String field;

        public InvalidFaultException(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }
}
