package dev.mlobservatory.console.traffic;

/**
 * One second of traffic, or a whole run: counts, achieved rate and client-side latency from the intended
 * start of each request (so a stalled server shows as latency, not as fewer requests).
 *
 * @param second seconds since the run started (the end of the interval)
 * @param seconds length of the interval in seconds (1 for per-second snapshots)
 * @param targetRate the rate asked for during the interval (time-weighted when it changed), burst included
 * @param sent requests started
 * @param ok 2xx responses
 * @param clientErrors 4xx responses (the deliberately invalid requests among them)
 * @param serverErrors 5xx responses
 * @param transportErrors requests that got no HTTP response (connection refused, reset, timeout)
 * @param dropped arrivals not sent because the cap on requests in flight was reached
 * @param p50Ms median latency in ms, NaN when nothing completed
 * @param p95Ms 95th percentile in ms
 * @param p99Ms 99th percentile in ms
 * @param maxMs slowest response in ms
 */
public record TrafficSnapshot(double second, double seconds, double targetRate, long sent, long ok, long clientErrors,
                              long serverErrors, long transportErrors, long dropped,
                              double p50Ms, double p95Ms, double p99Ms, double maxMs) {

    /** Requests started per second over the interval. */
    public double achievedRate() {
        return seconds > 0 ? sent / seconds : 0;
    }

    /** Responses and failures received. */
    public long completed() {
        return ok + clientErrors + serverErrors + transportErrors;
    }

    /** Share of completed requests that were not 2xx, 0–1. */
    public double errorRatio() {
        long done = completed();
        return done == 0 ? 0 : (double) (done - ok) / done;
    }
}
