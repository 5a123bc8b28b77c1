package dev.mlobservatory.console.install;

import dev.mlobservatory.console.concurrent.FxThread;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import okhttp3.OkHttpClient;

/**
 * A "Get Prometheus" or "Get Alertmanager" button's model: one install of the {@link Tool}'s default version at a
 * time on the executor, its progress and outcome as state (a failure is a line the user reads, never a dialog),
 * Cancel, and once the tool is installed the callback that makes the console look again.
 */
public class GetReleaseModel {

    private final Tool tool;
    private final ScheduledExecutorService executor;
    private final FxThread fx;
    private final OkHttpClient http;
    private final ToolsFolder tools;
    private final Supplier<String> mirror;
    private final Runnable installed;
    private final BooleanProperty found = new SimpleBooleanProperty(true);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    /** The install in progress; only the FX thread changes it, {@link #close()} reads it from any. */
    private volatile ReleaseInstaller current;

    /**
     * @param http a download client ({@link DownloadClient#of})
     * @param mirror the saved mirror ({@link Tool#mirrorSetting()}), blank for the project's own
     * @param installed run on the FX thread after the tool was installed (or found already installed)
     */
    public GetReleaseModel(Tool tool, ScheduledExecutorService executor, FxThread fx, OkHttpClient http,
                           ToolsFolder tools, Supplier<String> mirror, Runnable installed) {
        this.tool = tool;
        this.executor = executor;
        this.fx = fx;
        this.http = http;
        this.tools = tools;
        this.mirror = mirror;
        this.installed = installed;
    }

    public Tool tool() {
        return tool;
    }

    /** Starts the download, unless one runs. Call on the FX thread. */
    public void get() {
        if (current != null) {
            return;
        }
        Release release;
        try {
            release = Release.of(tool, tool.defaultVersion(), Platform.current(tool), mirror.get());
        } catch (InstallException e) {
            fail(e.getMessage());
            return;
        } catch (IllegalArgumentException e) {
            fail("The saved " + tool.displayName() + " mirror cannot be used: " + e.getMessage() + " ("
                    + tool.mirrorSetting() + " in settings.properties).");
            return;
        }
        ReleaseInstaller installer = new ReleaseInstaller(http, tools);
        current = installer;
        running.set(true);
        failed.set(false);
        progress.set(-1);
        status.set("Getting " + tool.displayName() + " " + release.version() + " from " + release.mirror().host()
                + "…");
        try {
            executor.execute(() -> install(installer, release));
        } catch (RejectedExecutionException closing) {
            current = null; // the console is closing
        }
    }

    private void install(ReleaseInstaller installer, Release release) {
        String what = tool.displayName() + " " + release.version();
        try {
            ReleaseInstaller.Result r = installer.install(release, p -> fx.run(() -> {
                if (current == installer) {
                    progress.set(p.fraction());
                    status.set(p.describe());
                }
            }));
            String done = r.reused()
                    ? what + " was already installed in " + r.binary().getParent() + "."
                    : what + " installed in " + r.binary().getParent() + " (checksum verified).";
            fx.run(() -> {
                end(installer, done, false, 1);
                installed.run();
            });
        } catch (InstallException.Cancelled e) {
            fx.run(() -> end(installer, e.getMessage(), false, 0));
        } catch (InstallException e) {
            fx.run(() -> end(installer, e.getMessage(), true, 0));
        }
    }

    private void end(ReleaseInstaller installer, String text, boolean failure, double finalProgress) {
        if (current != installer) {
            return;
        }
        current = null;
        running.set(false);
        progress.set(finalProgress);
        failed.set(failure);
        status.set(text);
    }

    private void fail(String text) {
        failed.set(true);
        status.set(text);
    }

    /** Stops the download in progress; nothing is left half-installed. Any thread. */
    public void cancel() {
        fx.run(() -> {
            if (current != null) {
                current.cancel();
                status.set("Cancelling…");
            }
        });
    }

    /** For the console's exit: stops a download at once, whatever thread asks. */
    public void close() {
        ReleaseInstaller installer = current;
        if (installer != null) {
            installer.cancel();
        }
    }

    /**
     * Input, set on the FX thread: whether the console knows a usable binary of the tool, so the button need not be
     * offered. True until told otherwise. For Prometheus the views are told by the Environment directly; for
     * Alertmanager this is where its discovery connects.
     */
    public BooleanProperty foundProperty() { return found; }
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    /** True when the last attempt failed: its {@link #statusProperty() status} says why. */
    public ReadOnlyBooleanProperty failedProperty() { return failed.getReadOnlyProperty(); }
    /** 0…1 while the size is known, -1 (indeterminate) while not. */
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    /** The progress, the outcome or the failure, in one line; empty before the first attempt. */
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
}
