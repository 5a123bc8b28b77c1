package dev.mlobservatory.console.notify;

import dev.mlobservatory.console.stack.DockerHost;
import dev.mlobservatory.console.stack.ReceiverEndpoint;
import java.io.IOException;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's webhook receiver, where Alertmanager posts its notifications: on a free loopback port from
 * construction to {@link #close()} (so Local mode's Alertmanager can be configured before it starts), and on the
 * fixed port Docker's Alertmanager posts to ({@code host.docker.internal:9466}) while a Docker stack runs.
 */
public final class ConsoleReceiver implements ReceiverEndpoint, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleReceiver.class);
    /** The port Docker's Alertmanager posts to unless the setting port.receiver says otherwise. */
    public static final int DEFAULT_DOCKER_PORT = 9466;
    static final String LOOPBACK = "127.0.0.1";

    private final Consumer<WebhookMessage> listener;
    private final IntSupplier dockerPort;
    private final WebhookServer loopback;
    private WebhookServer docker;

    /**
     * @param dockerPort the fixed port for Docker mode, read when a Docker stack starts (a setting)
     * @param listener   takes each good notification, on one of the receiver's threads
     */
    public ConsoleReceiver(IntSupplier dockerPort, Consumer<WebhookMessage> listener) {
        this.dockerPort = dockerPort;
        this.listener = listener;
        WebhookServer started = null;
        try {
            started = WebhookServer.start(LOOPBACK, 0, listener);
        } catch (IOException e) {
            // Everything else works; Alertmanager is then configured with no receiver, and the tab says so.
            LOG.warn("notifications not received: {}", e.getMessage());
        }
        this.loopback = started;
        if (started != null) {
            LOG.info("receiving Alertmanager's notifications at {}", started.url());
        }
    }

    @Override
    public String localUrl() {
        return loopback == null ? null : loopback.url();
    }

    @Override
    public synchronized String openForDocker() throws IOException {
        if (docker == null) {
            docker = WebhookServer.start(DockerHost.address(), dockerPort.getAsInt(), listener);
        }
        return docker.url();
    }

    @Override
    public synchronized void closeForDocker() {
        if (docker != null) {
            docker.close();
            docker = null;
        }
    }

    /** Stops listening, on both ports, and the receiver's threads. */
    @Override
    public void close() {
        closeForDocker();
        if (loopback != null) {
            loopback.close();
        }
    }
}
