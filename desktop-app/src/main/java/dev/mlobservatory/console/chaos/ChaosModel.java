package dev.mlobservatory.console.chaos;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlobservatory.console.concurrent.FxThread;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The Chaos panel: a slow model and a failure rate injected into the API through {@code PUT /admin/faults}, for
 * one model version or both. Changes are sent a moment after the last slider move, and again whenever the API
 * comes back (a restarted API starts without faults).
 */
public final class ChaosModel {

    /** Which versions a fault hits. */
    public enum Target {
        BOTH(null, "v1 and v2"), V1("v1", "v1 only"), V2("v2", "v2 only");

        final String version;
        private final String label;

        Target(String version, String label) {
            this.version = version;
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** Slider moves within this time are sent as one request. */
    static final long DEBOUNCE_MS = 250;
    public static final double MAX_LATENCY_MS = 3_000;
    private static final MediaType JSON = MediaType.get("application/json");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ScheduledExecutorService executor;
    private final FxThread fx;
    private final OkHttpClient http;
    private final ObservableValue<String> apiUrl;

    private final DoubleProperty latencyMs = new SimpleDoubleProperty(0);
    private final DoubleProperty errorPercent = new SimpleDoubleProperty(0);
    private final ObjectProperty<Target> target = new SimpleObjectProperty<>(Target.BOTH);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("No fault injected.");
    /** The fault changes the API accepted, oldest first, at most {@link #LOG_CAPACITY} (the report lists them). */
    private final Deque<ChaosAction> log = new ArrayDeque<>();
    static final int LOG_CAPACITY = 200;

    private ScheduledFuture<?> pending;
    private final Object sendLock = new Object();
    /** Numbers the sends in the order they were asked for; {@link #sent} is the newest made (under the lock). */
    private final AtomicLong asked = new AtomicLong();
    private long sent;

    public ChaosModel(ScheduledExecutorService executor, FxThread fx, OkHttpClient http, ObservableValue<String> apiUrl,
                      ObservableValue<Boolean> apiUp) {
        this.executor = executor;
        this.fx = fx;
        this.http = http;
        this.apiUrl = apiUrl;
        latencyMs.addListener((o, a, b) -> applySoon());
        errorPercent.addListener((o, a, b) -> applySoon());
        target.addListener((o, a, b) -> applySoon());
        apiUrl.addListener((o, a, b) -> applySoon());
        apiUp.addListener((o, a, up) -> {
            if (up) {
                applySoon(); // a restarted API has forgotten its faults
            }
        });
    }

    /** Removes every fault. */
    public void reset() {
        latencyMs.set(0);
        errorPercent.set(0);
        target.set(Target.BOTH);
    }

    /**
     * Sends the faults as they are now, {@link #DEBOUNCE_MS} later unless another change comes first. Read here, on
     * the FX thread that owns the sliders, not on the executor.
     */
    private synchronized void applySoon() {
        if (pending != null) {
            pending.cancel(false);
        }
        String url = apiUrl.getValue();
        Map<String, Object> body = body();
        long seq = asked.incrementAndGet();
        pending = executor.schedule(() -> send(seq, url, body), DEBOUNCE_MS, TimeUnit.MILLISECONDS);
    }

    /** Sends the current faults to the API now (blocking; call it on the FX thread: tests call it directly). */
    public void apply() {
        send(asked.incrementAndGet(), apiUrl.getValue(), body());
    }

    /**
     * One send at a time, and never one older than a send already made: the executor has several threads, and an
     * older send finishing after a newer one would leave the API with the old faults and the status line describing
     * them.
     */
    private void send(long seq, String url, Map<String, Object> body) {
        synchronized (sendLock) {
            if (seq <= sent) {
                return;
            }
            sent = seq;
            sendNow(url, body);
        }
    }

    private void sendNow(String url, Map<String, Object> body) {
        if (url == null) {
            return;
        }
        Request request;
        try {
            request = new Request.Builder().url(url + "/admin/faults")
                    .put(RequestBody.create(MAPPER.writeValueAsBytes(body), JSON)).build();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + body, e);
        }
        String result;
        try (Response r = http.newCall(request).execute()) {
            String text = r.body().string();
            if (r.code() == 200) {
                result = describe(body);
                Object version = body.get("model_version");
                logAction(new ChaosAction(Instant.now(), result, version == null ? "v1 and v2" : version.toString()));
            } else if (r.code() == 404) {
                result = "This API does not take faults (start it with --enable-faults; the console's own API and "
                        + "the Docker stack do).";
            } else if (r.code() == 503 || text.isBlank()) {
                // a stopping API (Kill API, Restart API) answers 503 with no body: it did not refuse, it is going
                result = "Faults not sent: the API at " + url + " is stopping or stopped. They are sent again when "
                        + "it returns.";
            } else {
                result = "The API refused the faults (HTTP " + r.code() + "): " + refusal(text);
            }
        } catch (IOException e) {
            result = "Faults not sent: the API at " + url + " does not answer (stopped?). They are sent again when it returns.";
        }
        String shown = result;
        fx.run(() -> status.set(shown));
    }

    /** The API's error sentence from its JSON error body, or the body itself when it is not one. */
    private static String refusal(String body) {
        try {
            String said = MAPPER.readTree(body).path("error").asText("");
            return said.isBlank() ? body : said;
        } catch (IOException notJson) {
            return body;
        }
    }

    private void logAction(ChaosAction action) {
        synchronized (log) {
            // A re-send of the same faults (the API came back) is not a new action.
            ChaosAction last = log.peekLast();
            if (last == null && action.what().equals(describe(Map.of("latency_ms", 0L, "error_ratio", 0.0)))) {
                return; // the API starts without faults: sending "none" when it comes up is no action taken
            }
            if (last != null && last.what().equals(action.what()) && last.versions().equals(action.versions())) {
                return;
            }
            log.addLast(action);
            if (log.size() > LOG_CAPACITY) {
                log.removeFirst();
            }
        }
    }

    /** The fault changes the API accepted this session, oldest first (a copy; any thread). */
    public List<ChaosAction> actions() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("latency_ms", Math.round(latencyMs.get()));
        body.put("latency_jitter_ms", Math.round(latencyMs.get() / 2));
        body.put("error_ratio", Math.round(errorPercent.get()) / 100.0);
        body.put("model_version", target.get().version);
        return body;
    }

    static String describe(Map<String, Object> body) {
        long latency = (Long) body.get("latency_ms");
        double errors = (Double) body.get("error_ratio");
        if (latency == 0 && errors == 0) {
            return "No fault injected.";
        }
        Object version = body.get("model_version");
        return String.format(Locale.ROOT, "Injected on %s: %s%s%s.", version == null ? "v1 and v2" : version,
                latency > 0 ? "+" + latency + "–" + (latency + (Long) body.get("latency_jitter_ms")) + " ms per prediction" : "",
                latency > 0 && errors > 0 ? ", " : "",
                errors > 0 ? Math.round(errors * 100) + "% of predictions fail (HTTP 500)" : "");
    }

    public DoubleProperty latencyMsProperty() { return latencyMs; }
    public DoubleProperty errorPercentProperty() { return errorPercent; }
    public ObjectProperty<Target> targetProperty() { return target; }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
}
