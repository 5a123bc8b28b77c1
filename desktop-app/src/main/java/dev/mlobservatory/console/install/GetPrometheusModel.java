package dev.mlobservatory.console.install;

import dev.mlobservatory.console.concurrent.FxThread;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/**
 * The "Get Prometheus" button's model: a {@link GetReleaseModel} of {@link Tool#PROMETHEUS}, under the name the
 * console's wiring, the Stack tab and the Explain panel already use.
 */
public final class GetPrometheusModel extends GetReleaseModel {

    /**
     * @param http a download client ({@link DownloadClient#of})
     * @param mirror the saved mirror ({@code prometheus.mirror}), blank for the Prometheus project's own
     * @param installed run on the FX thread after a Prometheus was installed (or found already installed)
     */
    public GetPrometheusModel(ScheduledExecutorService executor, FxThread fx, OkHttpClient http, ToolsFolder tools,
                              Supplier<String> mirror, Runnable installed) {
        super(Tool.PROMETHEUS, executor, fx, http, tools, mirror, installed);
    }
}
