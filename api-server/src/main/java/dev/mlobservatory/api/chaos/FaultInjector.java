package dev.mlobservatory.api.chaos;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Applies the current {@link FaultSettings} inside the prediction path: real time spent (so it shows in
 * {@code ml_prediction_duration_seconds}) and real 500s (so they count as {@code status="error"}).
 * Runs on the request's worker thread, never on an IO thread, so sleeping is what a slow model would do.
 */
public final class FaultInjector {

    private final AtomicReference<FaultSettings> settings = new AtomicReference<>(FaultSettings.NONE);

    public FaultSettings settings() {
        return settings.get();
    }

    public void set(FaultSettings next) {
        settings.set(next);
    }

    /**
     * Delays and possibly fails one prediction request of {@code version}.
     *
     * @throws InjectedFailure when the error ratio says so
     */
    public void apply(String version) {
        FaultSettings s = settings.get();
        if (!s.active() || !s.affects(version)) {
            return;
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        double delayMs = s.latencyMs() + (s.latencyJitterMs() > 0 ? random.nextDouble(s.latencyJitterMs()) : 0);
        if (delayMs > 0) {
            sleep((long) (delayMs * 1_000_000));
        }
        if (s.errorRatio() > 0 && random.nextDouble() < s.errorRatio()) {
            throw new InjectedFailure("injected fault: model " + version + " failed on purpose ("
                    + Math.round(s.errorRatio() * 100) + "% of its requests, set through /admin/faults)");
        }
    }

    private static void sleep(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            // The server is stopping: give the thread back instead of finishing the nap.
            Thread.currentThread().interrupt();
        }
    }
}
