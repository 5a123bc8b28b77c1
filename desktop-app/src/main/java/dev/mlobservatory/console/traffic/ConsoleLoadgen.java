package dev.mlobservatory.console.traffic;

import dev.mlobservatory.console.stack.DockerHost;
import dev.mlobservatory.console.stack.LoadgenEndpoint;
import java.io.IOException;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's traffic metrics and where they are served: on a free loopback port for as long as the console runs
 * (Local mode's Prometheus scrapes it as job loadgen), and on the fixed port Docker's Prometheus looks at while a
 * Docker stack runs. Every run of the console's engine records into the same {@link LoadgenMetrics}.
 */
public final class ConsoleLoadgen implements LoadgenEndpoint, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleLoadgen.class);
    /** The port Docker's Prometheus scrapes unless the setting port.loadgen says otherwise (prometheus.yml: 9465). */
    public static final int DEFAULT_DOCKER_PORT = 9465;

    private final LoadgenMetrics metrics = new LoadgenMetrics();
    private final LoadgenExporter loopback;
    private final IntSupplier dockerPort;
    private LoadgenExporter docker;

    /** @param dockerPort the fixed port for Docker mode, read when a Docker stack starts (a setting) */
    public ConsoleLoadgen(IntSupplier dockerPort) {
        this.dockerPort = dockerPort;
        LoadgenExporter started = null;
        try {
            started = LoadgenExporter.start(metrics, LoadgenExporter.DEFAULT_HOST, 0);
        } catch (IOException e) {
            // Traffic still works; only the loadgen job is missing from Local mode's Prometheus.
            LOG.warn("traffic metrics not served: {}", e.getMessage());
        }
        this.loopback = started;
    }

    public LoadgenMetrics metrics() {
        return metrics;
    }

    @Override
    public String localTarget() {
        return loopback == null ? null : loopback.target();
    }

    @Override
    public synchronized String openForDocker() throws IOException {
        if (docker == null) {
            docker = LoadgenExporter.start(metrics, DockerHost.address(), dockerPort.getAsInt());
        }
        return docker.target();
    }

    @Override
    public synchronized void closeForDocker() {
        if (docker != null) {
            docker.close();
            docker = null;
        }
    }

    @Override
    public void close() {
        closeForDocker();
        if (loopback != null) {
            loopback.close();
        }
    }
}
