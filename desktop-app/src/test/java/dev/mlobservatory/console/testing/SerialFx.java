package dev.mlobservatory.console.testing;

import dev.mlobservatory.console.concurrent.FxThread;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A stand-in for the FX thread in model tests without a toolkit: the models publish from the executor's threads one
 * action at a time under a lock, and the test reads under the same lock, so it sees each publication whole, as the
 * FX thread would. With {@link FxThread#direct()} a test that awaits one property and reads another can see the
 * second one stale, half-way through a publication.
 */
public final class SerialFx implements FxThread {

    private final Object lock = new Object();

    @Override
    public void run(Runnable action) {
        synchronized (lock) {
            action.run();
        }
    }

    /** Reads the model's state as the FX thread would: between publications, never during one. */
    public <T> T read(Supplier<T> what) {
        synchronized (lock) {
            return what.get();
        }
    }

    /** A condition over the model's state, evaluated between publications (for {@link LiveStack#await}). */
    public BooleanSupplier holds(BooleanSupplier condition) {
        return () -> {
            synchronized (lock) {
                return condition.getAsBoolean();
            }
        };
    }
}
