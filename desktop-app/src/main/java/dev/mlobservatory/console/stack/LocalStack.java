package dev.mlobservatory.console.stack;

import dev.mlobservatory.api.ApiConfig;
import dev.mlobservatory.api.ApiServer;
import dev.mlobservatory.api.model.ModelCatalog;
import dev.mlobservatory.console.install.Version;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import dev.mlobservatory.console.env.InstallHelp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Local mode: the API inside the console's JVM on 127.0.0.1, and the real {@code prometheus} binary as a child
 * process with the repository's no-Docker configuration and rules, on a fresh temporary data directory; before it,
 * when found, {@code alertmanager} as a child too, posting to the console's receiver, and Prometheus sending to it.
 * Without a prometheus binary it runs the API alone (the traffic engine's own percentiles still show); without
 * alertmanager, everything but notifications and silences.
 */
public final class LocalStack implements RunningStack {

    private final ModelCatalog models;
    private final Consumer<String> log;
    private final int apiPort;
    private volatile ApiServer api;
    private volatile PrometheusProcess prometheus;
    /** Null when there is none: not found, or it would not start (said in the log). */
    private final AlertmanagerProcess alertmanager;
    private final Path dataDir;
    /** How to start Prometheus again (Restart Prometheus): null when this stack runs the API alone. */
    private final PrometheusLaunch launch;
    private boolean closed;

    private LocalStack(ModelCatalog models, Consumer<String> log, ApiServer api, PrometheusProcess prometheus,
                       AlertmanagerProcess alertmanager, Path dataDir, PrometheusLaunch launch) {
        this.models = models;
        this.alertmanager = alertmanager;
        this.log = log;
        this.api = api;
        this.apiPort = api.port();
        this.prometheus = prometheus;
        this.dataDir = dataDir;
        this.launch = launch;
    }

    /** Everything needed to start the same Prometheus again: same binary, port, target and data. */
    private record PrometheusLaunch(String binary, Version version, StackFiles files, String apiTarget,
                                    String loadgenTarget, String alertmanagerTarget, int port, Path data,
                                    ChildProcesses children, Consumer<String> log, Consumer<String> onExit) {

        PrometheusProcess start() throws IOException, InterruptedException {
            PrometheusProcess p = PrometheusProcess.start(binary, version, files, apiTarget, loadgenTarget,
                    alertmanagerTarget, port, data, null, children, line -> log.accept("prometheus | " + line));
            p.onUnexpectedExit(onExit);
            return p;
        }
    }

    /**
     * @param prometheusBinary null to run the API alone
     * @param prometheusVersion the binary's version, null when unknown: decides whether native histograms are on
     * @param log receives progress lines for the log pane
     * @param onPrometheusExit told why, when the Prometheus child ends without this stack stopping it
     * @param loadgenTarget host:port of the console's traffic metrics, scraped as job loadgen; null for none
     */
    public static LocalStack start(StackPorts ports, StackFiles files, String prometheusBinary,
                                   Version prometheusVersion, ChildProcesses children, Path home, Consumer<String> log,
                                   Consumer<String> onPrometheusExit, String loadgenTarget)
            throws IOException, InterruptedException {
        return start(ports, files, prometheusBinary, prometheusVersion, null, ReceiverEndpoint.NONE, children, home,
                log, onPrometheusExit, why -> { }, loadgenTarget);
    }

    /**
     * As above, with Alertmanager.
     *
     * @param alertmanagerBinary null to run without Alertmanager (Prometheus then sends its alerts nowhere)
     * @param receiver where Alertmanager posts its notifications: the console's receiver on loopback
     * @param onAlertmanagerExit told why, when the Alertmanager child ends without this stack stopping it
     */
    public static LocalStack start(StackPorts ports, StackFiles files, String prometheusBinary,
                                   Version prometheusVersion, String alertmanagerBinary, ReceiverEndpoint receiver,
                                   ChildProcesses children, Path home, Consumer<String> log,
                                   Consumer<String> onPrometheusExit, Consumer<String> onAlertmanagerExit,
                                   String loadgenTarget)
            throws IOException, InterruptedException {
        log.accept("Training the models (Tribuo CART, v1 and v2)…");
        ModelCatalog models = ModelCatalog.trainDefault();
        int apiPort = choose("API", ports.api(), log);
        ApiServer api = ApiServer.start(apiConfig(apiPort), models, new PrometheusRegistry());
        log.accept("API listening on " + api.baseUrl() + warmedUp(api));
        if (prometheusBinary == null) {
            log.accept("No prometheus binary: running the API alone. Install Prometheus for server-side charts, "
                    + "alerts and the PromQL sandbox.");
            return new LocalStack(models, log, api, null, null, null, null);
        }
        Path dataDir = null;
        AlertmanagerProcess alertmanager = null;
        try {
            dataDir = DataDirs.create(home, children.owner(), log);
            children.removeOnStop(dataDir);
            // Alertmanager first: Prometheus needs its address, and its port is taken before Prometheus's is chosen.
            alertmanager = startAlertmanager(alertmanagerBinary, receiver, ports, files, dataDir, children, log);
            if (alertmanager != null) {
                alertmanager.onUnexpectedExit(why -> {
                    log.accept(why);
                    onAlertmanagerExit.accept(why);
                });
            }
            int promPort = choose("Prometheus", ports.prometheus(), log);
            log.accept("Starting " + prometheusBinary + " on 127.0.0.1:" + promPort + " (rules: " + files.rulesDir()
                    + ", data: " + dataDir + ")…");
            log.accept(prometheusVersion != null && prometheusVersion.major() >= 3
                    ? "Prometheus " + prometheusVersion + ": native histograms on, classic buckets kept beside them."
                    : "Prometheus " + (prometheusVersion == null ? "(version unknown)" : prometheusVersion)
                            + ": classic histogram buckets only (native histograms need Prometheus 3).");
            PrometheusLaunch launch = new PrometheusLaunch(prometheusBinary, prometheusVersion, files,
                    "127.0.0.1:" + api.port(), loadgenTarget,
                    alertmanager == null ? null : "127.0.0.1:" + alertmanager.port(), promPort,
                    dataDir.resolve("data"), children, log, onPrometheusExit);
            if (loadgenTarget != null) {
                log.accept("Prometheus also scrapes the console's traffic metrics on " + loadgenTarget
                        + " (job loadgen).");
            }
            PrometheusProcess prometheus = launch.start();
            log.accept("Prometheus ready at " + prometheus.baseUrl());
            return new LocalStack(models, log, api, prometheus, alertmanager, dataDir, launch);
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (alertmanager != null) {
                alertmanager.close();
            }
            api.close();
            DataDirs.delete(dataDir);
            throw e;
        }
    }

    /**
     * Alertmanager in {@code dataDir/alertmanager}, posting to the receiver; null, with the reason in the log, when
     * there is no binary or it does not start: the rest of the stack does not need it.
     */
    private static AlertmanagerProcess startAlertmanager(String binary, ReceiverEndpoint receiver, StackPorts ports,
                                                         StackFiles files, Path dataDir, ChildProcesses children,
                                                         Consumer<String> log) throws InterruptedException {
        if (binary == null) {
            log.accept(InstallHelp.ALERTMANAGER_MISSING);
            return null;
        }
        String webhook = receiver.localUrl();
        try {
            int port = choose("Alertmanager", ports.alertmanager(), log);
            log.accept("Starting " + binary + " on 127.0.0.1:" + port + (webhook == null
                    ? " (no receiver in this console: it groups, inhibits and silences, but notifies nobody)…"
                    : ", notifying " + webhook + "…"));
            AlertmanagerProcess am = AlertmanagerProcess.start(binary, Files.readString(files.alertmanagerTemplate()),
                    webhook, port, dataDir.resolve("alertmanager"), children,
                    line -> log.accept("alertmanager | " + line));
            log.accept("Alertmanager ready at " + am.baseUrl() + "; Prometheus sends its alerts there.");
            return am;
        } catch (IOException | RuntimeException e) {
            log.accept("Alertmanager could not start: " + e.getMessage() + ". Prometheus runs without it: "
                    + "notifications and silences are off until the stack starts again.");
            return null;
        }
    }

    /** What the API did before its first client, so a slow first second is not a mystery. */
    private static String warmedUp(ApiServer api) {
        return " (warmed up first: " + api.warmUp().describe() + ", none of it in its metrics)";
    }

    /** Loopback only, with fault injection on: the Chaos panel drives /admin/faults. */
    private static ApiConfig apiConfig(int port) {
        return new ApiConfig(ApiConfig.DEFAULT_HOST, port, true);
    }

    /** The port asked for when free, else the next free one, said in the log. */
    static int choose(String what, int preferred, Consumer<String> log) {
        int port = Ports.pick(preferred);
        if (port != preferred) {
            log.accept(what + ": port " + preferred + " is already taken on 127.0.0.1; using " + port + " instead.");
        }
        return port;
    }

    @Override
    public String apiUrl() {
        return "http://127.0.0.1:" + apiPort;
    }

    @Override
    public String prometheusUrl() {
        return prometheus == null ? null : prometheus.baseUrl();
    }

    @Override
    public String alertmanagerUrl() {
        AlertmanagerProcess am = alertmanager;
        return am == null || !am.isAlive() ? null : am.baseUrl();
    }

    @Override
    public String grafanaUrl() {
        return null;
    }

    @Override
    public String describe() {
        return "Local: API on 127.0.0.1:" + apiPort
                + (prometheus == null ? ", no Prometheus" : ", Prometheus on 127.0.0.1:" + prometheus.port())
                + (alertmanager == null ? "" : ", Alertmanager on 127.0.0.1:" + alertmanager.port());
    }

    /** Stops the in-process API only (Prometheus keeps scraping and sees it down): the APIDown demonstration. */
    @Override
    public synchronized void stopApi() {
        if (api != null) {
            api.close();
            api = null;
            log.accept("API stopped (Prometheus will mark the target down and APIDown will go pending).");
        }
    }

    /** Starts the API again on the same port, with the same models and a fresh registry, as a restarted process. */
    @Override
    public synchronized void startApi() {
        if (api == null) {
            api = ApiServer.start(apiConfig(apiPort), models, new PrometheusRegistry());
            log.accept("API restarted on " + api.baseUrl() + warmedUp(api));
        }
    }

    /** Prometheus again, same port and data folder, after it died; a live one is left as it is. */
    @Override
    public synchronized void restartPrometheus() throws IOException, InterruptedException {
        if (closed) {
            throw new IOException("the stack is stopping");
        }
        if (launch == null) {
            throw new IOException("this stack runs without Prometheus (no prometheus binary was found)");
        }
        if (prometheus != null && prometheus.isAlive()) {
            return;
        }
        log.accept("Starting Prometheus again on 127.0.0.1:" + launch.port() + " with its data in " + dataDir + "…");
        prometheus = launch.start();
        log.accept("Prometheus ready at " + prometheus.baseUrl());
    }

    /** Stops Prometheus, Alertmanager and the API and removes their data folder: nothing of this stack outlives it. */
    @Override
    public synchronized void close() {
        closed = true;
        if (prometheus != null) {
            prometheus.close();
        }
        if (alertmanager != null) {
            alertmanager.close(); // after Prometheus, which would otherwise log failed sends to it
        }
        if (api != null) {
            api.close();
            api = null;
        }
        DataDirs.delete(dataDir);
    }
}
