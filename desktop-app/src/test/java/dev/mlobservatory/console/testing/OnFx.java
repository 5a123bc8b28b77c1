package dev.mlobservatory.console.testing;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Reads window state on the FX thread, the only thread that may touch nodes: a view test that reads a chart, a
 * label or a table from its own thread can see it half-way through an update.
 */
public final class OnFx {

    private OnFx() {
    }

    /**
     * {@code read}'s answer, computed on the FX thread within 30 s; an AssertionError when that fails. The bound
     * only catches a hung FX thread: building the whole window took over 10 s on a machine busy with benchmarks.
     */
    public static <T> T read(Callable<T> read) {
        return read(read, 30);
    }

    /** {@code read}'s answer, computed on the FX thread within {@code seconds}; an AssertionError when that fails. */
    public static <T> T read(Callable<T> read, int seconds) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(seconds, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("reading the window on the FX thread failed", e);
        }
    }
}
