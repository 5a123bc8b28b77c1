package dev.mlobservatory.console.traffic;

/**
 * What the traffic engine sends; every field can change while it runs.
 *
 * @param ratePerSecond target arrival rate, requests started per second whatever the responses do (0 pauses)
 * @param arrivals evenly spaced or Poisson arrivals
 * @param mix share of traffic per model version
 * @param errorRatio share of requests made deliberately invalid, 0–1
 * @param drift shift of every generated measurement, in standard deviations of that feature (0 = training-like)
 * @param maxInFlight requests that may be outstanding at once; arrivals beyond it are dropped and counted
 */
public record TrafficSettings(double ratePerSecond, Arrivals arrivals, ModelMix mix, double errorRatio, double drift,
                              int maxInFlight) {

    /** Highest rate the engine accepts: well above what one laptop can serve, low enough to catch typos. */
    public static final double MAX_RATE = 100_000;
    public static final double MAX_DRIFT = 10;

    /** How arrivals are spaced. */
    public enum Arrivals {
        /** exactly 1/rate apart, like k6's constant-arrival-rate */
        UNIFORM,
        /** exponential gaps with mean 1/rate: the bursty way independent users arrive */
        POISSON
    }

    public TrafficSettings {
        if (!Double.isFinite(ratePerSecond) || ratePerSecond < 0 || ratePerSecond > MAX_RATE) {
            throw new IllegalArgumentException("rate must be 0.." + (long) MAX_RATE + " requests/s, got " + ratePerSecond);
        }
        if (arrivals == null) {
            throw new IllegalArgumentException("arrivals must be UNIFORM or POISSON");
        }
        if (mix == null) {
            throw new IllegalArgumentException("model mix must be given");
        }
        if (!(errorRatio >= 0 && errorRatio <= 1)) {
            throw new IllegalArgumentException("error ratio must be between 0 and 1, got " + errorRatio);
        }
        if (!(drift >= -MAX_DRIFT && drift <= MAX_DRIFT)) {
            throw new IllegalArgumentException("drift must be between -" + MAX_DRIFT + " and " + MAX_DRIFT
                    + " standard deviations, got " + drift);
        }
        if (maxInFlight < 1 || maxInFlight > 10_000) {
            throw new IllegalArgumentException("max in flight must be 1..10000, got " + maxInFlight);
        }
    }

    /** 20 requests/s, evenly spaced, 70% v1, no errors, no drift, at most 256 in flight. */
    public static TrafficSettings defaults() {
        return new TrafficSettings(20, Arrivals.UNIFORM, ModelMix.of(0.7, 0.3), 0, 0, 256);
    }

    public TrafficSettings withRate(double rate) {
        return new TrafficSettings(rate, arrivals, mix, errorRatio, drift, maxInFlight);
    }

    public TrafficSettings withArrivals(Arrivals a) {
        return new TrafficSettings(ratePerSecond, a, mix, errorRatio, drift, maxInFlight);
    }

    public TrafficSettings withMix(ModelMix m) {
        return new TrafficSettings(ratePerSecond, arrivals, m, errorRatio, drift, maxInFlight);
    }

    public TrafficSettings withErrorRatio(double ratio) {
        return new TrafficSettings(ratePerSecond, arrivals, mix, ratio, drift, maxInFlight);
    }

    public TrafficSettings withDrift(double d) {
        return new TrafficSettings(ratePerSecond, arrivals, mix, errorRatio, d, maxInFlight);
    }

    public TrafficSettings withMaxInFlight(int n) {
        return new TrafficSettings(ratePerSecond, arrivals, mix, errorRatio, drift, n);
    }
}
