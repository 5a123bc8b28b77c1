package dev.mlobservatory.console.testing;

import dev.mlobservatory.api.testing.Tools;
import dev.mlobservatory.console.concurrent.AppExecutor;
import dev.mlobservatory.console.concurrent.FxThread;
import dev.mlobservatory.console.prom.PrometheusClient;
import dev.mlobservatory.console.prom.PrometheusPoller;
import dev.mlobservatory.console.testing.LiveStack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import javafx.beans.property.SimpleObjectProperty;

/**
 * What the live model tests share: the real stack, the app's executor, a Prometheus property the test can switch,
 * and a lock standing in for the FX thread, so a test reads the model's state as the FX thread would see it.
 */
public final class LivePolling implements AutoCloseable {

    /** Polls faster than the app, so the tests see Prometheus's changes within its one-second evaluations. */
    public static final Duration FAST = Duration.ofMillis(300);

    public final LiveStack stack;
    public final ScheduledExecutorService executor = AppExecutor.create();
    public final SimpleObjectProperty<PrometheusClient> prometheus;
    private final Object fxLock = new Object();
    /** The models publish from the executor's threads, one action at a time under the lock. */
    public final FxThread fx = action -> {
        synchronized (fxLock) {
            action.run();
        }
    };
    private final List<PrometheusPoller<?>> started = new ArrayList<>();

    private LivePolling(LiveStack stack) {
        this.stack = stack;
        this.prometheus = new SimpleObjectProperty<>(stack.client);
    }

    /** Starts the stack; skips the test where prometheus is missing, as {@link LiveStack#start()} does. */
    public static LivePolling start() throws Exception {
        return new LivePolling(LiveStack.start());
    }

    /** Starts the stack with {@code prometheus}, one of {@link Tools#prometheusVersions()}. */
    public static LivePolling start(Tools.Versioned prometheus) throws Exception {
        return new LivePolling(LiveStack.start(prometheus));
    }

    /** Starts {@code model} polling until {@link #close()}. */
    public <M extends PrometheusPoller<?>> M poll(M model) {
        started.add(model);
        model.start();
        return model;
    }

    /** Reads the model's state under the stand-in FX thread's lock. */
    public <T> T read(Supplier<T> what) {
        synchronized (fxLock) {
            return what.get();
        }
    }

    /** Stops the models before the executor they poll on, and that before the stack they ask. */
    @Override
    public void close() {
        started.forEach(PrometheusPoller::stop);
        AppExecutor.shutdown(executor);
        stack.close();
    }
}
